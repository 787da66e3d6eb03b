package se.kvalitetsarbete.assignment;

import static se.kvalitetsarbete.assignment.AssignmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PlanFollowUps: the schedule is the task's input parameter in the model. */
@Component
public class PlanFollowUps implements JavaDelegate {

  private final Assignments assignments;

  public PlanFollowUps(Assignments assignments) {
    this.assignments = assignments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    assignments.planFollowUps((Long) execution.getVariable(ASSIGNMENT_ID), (String) execution.getVariable(FOLLOW_UP_SCHEDULE));
  }
}
