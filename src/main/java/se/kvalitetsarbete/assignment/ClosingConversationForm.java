package se.kvalitetsarbete.assignment;

import static se.kvalitetsarbete.assignment.AssignmentProcess.ASSIGNMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.Texts;

/** Task_HoldClosingConversation: what was done, and how the unit carries the work on. */
@Component
public class ClosingConversationForm implements TaskListener {

  private final Assignments assignments;
  private final Texts texts;

  public ClosingConversationForm(Assignments assignments, Texts texts) {
    this.assignments = assignments;
    this.texts = texts;
  }

  @Override
  public void notify(DelegateTask task) {
    Long id = (Long) task.getVariable(ASSIGNMENT_ID);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      FormFields.show(task, "orderSummary", assignments.orderSummary(id));
      FormFields.prefillEmpty(task, "closingSummary", "continuationPlan");
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      FormInput in = new FormInput(task, texts);
      String summary = in.text("closingSummary", 4000, true);
      String plan = in.text("continuationPlan", 4000, true);
      in.check();
      assignments.close(id, summary, plan);
      FormFields.clear(task, "closingSummary", "continuationPlan");
    }
  }
}
