package se.kvalitetsarbete.assignment;

import static se.kvalitetsarbete.assignment.AssignmentProcess.ASSIGNMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/**
 * Task_HoldClosingConversation: what was done, how the unit carries the work on, and whether the
 * one named at the kick-off to carry it on has taken it over.
 */
@Component
public class ClosingConversationForm extends TaskForm {

  private static final String[] INPUTS = {"closingSummary", "continuationPlan", "handOverDone", "handOverComment"};

  private final Assignments assignments;

  public ClosingConversationForm(Assignments assignments, Texts texts) {
    super(texts);
    this.assignments = assignments;
  }

  @Override
  protected void show(DelegateTask task) {
    Long assignmentId = (Long) task.getVariable(ASSIGNMENT_ID);
    FormFields.show(task, "orderSummary", () -> assignments.orderSummary(assignmentId));
    FormFields.show(task, "carrierName", () -> assignments.carrierText(assignmentId));
    FormFields.prefillEmpty(task, INPUTS);
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String summary = in.text("closingSummary");
    String plan = in.text("continuationPlan");
    boolean handedOver = "YES".equals(in.choice("handOverDone"));
    String handOverComment = in.text("handOverComment", !handedOver);
    in.check();
    assignments.close((Long) task.getVariable(ASSIGNMENT_ID), summary, plan, handedOver, handOverComment);
    FormFields.clear(task, INPUTS);
  }
}
