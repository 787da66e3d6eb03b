package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ReportBatchStarted of SkaUnitPlanBatch: one batch fewer for the year to wait for. A job of its
 * own after the batch's plans are started, so the school year's row is locked only for this short
 * transaction; when nothing is left (every plan of the year may have ended already), the year hears it.
 */
@Component
public class ReportUnitPlanBatchStarted implements JavaDelegate {

  private final UnitPlanStarts starts;
  private final ReportPlanEnded year;

  public ReportUnitPlanBatchStarted(UnitPlanStarts starts, ReportPlanEnded year) {
    this.starts = starts;
    this.year = year;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long schoolYearId = (Long) execution.getVariable(SCHOOL_YEAR_ID);
    if (starts.batchDone(schoolYearId)) {
      year.tellYear(execution, schoolYearId);
    }
  }
}
