package se.kvalitetsarbete.assignment;

import static se.kvalitetsarbete.assignment.AssignmentProcess.*;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.CurrentUser;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.Texts;

/** Task_HoldCheckIn: how the work relates to the original order, and any change of focus or scope. */
@Component
public class CheckInForm implements TaskListener {

  private static final String[] INPUTS = {"relationToOrder", "focusChanged", "changeOfFocus", "continueAssignment"};

  private final Assignments assignments;
  private final Texts texts;

  public CheckInForm(Assignments assignments, Texts texts) {
    this.assignments = assignments;
    this.texts = texts;
  }

  @Override
  public void notify(DelegateTask task) {
    Long id = (Long) task.getVariable(ASSIGNMENT_ID);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      FormFields.show(task, "orderSummary", assignments.orderSummary(id));
      FormFields.prefillEmpty(task, "relationToOrder", "changeOfFocus", "continueAssignment");
      FormFields.prefill(task, java.util.Map.of("focusChanged", false));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      FormInput in = new FormInput(task, texts);
      String relation = in.text("relationToOrder", 4000, true);
      boolean focusChanged = in.bool("focusChanged");
      String change = in.text("changeOfFocus", 4000, focusChanged);
      boolean finished = "FINISH".equals(in.choice("continueAssignment", Set.of("CONTINUE", "FINISH"), true));
      in.check();
      assignments.checkIn(id, relation, focusChanged ? change : null, CurrentUser.of(task));
      FormFields.clear(task, INPUTS);
      task.getExecution().setVariable(ASSIGNMENT_FINISHED, finished);
    }
  }
}
