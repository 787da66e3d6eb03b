package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.MESSAGE_PLAN_APPROVED;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.security.AsProcess;

/**
 * Task_ReportPlanApproved: the yearly cycle that started this plan hears that it is approved, and
 * starts the organiser's plan once every unit's plan is. Asynchronous, so that two plans approved
 * at the same moment retry rather than fail for a person: the yearly cycle counts both.
 */
@Component
public class ReportPlanApproved implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    AsProcess.run(() -> {
      ProcessInstance yearlyCycle = runtime.createProcessInstanceQuery()
          .subProcessInstanceId(execution.getProcessInstanceId()).singleResult();
      if (yearlyCycle != null) {
        // After the deadline the yearly cycle no longer waits: nothing then listens, and nothing is lost.
        runtime.createMessageCorrelation(MESSAGE_PLAN_APPROVED).processInstanceId(yearlyCycle.getId()).correlateAll();
      }
    });
  }
}
