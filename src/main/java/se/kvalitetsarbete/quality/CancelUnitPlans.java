package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.security.AsProcess;

/**
 * End listener of SkaYearlyCycle: a school year that is cancelled (its instance deleted) takes its
 * batches and its units' unfinished plans with it, as the engine did for the plans when they were
 * called instances. At the year's normal end nothing of it is left, and this does nothing.
 */
@Component
public class CancelUnitPlans implements ExecutionListener {

  private final UnitPlanStarts starts;
  private final Texts texts;

  public CancelUnitPlans(UnitPlanStarts starts, Texts texts) {
    this.starts = starts;
    this.texts = texts;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Long schoolYearId = (Long) execution.getVariable(SCHOOL_YEAR_ID);
    if (schoolYearId == null) {
      return;
    }
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    AsProcess.run(() -> {
      List<String> instances = new ArrayList<>(runtime.createProcessInstanceQuery().processDefinitionKey(UNIT_PLAN_BATCH_PROCESS)
          .variableValueEquals(SCHOOL_YEAR_ID, schoolYearId).list().stream().map(ProcessInstance::getId).toList());
      instances.addAll(starts.openPlans(schoolYearId));
      if (!instances.isEmpty()) {
        // Without the models' listeners: a plan cancelled with its year tells no one it ended.
        runtime.deleteProcessInstancesIfExists(instances, texts.get("ska.schoolYearCancelled", execution.getVariable(SCHOOL_YEAR_LABEL)),
            true, true, false);
      }
    });
  }
}
