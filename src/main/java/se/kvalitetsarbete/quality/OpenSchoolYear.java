package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenSchoolYear: the school year from the start form, or the one running now. */
@Component
public class OpenSchoolYear implements JavaDelegate {

  private final SchoolYears years;

  public OpenSchoolYear(SchoolYears years) {
    this.years = years;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object label = execution.getVariable(SCHOOL_YEAR);
    SchoolYear year = years.open(label == null ? null : label.toString(), execution.getProcessInstanceId());
    execution.setVariable(SCHOOL_YEAR_ID, year.getId());
    execution.setProcessBusinessKey(year.getLabel());
    execution.setVariable(SCHOOL_YEAR_LABEL, year.getLabel());
  }
}
