package se.kvalitetsarbete.assignment;

import static se.kvalitetsarbete.assignment.AssignmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import java.util.Map;
import se.kvalitetsarbete.common.CurrentUser;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/** Task_HoldFollowUpConversation: does the work live on, and is more support needed? */
@Component
public class FollowUpForm extends TaskForm {

  private static final String[] INPUTS = {"followUpOutcome", "moreSupportNeeded", "supportNeeded"};

  private final Assignments assignments;
  private final Texts texts;

  public FollowUpForm(Assignments assignments, Texts texts) {
    super(texts);
    this.assignments = assignments;
    this.texts = texts;
  }

  /** The task's name says which follow-up it is (after 1, 3 or 6 months). */
  @Override
  protected void created(DelegateTask task) {
    task.setName(texts.get("tlux.followUp.taskName", task.getName(), when(task)));
  }

  private String when(DelegateTask task) {
    return texts.get("tlux.followUp.after", assignments.followUpAfterText((Long) task.getVariable(FOLLOW_UP_ID)));
  }

  @Override
  protected void show(DelegateTask task) {
    Long assignmentId = (Long) task.getVariable(ASSIGNMENT_ID);
    Assignment assignment = assignments.get(assignmentId);
    FormFields.show(task, "followUpWhen", () -> when(task));
    FormFields.show(task, "followUpContext", () -> texts.get("followUp.context", assignments.orderSummary(assignmentId),
        assignment.getClosingSummary(), assignment.getContinuationPlan()));
    FormFields.prefillEmpty(task, "followUpOutcome", "supportNeeded");
    FormFields.prefill(task, Map.of("moreSupportNeeded", false));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String outcome = in.text("followUpOutcome");
    boolean more = in.bool("moreSupportNeeded");
    String supportNeeded = in.text("supportNeeded", more);
    in.check();
    assignments.recordFollowUp((Long) task.getVariable(FOLLOW_UP_ID), outcome, more, more ? supportNeeded : null, CurrentUser.of(task));
    FormFields.clear(task, INPUTS);
  }
}
