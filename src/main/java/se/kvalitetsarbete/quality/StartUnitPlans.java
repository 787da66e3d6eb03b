package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.*;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.security.AsProcess;

/**
 * Task_StartUnitPlans of SkaYearlyCycle: one SkaUnitPlanBatch per batch of active units (input
 * unitsPerBatch), each a process instance of its own whose job starts its units' plans. The year
 * holds no execution per unit, so nothing it does grows with the number of units (issue #13), and
 * the batches' jobs, of different instances, run side by side on every node.
 */
@Component
public class StartUnitPlans implements JavaDelegate {

  private final UnitPlanStarts starts;
  private final SchoolYears years;
  private final Texts texts;

  public StartUnitPlans(UnitPlanStarts starts, SchoolYears years, Texts texts) {
    this.starts = starts;
    this.years = years;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long schoolYearId = (Long) execution.getVariable(SCHOOL_YEAR_ID);
    int unitsPerBatch = Integer.parseInt(String.valueOf(execution.getVariable(UNITS_PER_BATCH)).trim());
    List<UnitPlanStarts.Batch> batches = starts.batches(unitsPerBatch);
    starts.expectBatches(schoolYearId, batches.size());
    String label = years.get(schoolYearId).getLabel();
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    AsProcess.run(() -> batches.forEach(batch -> runtime.createProcessInstanceByKey(UNIT_PLAN_BATCH_PROCESS)
        .businessKey(texts.get("ska.unitPlanBatch", label, String.valueOf(batch.firstUnitId()), String.valueOf(batch.lastUnitId())))
        .setVariable(SCHOOL_YEAR_ID, schoolYearId)
        .setVariable(FIRST_UNIT_ID, batch.firstUnitId())
        .setVariable(LAST_UNIT_ID, batch.lastUnitId())
        .execute()));
    execution.setVariable(UNIT_PLAN_BATCHES, batches.size());
  }
}
