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
 * Task_ReadOrganiserFeedback: after the board's report the rektor reads the organiser's feedback
 * and may reply; the reply joins the plan's dialogue.
 */
@Component
public class ReadOrganiserFeedbackForm extends TaskForm {

  private final SchoolYears years;
  private final PlanDialogue dialogue;

  public ReadOrganiserFeedbackForm(SchoolYears years, PlanDialogue dialogue, Texts texts) {
    super(texts);
    this.years = years;
    this.dialogue = dialogue;
  }

  @Override
  protected void show(DelegateTask task) {
    SchoolYear year = years.get((Long) task.getVariable(SCHOOL_YEAR_ID));
    FormFields.show(task, "organiserFeedback", () -> year.getOrganiserFeedback() == null ? "" : year.getOrganiserFeedback());
    FormFields.show(task, "boardReport", () -> year.getBoardReport() == null ? "" : year.getBoardReport());
    FormFields.prefillEmpty(task, "organiserFeedbackReply");
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String reply = in.text("organiserFeedbackReply", false);
    in.check();
    dialogue.write((Long) task.getVariable(QUALITY_PLAN_ID), CurrentUser.of(task), PlanMessage.Part.ORGANISER, reply);
    FormFields.clear(task, "organiserFeedbackReply");
  }
}
