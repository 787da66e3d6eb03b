package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.SCHOOL_YEAR_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ProduceBoardReport: the board's report is put together from the year's records. */
@Component
public class ProduceBoardReport implements JavaDelegate {

  private final SchoolYears years;

  public ProduceBoardReport(SchoolYears years) {
    this.years = years;
  }

  @Override
  public void execute(DelegateExecution execution) {
    years.produceBoardReport((Long) execution.getVariable(SCHOOL_YEAR_ID));
  }
}
