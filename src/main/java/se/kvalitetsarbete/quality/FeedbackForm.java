package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.CurrentUser;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/** Task_GiveFeedback: the head of school form approves the plan, or returns it with feedback. */
@Component
public class FeedbackForm extends TaskForm {

  private static final String[] INPUTS = {"feedbackDecision", "feedbackComment"};

  private final QualityPlans plans;

  public FeedbackForm(QualityPlans plans, Texts texts) {
    super(texts);
    this.plans = plans;
  }

  @Override
  protected void show(DelegateTask task) {
    FormFields.show(task, "planSummary", plans.planText((Long) task.getVariable(QUALITY_PLAN_ID)));
    FormFields.prefillEmpty(task, INPUTS);
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    boolean approved = "APPROVE".equals(in.choice("feedbackDecision"));
    String comment = in.text("feedbackComment", !approved);
    in.check();
    plans.feedback((Long) task.getVariable(QUALITY_PLAN_ID), approved, comment, CurrentUser.of(task));
    FormFields.clear(task, INPUTS);
    task.getExecution().setVariable(PLAN_APPROVED, approved);
  }
}
