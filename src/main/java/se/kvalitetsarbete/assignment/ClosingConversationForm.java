package se.kvalitetsarbete.assignment;

import static se.kvalitetsarbete.assignment.AssignmentProcess.ASSIGNMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/** Task_HoldClosingConversation: what was done, and how the unit carries the work on. */
@Component
public class ClosingConversationForm extends TaskForm {

  private static final String[] INPUTS = {"closingSummary", "continuationPlan"};

  private final Assignments assignments;

  public ClosingConversationForm(Assignments assignments, Texts texts) {
    super(texts);
    this.assignments = assignments;
  }

  @Override
  protected void show(DelegateTask task) {
    FormFields.show(task, "orderSummary", assignments.orderSummary((Long) task.getVariable(ASSIGNMENT_ID)));
    FormFields.prefillEmpty(task, INPUTS);
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String summary = in.text("closingSummary");
    String plan = in.text("continuationPlan");
    in.check();
    assignments.close((Long) task.getVariable(ASSIGNMENT_ID), summary, plan);
    FormFields.clear(task, INPUTS);
  }
}
