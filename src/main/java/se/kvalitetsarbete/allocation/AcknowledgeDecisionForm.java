package se.kvalitetsarbete.allocation;

import static se.kvalitetsarbete.allocation.TermAllocationProcess.DECISION_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.FormFields;

/** Task_AcknowledgeDecision: the rektor reads the meeting's decision and its grounds. */
@Component
public class AcknowledgeDecisionForm implements TaskListener {

  private final AllocationMeeting meeting;

  public AcknowledgeDecisionForm(AllocationMeeting meeting) {
    this.meeting = meeting;
  }

  @Override
  public void notify(DelegateTask task) {
    FormFields.show(task, "decisionText", meeting.describe((Long) task.getVariable(DECISION_ID)));
  }
}
