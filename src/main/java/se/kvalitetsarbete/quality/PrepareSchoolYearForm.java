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
import se.kvalitetsarbete.quality.SharedImprovementArea.FormGroup;

/** Task_PrepareSchoolYear: the shared improvement areas, the plans' deadline, this year's indicators. */
@Component
public class PrepareSchoolYearForm extends TaskForm {

  static final Map<FormGroup, String> AREA_FIELDS = Map.of(FormGroup.FORSKOLA, "sharedAreasForskola",
      FormGroup.GRUNDSKOLA, "sharedAreasGrundskola", FormGroup.FRITIDSHEM, "sharedAreasFritidshem",
      FormGroup.GYMNASIESKOLA, "sharedAreasGymnasieskola");
  private static final String[] INPUTS = {"planDeadline", "sharedAreasForskola", "sharedAreasGrundskola",
      "sharedAreasFritidshem", "sharedAreasGymnasieskola", "indicatorCsv"};

  private final SchoolYears years;
  private final IndicatorImport indicators;

  public PrepareSchoolYearForm(SchoolYears years, IndicatorImport indicators, Texts texts) {
    super(texts);
    this.years = years;
    this.indicators = indicators;
  }

  @Override
  protected void show(DelegateTask task) {
    FormFields.prefillEmpty(task, INPUTS);
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
