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
 * Task_AnswerFeedback: the rektor answers the head of school form's feedback before going back to
 * the part it is about; the answer joins the plan's dialogue.
 */
@Component
public class AnswerFeedbackForm extends TaskForm {

  private final PlanDialogue dialogue;

  public AnswerFeedbackForm(PlanDialogue dialogue, Texts texts) {
    super(texts);
    this.dialogue = dialogue;
  }

  @Override
  protected void show(DelegateTask task) {
    Long planId = (Long) task.getVariable(QUALITY_PLAN_ID);
    FormFields.show(task, "feedbackComment", () -> dialogue.latest(planId));
    FormFields.show(task, "planDialogue", () -> dialogue.text(planId));
    FormFields.prefillEmpty(task, "feedbackAnswer");
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String answer = in.text("feedbackAnswer");
    in.check();
    dialogue.write((Long) task.getVariable(QUALITY_PLAN_ID), CurrentUser.of(task),
        PlanMessage.Part.valueOf((String) task.getVariable(RETURN_TO)), answer);
    FormFields.clear(task, "feedbackAnswer");
  }
}
