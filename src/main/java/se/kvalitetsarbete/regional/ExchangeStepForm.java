package se.kvalitetsarbete.regional;

import static se.kvalitetsarbete.regional.RegionalExchangeProcess.REGIONAL_EXCHANGE_ID;

import java.util.function.BiConsumer;
import org.camunda.bpm.engine.delegate.DelegateTask;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/** A step of the exchange: shows the exchange so far, records one text of the step's form. */
abstract class ExchangeStepForm extends TaskForm {

  private final RegionalExchanges exchanges;
  private final String field;
  private final BiConsumer<Long, String> record;

  ExchangeStepForm(RegionalExchanges exchanges, Texts texts, String field, BiConsumer<Long, String> record) {
    super(texts);
    this.exchanges = exchanges;
    this.field = field;
    this.record = record;
  }

  @Override
  protected void show(DelegateTask task) {
    FormFields.show(task, "exchangeSoFar", () -> exchanges.text((Long) task.getVariable(REGIONAL_EXCHANGE_ID)));
    FormFields.prefillEmpty(task, field);
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String value = in.text(field);
    in.check();
    record.accept((Long) task.getVariable(REGIONAL_EXCHANGE_ID), value);
    FormFields.clear(task, field);
  }
}
