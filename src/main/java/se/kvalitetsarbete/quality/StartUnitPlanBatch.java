package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.*;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.FirstStepNow;
import se.kvalitetsarbete.security.AsProcess;

/**
 * Task_StartBatchPlans of SkaUnitPlanBatch: a SkaUnitPlan for each of the batch's units that has no
 * plan for the year yet, all in this job's one transaction, each plan's first step
 * (Task_StartUnitPlan) included: one commit for the batch instead of a job and a commit per plan.
 * Tried again after a failure, it starts only what is still missing, and each plan's first step is
 * then a job of its own, so that the one unit that cannot start becomes an incident of its own plan
 * and holds up no other.
 */
@Component
public class StartUnitPlanBatch implements JavaDelegate {

  private final UnitPlanStarts starts;

  public StartUnitPlanBatch(UnitPlanStarts starts) {
    this.starts = starts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long schoolYearId = (Long) execution.getVariable(SCHOOL_YEAR_ID);
    List<Long> units = starts.unitsWithoutPlan(schoolYearId, (Long) execution.getVariable(FIRST_UNIT_ID),
        (Long) execution.getVariable(LAST_UNIT_ID));
    boolean together = !FirstStepNow.triedBefore(execution);
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    AsProcess.run(() -> units.forEach(unitId -> {
      ProcessInstance plan = runtime.createProcessInstanceByKey(UNIT_PLAN_PROCESS)
          .setVariable(SCHOOL_YEAR_ID, schoolYearId)
          .setVariable(UNIT_ID, unitId)
          .execute();
      starts.started(schoolYearId, unitId, plan.getId());
      if (together) {
        FirstStepNow.run(plan);
        starts.writeAndLetGo();
      }
    }));
  }
}
