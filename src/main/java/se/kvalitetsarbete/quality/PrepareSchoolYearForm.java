package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.*;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.Dates;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.indicators.IndicatorImport;
import se.kvalitetsarbete.regional.RegionalExchanges;
import se.kvalitetsarbete.quality.SharedImprovementArea.FormGroup;

/**
 * Task_PrepareSchoolYear: the shared improvement areas (carried from last year's organiser plan),
 * the plans' deadline, this year's indicators.
 */
@Component
public class PrepareSchoolYearForm extends TaskForm {

  static final Map<FormGroup, String> AREA_FIELDS = Map.of(FormGroup.FORSKOLA, "sharedAreasForskola",
      FormGroup.GRUNDSKOLA, "sharedAreasGrundskola", FormGroup.FRITIDSHEM, "sharedAreasFritidshem",
      FormGroup.GYMNASIESKOLA, "sharedAreasGymnasieskola");
  private static final String[] INPUTS = {"planDeadline", "sharedAreasForskola", "sharedAreasGrundskola",
      "sharedAreasFritidshem", "sharedAreasGymnasieskola", "indicatorCsv"};

  private final SchoolYears years;
  private final IndicatorImport indicators;
  private final OrganiserPlans organiserPlans;
  private final RegionalExchanges regionalExchanges;

  public PrepareSchoolYearForm(SchoolYears years, IndicatorImport indicators, OrganiserPlans organiserPlans,
      RegionalExchanges regionalExchanges, Texts texts) {
    super(texts);
    this.regionalExchanges = regionalExchanges;
    this.years = years;
    this.indicators = indicators;
    this.organiserPlans = organiserPlans;
  }

  /** Starts from last year's organiser plan: its areas for next year fill every school form's areas, to keep or strike. */
  @Override
  protected void show(DelegateTask task) {
    Long yearId = (Long) task.getVariable(SCHOOL_YEAR_ID);
    FormFields.prefillEmpty(task, INPUTS);
    organiserPlans.previous(yearId).map(SchoolYear::getNextYearAreas).ifPresent(areas -> {
      Map<String, Object> carried = new java.util.HashMap<>();
      AREA_FIELDS.values().forEach(field -> carried.put(field, areas));
      FormFields.prefill(task, carried);
    });
    FormFields.show(task, "lastYearOrganiserPlan", () -> organiserPlans.lastYearText(yearId));
    FormFields.show(task, "regionalJointEfforts", () -> organiserPlans.previous(yearId)
        .map(last -> regionalExchanges.jointEffortsOf(last.getLabel())).orElse(""));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    LocalDate deadline = in.date("planDeadline");
    Map<FormGroup, String> areas = new EnumMap<>(FormGroup.class);
    AREA_FIELDS.forEach((group, field) -> areas.put(group, in.text(field)));
    String csv = in.text("indicatorCsv");
    in.check();
    Long yearId = (Long) task.getVariable(SCHOOL_YEAR_ID);
    years.prepare(yearId, deadline, areas);
    if (csv != null) {
      indicators.importCsv(csv);
    }
    FormFields.clear(task, INPUTS);
    task.getExecution().setVariable(PLAN_DEADLINE, Dates.toDate(Dates.deadlineOn(deadline)));
  }
}
