package se.kvalitetsarbete.assignment;

import static se.kvalitetsarbete.assignment.AssignmentProcess.ASSIGNMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import java.util.List;
import java.util.Map;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.JsonVariables;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/**
 * Task_HoldKickOff: agreed goals, the form of support, who takes part, and who at the unit carries
 * the work on when the team leaves (a förstelärare or arbetslagsledare): chosen among the unit's staff.
 */
@Component
public class KickOffForm extends TaskForm {

  private static final String[] INPUTS = {"goals", "supportForms", "kickOffParticipants", "carrier", "teachers"};

  private final Assignments assignments;

  public KickOffForm(Assignments assignments, Texts texts) {
    super(texts);
    this.assignments = assignments;
  }

  @Override
  protected void show(DelegateTask task) {
    Long assignmentId = (Long) task.getVariable(ASSIGNMENT_ID);
    FormFields.show(task, "orderSummary", () -> assignments.orderSummary(assignmentId));
    FormFields.show(task, "unitStaffOptions", () -> JsonVariables.json(assignments.staff(assignmentId).entrySet().stream()
        .map(staff -> Map.of("label", staff.getValue().isBlank() ? staff.getKey() : staff.getValue(), "value", staff.getKey()))
        .toList()));
    FormFields.prefillEmpty(task, "goals", "kickOffParticipants", "carrier");
    FormFields.prefill(task, Map.of("supportForms", JsonVariables.json(List.of()), "teachers", JsonVariables.json(List.of())));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String goals = in.text("goals");
    List<String> supportForms = in.list("supportForms", false);
    String participants = in.text("kickOffParticipants");
    String carrier = in.text("carrier");
    List<String> teachers = in.list("teachers", false);
    in.check();
    assignments.kickOff((Long) task.getVariable(ASSIGNMENT_ID), goals, supportForms, participants, carrier, teachers);
    FormFields.clear(task, INPUTS);
  }
}
