package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.security.AsProcess;

/**
 * Task_ReportPlanEnded of SkaUnitPlan: the plan's year is over for the unit. Asynchronous, so that
 * two plans ending at the same instant take turns at the school year's row (and retry) instead of
 * failing a rektor's form; the plan that is the last thing the year waited for tells the year
 * ("Enheternas planer avslutade"). A plan not started by a school year's fan-out tells no one.
 *
 * <p>Also the end listener of SkaUnitPlan: a plan that is cancelled (deleted, e.g. for a unit that
 * closed) counts as ended, so the year does not wait for it for ever.
 */
@Component
public class ReportPlanEnded implements JavaDelegate, ExecutionListener {

  private final UnitPlanStarts starts;
  private final SchoolYears years;

  public ReportPlanEnded(UnitPlanStarts starts, SchoolYears years) {
    this.starts = starts;
    this.years = years;
  }

  @Override
  public void execute(DelegateExecution execution) {
    starts.planEnded(execution.getProcessInstanceId()).ifPresent(schoolYearId -> tellYear(execution, schoolYearId));
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      execute(execution);
    }
  }

  /** The year's instance, found by its record, hears that its units' plans have all ended. */
  void tellYear(DelegateExecution execution, Long schoolYearId) {
    String yearInstance = years.get(schoolYearId).getProcessInstanceId();
    if (yearInstance != null) {
      AsProcess.run(() -> execution.getProcessEngineServices().getRuntimeService()
          .createMessageCorrelation(MESSAGE_UNIT_PLANS_ENDED).processInstanceId(yearInstance).correlateAll());
    }
  }
}
