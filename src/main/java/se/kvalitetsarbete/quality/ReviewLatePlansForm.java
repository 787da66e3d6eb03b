package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.SCHOOL_YEAR_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/** Task_ReviewLatePlans: at the deadline, the units whose plan is not approved, to remind. */
@Component
public class ReviewLatePlansForm extends TaskForm {

  private final SchoolYears years;

  public ReviewLatePlansForm(SchoolYears years, Texts texts) {
    super(texts);
    this.years = years;
  }

  @Override
  protected void show(DelegateTask task) {
    FormFields.show(task, "latePlansText", () -> years.latePlansText((Long) task.getVariable(SCHOOL_YEAR_ID)));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    // Nothing to record: the reminding happens outside the form.
  }
}
