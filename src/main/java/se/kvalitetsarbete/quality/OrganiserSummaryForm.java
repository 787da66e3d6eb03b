package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.SCHOOL_YEAR_ID;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/** Task_WriteOrganiserSummary: huvudmannens analys and next year's shared improvement areas. */
@Component
public class OrganiserSummaryForm extends TaskForm {

  private static final String[] INPUTS = {"organiserAnalysis", "nextYearAreas"};

  private final SchoolYears years;

  public OrganiserSummaryForm(SchoolYears years, Texts texts) {
    super(texts);
    this.years = years;
  }

  @Override
  protected void show(DelegateTask task) {
    SchoolYear year = years.get((Long) task.getVariable(SCHOOL_YEAR_ID));
    FormFields.show(task, "yearOverview", years.overview(year.getId()));
    FormFields.show(task, "reportComment", year.getReportComment());
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("organiserAnalysis", year.getOrganiserAnalysis());
    inputs.put("nextYearAreas", year.getNextYearAreas());
    FormFields.prefill(task, inputs);
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String analysis = in.text("organiserAnalysis");
    String nextYear = in.text("nextYearAreas");
    in.check();
    years.summarise((Long) task.getVariable(SCHOOL_YEAR_ID), analysis, nextYear);
    FormFields.clear(task, INPUTS);
  }
}
