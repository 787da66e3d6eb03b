package se.kvalitetsarbete.assignment;

import static se.kvalitetsarbete.assignment.AssignmentProcess.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.allocation.AllocationMeeting;
import se.kvalitetsarbete.common.CurrentUser;
import se.kvalitetsarbete.common.Dates;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.JsonVariables;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.security.InstanceAccess;

/**
 * Task_HoldCheckIn: how the work relates to the original order, any change of focus, and any
 * change of the team, days per week or terms (recorded with why; capacity checked), and whether
 * the work goes on.
 */
@Component
public class CheckInForm extends TaskForm {

  private static final String[] INPUTS = {"relationToOrder", "focusChanged", "changeOfFocus", "staffingChanged", "members",
      "daysPerWeek", "addTerms", "changeReason", "continueAssignment"};

  private final Assignments assignments;
  private final AllocationMeeting meeting;
  private final InstanceAccess access;

  public CheckInForm(Assignments assignments, AllocationMeeting meeting, InstanceAccess access, Texts texts) {
    super(texts);
    this.assignments = assignments;
    this.meeting = meeting;
    this.access = access;
  }

  @Override
  protected void show(DelegateTask task) {
    Long assignmentId = (Long) task.getVariable(ASSIGNMENT_ID);
    Assignment assignment = assignments.get(assignmentId);
    FormFields.show(task, "orderSummary", () -> assignments.orderSummary(assignmentId));
    FormFields.show(task, "teamMemberOptions", () -> JsonVariables.json(meeting.memberOptions()));
    FormFields.prefillEmpty(task, "relationToOrder", "changeOfFocus", "changeReason", "continueAssignment");
    FormFields.prefill(task, Map.of("focusChanged", false, "staffingChanged", false,
        "members", JsonVariables.json(assignment.memberIds()), "daysPerWeek", assignment.getDaysPerWeek().doubleValue(), "addTerms", 0));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String relation = in.text("relationToOrder");
    boolean focusChanged = in.bool("focusChanged");
    String change = in.text("changeOfFocus", focusChanged);
    boolean staffingChanged = in.bool("staffingChanged");
    List<String> members = in.list("members", staffingChanged);
    BigDecimal days = in.number("daysPerWeek", staffingChanged);
    Integer addTerms = in.integer("addTerms");
    String reason = in.text("changeReason", staffingChanged);
    boolean finished = "FINISH".equals(in.choice("continueAssignment"));
    boolean extending = staffingChanged && addTerms != null && addTerms > 0;
    in.require(!(finished && extending), "checkIn.finishAndExtend");
    in.check();
    Long assignmentId = (Long) task.getVariable(ASSIGNMENT_ID);
    String user = CurrentUser.of(task);
    boolean extended = false;
    if (staffingChanged || focusChanged) {
      extended = assignments.change(assignmentId, staffingChanged ? members : null, staffingChanged ? days : null,
          extending ? addTerms : 0, focusChanged ? change : null, staffingChanged ? reason : change, user);
    }
    assignments.checkIn(assignmentId, relation, focusChanged ? change : null, user);
    FormFields.clear(task, INPUTS);
    DelegateExecution execution = task.getExecution();
    execution.setVariable(ASSIGNMENT_FINISHED, finished);
    execution.setVariable(ASSIGNMENT_EXTENDED, extended);
    if (staffingChanged) {
      // The next check-ins are for the team as it is now; new members may follow the assignment.
      List<String> participants = assignments.participants(assignmentId);
      execution.setVariable(PARTICIPANTS, String.join(",", participants));
      access.grantRead(execution, participants);
    }
    if (extended) {
      // Read by Timer_TermEnds when the carrying out starts again for the added terms.
      execution.setVariable(TERM_END, Dates.toDate(assignments.lastDay(assignmentId)
          .atTime(RegisterAssignment.TERM_ENDS_AT_HOUR, 0)));
    }
  }
}
