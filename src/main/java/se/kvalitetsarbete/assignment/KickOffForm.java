package se.kvalitetsarbete.assignment;

import static se.kvalitetsarbete.assignment.AssignmentProcess.ASSIGNMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.organisation.Toolbox;

/** Task_HoldKickOff: agreed goals, the form of support, who takes part. */
@Component
public class KickOffForm implements TaskListener {

  private static final String[] INPUTS = {"goals", "supportForms", "kickOffParticipants"};

  private final Assignments assignments;
  private final Texts texts;

  public KickOffForm(Assignments assignments, Texts texts) {
    this.assignments = assignments;
    this.texts = texts;
  }

  @Override
  public void notify(DelegateTask task) {
    Long id = (Long) task.getVariable(ASSIGNMENT_ID);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      FormFields.show(task, "orderSummary", assignments.orderSummary(id));
      FormFields.prefillEmpty(task, "goals", "kickOffParticipants");
      FormFields.prefill(task, java.util.Map.of("supportForms", se.kvalitetsarbete.common.JsonVariables.json(java.util.List.of())));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      FormInput in = new FormInput(task, texts);
      String goals = in.text("goals", 4000, true);
      var supportForms = in.list("supportForms", Toolbox.names(), true);
      String participants = in.text("kickOffParticipants", 1000, true);
      in.check();
      assignments.kickOff(id, goals, supportForms, participants);
      FormFields.clear(task, INPUTS);
    }
  }
}
