package se.kvalitetsarbete.assignment;

import static se.kvalitetsarbete.assignment.AssignmentProcess.FOLLOW_UP_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenDraftNeedsDescription: more support is needed, so the next round starts from a draft. */
@Component
public class OpenDraftNeedsDescription implements JavaDelegate {

  private final Assignments assignments;

  public OpenDraftNeedsDescription(Assignments assignments) {
    this.assignments = assignments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    assignments.openDraftNeedsDescription((Long) execution.getVariable(FOLLOW_UP_ID));
  }
}
