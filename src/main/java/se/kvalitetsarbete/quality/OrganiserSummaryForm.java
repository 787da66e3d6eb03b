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

/**
 * Task_WriteOrganiserSummary: the organiser's plan. Results (how last year's areas went, beside the
 * municipality's indicator trends and the units' self-assessments counted, never ranked), the
 * analysis in the five perspectives and a summary, next year's shared improvement areas, and the
 * feedback every unit gets once the board's report is approved.
 */
@Component
public class OrganiserSummaryForm extends TaskForm {

  static final String[] PERSPECTIVES = {"organiserHistorical", "organiserResources", "organiserOrganisation",
      "organiserMethod", "organiserEquity"};
  private static final String[] INPUTS = {"organiserResults", "organiserHistorical", "organiserResources",
      "organiserOrganisation", "organiserMethod", "organiserEquity", "organiserAnalysis", "nextYearAreas", "organiserFeedback"};

  private final SchoolYears years;
  private final OrganiserPlans organiserPlans;

  public OrganiserSummaryForm(SchoolYears years, OrganiserPlans organiserPlans, Texts texts) {
    super(texts);
    this.years = years;
    this.organiserPlans = organiserPlans;
  }

  @Override
  protected void show(DelegateTask task) {
    SchoolYear year = years.get((Long) task.getVariable(SCHOOL_YEAR_ID));
    FormFields.show(task, "yearOverview", () -> years.overview(year.getId()));
    FormFields.show(task, "indicatorTrends", () -> organiserPlans.indicatorTrends(year.getId()));
    FormFields.show(task, "lastYearOrganiserPlan", () -> organiserPlans.lastYearText(year.getId()));
    FormFields.show(task, "goodExamples", () -> organiserPlans.goodExamples(year.getId()));
    FormFields.show(task, "reportComment", () -> year.getReportComment());
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("organiserResults", year.getOrganiserResults());
    inputs.put("organiserHistorical", year.getOrganiserHistorical());
    inputs.put("organiserResources", year.getOrganiserResources());
    inputs.put("organiserOrganisation", year.getOrganiserOrganisation());
    inputs.put("organiserMethod", year.getOrganiserMethod());
    inputs.put("organiserEquity", year.getOrganiserEquity());
    inputs.put("organiserAnalysis", year.getOrganiserAnalysis());
    inputs.put("nextYearAreas", year.getNextYearAreas());
    inputs.put("organiserFeedback", year.getOrganiserFeedback());
    FormFields.prefill(task, inputs);
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String results = in.text("organiserResults", false);
    String[] perspectives = new String[PERSPECTIVES.length];
    for (int i = 0; i < PERSPECTIVES.length; i++) {
      perspectives[i] = in.text(PERSPECTIVES[i], false);
    }
    String analysis = in.text("organiserAnalysis");
    String nextYear = in.text("nextYearAreas");
    String feedback = in.text("organiserFeedback");
    in.check();
    Long yearId = (Long) task.getVariable(SCHOOL_YEAR_ID);
    years.summarise(yearId, analysis, nextYear, feedback);
    years.get(yearId).planOrganiser(results, perspectives[0], perspectives[1], perspectives[2], perspectives[3], perspectives[4]);
    FormFields.clear(task, INPUTS);
  }
}
