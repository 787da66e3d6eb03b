package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.*;

import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.quality.SelfAssessment.Area;
import se.kvalitetsarbete.quality.SelfAssessment.Assessor;

/**
 * Task_SelfAssessManagement and Task_SelfAssessStaff, in parallel: each scores the four
 * utvecklingsområden against their normallägen; the rektor adds calm and safety and the user survey,
 * the staff their team and reflections.
 */
@Component
public class SelfAssessmentForm extends TaskForm {

  private final QualityPlans plans;

  public SelfAssessmentForm(QualityPlans plans, Texts texts) {
    super(texts);
    this.plans = plans;
  }

  @Override
  protected void show(DelegateTask task) {
    for (Area area : Area.values()) {
      FormFields.prefillEmpty(task, area.name());
    }
    FormFields.show(task, "indicatorsText", plans.indicatorsText((Long) task.getVariable(QUALITY_PLAN_ID)));
    if (isManagement(task)) {
      FormFields.prefillEmpty(task, "studieroNotes", "surveyNotes");
    } else {
      FormFields.prefillEmpty(task, "staffTeam", "staffNotes");
    }
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    Map<Area, Integer> scores = new EnumMap<>(Area.class);
    for (Area area : Area.values()) {
      Integer score = in.integer(area.name());
      if (score != null) {
        scores.put(area, score);
      }
    }
    Long planId = (Long) task.getVariable(QUALITY_PLAN_ID);
    if (isManagement(task)) {
      String studiero = in.text("studieroNotes");
      String survey = in.text("surveyNotes");
      in.check();
      plans.assess(planId, Assessor.MANAGEMENT, scores, studiero, survey);
      FormFields.clear(task, "studieroNotes", "surveyNotes");
    } else {
      String team = in.text("staffTeam");
      String notes = in.text("staffNotes");
      in.check();
      plans.assess(planId, Assessor.STAFF, scores, team, notes);
      FormFields.clear(task, "staffTeam", "staffNotes");
    }
    for (Area area : Area.values()) {
      FormFields.clear(task, area.name());
    }
  }

  private static boolean isManagement(DelegateTask task) {
    return TASK_SELF_ASSESS_MANAGEMENT.equals(task.getTaskDefinitionKey());
  }
}
