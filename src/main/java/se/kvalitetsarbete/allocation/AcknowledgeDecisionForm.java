package se.kvalitetsarbete.allocation;

import static se.kvalitetsarbete.allocation.TermAllocationProcess.DECISION_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/** Task_AcknowledgeDecision: the rektor reads the meeting's decision and its grounds; nothing is submitted. */
@Component
public class AcknowledgeDecisionForm extends TaskForm {

  private final AllocationMeeting meeting;

  public AcknowledgeDecisionForm(AllocationMeeting meeting, Texts texts) {
    super(texts);
    this.meeting = meeting;
  }

  @Override
  protected void show(DelegateTask task) {
    FormFields.show(task, "decisionText", () -> meeting.describe((Long) task.getVariable(DECISION_ID)));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    in.check();
  }
}
