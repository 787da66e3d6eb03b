package se.kvalitetsarbete.assignment;

import static se.kvalitetsarbete.assignment.AssignmentProcess.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.CurrentUser;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/** Task_HoldCheckIn: how the work relates to the original order, and any change of focus or scope. */
@Component
public class CheckInForm extends TaskForm {

  private static final String[] INPUTS = {"relationToOrder", "focusChanged", "changeOfFocus", "continueAssignment"};

  private final Assignments assignments;

  public CheckInForm(Assignments assignments, Texts texts) {
    super(texts);
    this.assignments = assignments;
  }

  @Override
  protected void show(DelegateTask task) {
    FormFields.show(task, "orderSummary", assignments.orderSummary((Long) task.getVariable(ASSIGNMENT_ID)));
    FormFields.prefillEmpty(task, "relationToOrder", "changeOfFocus", "continueAssignment");
    FormFields.prefill(task, Map.of("focusChanged", false));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String relation = in.text("relationToOrder");
    boolean focusChanged = in.bool("focusChanged");
    String change = in.text("changeOfFocus", focusChanged);
    boolean finished = "FINISH".equals(in.choice("continueAssignment"));
    in.check();
    assignments.checkIn((Long) task.getVariable(ASSIGNMENT_ID), relation, focusChanged ? change : null, CurrentUser.of(task));
    FormFields.clear(task, INPUTS);
    task.getExecution().setVariable(ASSIGNMENT_FINISHED, finished);
  }
}
