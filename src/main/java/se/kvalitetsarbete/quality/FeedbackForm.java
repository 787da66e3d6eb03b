package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.CurrentUser;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/**
 * Task_GiveFeedback: the head of school form approves the plan, or returns it with feedback to the
 * part it is about (results, analysis or development); the feedback joins the plan's dialogue.
 */
@Component
public class FeedbackForm extends TaskForm {

  private static final String[] INPUTS = {"feedbackDecision", "returnTo", "feedbackComment"};

  private final QualityPlans plans;

  public FeedbackForm(QualityPlans plans, Texts texts) {
    super(texts);
    this.plans = plans;
  }

  @Override
  protected void show(DelegateTask task) {
    FormFields.show(task, "planSummary", () -> plans.planText((Long) task.getVariable(QUALITY_PLAN_ID)));
    FormFields.prefillEmpty(task, INPUTS);
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    boolean approved = "APPROVE".equals(in.choice("feedbackDecision"));
    String returnTo = in.choice("returnTo", !approved);
    String comment = in.text("feedbackComment", !approved);
    in.check();
    PlanMessage.Part part = approved ? PlanMessage.Part.WHOLE : PlanMessage.Part.valueOf(returnTo);
    plans.feedback((Long) task.getVariable(QUALITY_PLAN_ID), approved, part, comment, CurrentUser.of(task));
    FormFields.clear(task, INPUTS);
    task.getExecution().setVariable(PLAN_APPROVED, approved);
    task.getExecution().setVariable(RETURN_TO, approved ? null : returnTo);
  }
}
