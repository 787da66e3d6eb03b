package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.MESSAGE_PLAN_APPROVED;
import static se.kvalitetsarbete.quality.SkaProcess.QUALITY_PLAN_ID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.security.AsProcess;

/**
 * Task_ReportPlanApproved: the school year of this plan hears that it is approved, and starts the
 * organiser's plan once every unit's plan is. The year's instance is found by the plan's record
 * (its school year's process instance), not by a variable a form could set. Asynchronous, so that
 * two plans approved at the same moment retry rather than fail for a person: the year counts both.
 */
@Component
public class ReportPlanApproved implements JavaDelegate {

  private final QualityPlans plans;

  public ReportPlanApproved(QualityPlans plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String yearInstance = plans.get((Long) execution.getVariable(QUALITY_PLAN_ID)).getSchoolYear().getProcessInstanceId();
    if (yearInstance == null) {
      return;
    }
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    // After the deadline the year no longer waits: nothing then listens, and nothing is lost.
    AsProcess.run(() -> runtime.createMessageCorrelation(MESSAGE_PLAN_APPROVED).processInstanceId(yearInstance).correlateAll());
  }
}
