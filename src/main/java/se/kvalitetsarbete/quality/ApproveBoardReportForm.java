package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/** Task_ApproveBoardReport: approve the report to the board, or send it back to the summary. */
@Component
public class ApproveBoardReportForm extends TaskForm {

  private static final String[] INPUTS = {"reportDecision", "reportComment"};

  private final SchoolYears years;

  public ApproveBoardReportForm(SchoolYears years, Texts texts) {
    super(texts);
    this.years = years;
  }

  @Override
  protected void show(DelegateTask task) {
    FormFields.show(task, "boardReport", () -> years.get((Long) task.getVariable(SCHOOL_YEAR_ID)).getBoardReport());
    FormFields.prefillEmpty(task, INPUTS);
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    boolean approved = "APPROVE".equals(in.choice("reportDecision"));
    String comment = in.text("reportComment", !approved);
    in.check();
    years.decideBoardReport((Long) task.getVariable(SCHOOL_YEAR_ID), approved, comment);
    FormFields.clear(task, INPUTS);
    task.getExecution().setVariable(REPORT_APPROVED, approved);
  }
}
