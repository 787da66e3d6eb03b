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

/** Task_HoldKickOff: agreed goals, the form of support, who takes part. */
@Component
public class KickOffForm extends TaskForm {

  private static final String[] INPUTS = {"goals", "supportForms", "kickOffParticipants"};

  private final Assignments assignments;

  public KickOffForm(Assignments assignments, Texts texts) {
    super(texts);
    this.assignments = assignments;
  }

  @Override
  protected void show(DelegateTask task) {
    FormFields.show(task, "orderSummary", assignments.orderSummary((Long) task.getVariable(ASSIGNMENT_ID)));
    FormFields.prefillEmpty(task, "goals", "kickOffParticipants");
    FormFields.prefill(task, Map.of("supportForms", JsonVariables.json(List.of())));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String goals = in.text("goals");
    List<String> supportForms = in.list("supportForms", false);
    String participants = in.text("kickOffParticipants");
    in.check();
    assignments.kickOff((Long) task.getVariable(ASSIGNMENT_ID), goals, supportForms, participants);
    FormFields.clear(task, INPUTS);
  }
}
