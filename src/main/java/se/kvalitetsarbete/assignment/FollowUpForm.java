package se.kvalitetsarbete.assignment;

import static se.kvalitetsarbete.assignment.AssignmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.CurrentUser;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.Texts;

/** Task_HoldFollowUpConversation: does the work live on, and is more support needed? */
@Component
public class FollowUpForm implements TaskListener {

  private static final String[] INPUTS = {"followUpOutcome", "moreSupportNeeded", "supportNeeded"};

  private final Assignments assignments;
  private final Texts texts;

  public FollowUpForm(Assignments assignments, Texts texts) {
    this.assignments = assignments;
    this.texts = texts;
  }

  @Override
  public void notify(DelegateTask task) {
    Long assignmentId = (Long) task.getVariable(ASSIGNMENT_ID);
    Long followUpId = (Long) task.getVariable(FOLLOW_UP_ID);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Assignment assignment = assignments.get(assignmentId);
      FormFields.show(task, "followUpContext", texts.get("followUp.context", assignments.orderSummary(assignmentId),
          assignment.getClosingSummary(), assignment.getContinuationPlan()));
      FormFields.prefillEmpty(task, "followUpOutcome", "supportNeeded");
      FormFields.prefill(task, java.util.Map.of("moreSupportNeeded", false));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      FormInput in = new FormInput(task, texts);
      String outcome = in.text("followUpOutcome", 4000, true);
      boolean more = in.bool("moreSupportNeeded");
      String supportNeeded = in.text("supportNeeded", 4000, more);
      in.check();
      assignments.recordFollowUp(followUpId, outcome, more, more ? supportNeeded : null, CurrentUser.of(task));
      FormFields.clear(task, INPUTS);
    }
  }
}
