package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.*;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.CurrentUser;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.JsonVariables;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/**
 * Task_SelfAssessManagement and Task_SelfAssessStaff (one per arbetslag), in parallel: each scores
 * the normallägen that apply to the unit's school form, one row per criterion; the rektor adds
 * studiero (where it applies) and the user survey, the arbetslag its reflections.
 */
@Component
public class SelfAssessmentForm extends TaskForm {

  static final String CRITERIA = "criteria";
  private static final String CRITERIA_ASKED = "criteriaAsked";

  private final QualityPlans plans;

  public SelfAssessmentForm(QualityPlans plans, Texts texts) {
    super(texts);
    this.plans = plans;
  }

  /** The criteria this task asks, as they are when it is created: a change of the catalogue meanwhile does not refuse it. */
  @Override
  protected void created(DelegateTask task) {
    task.setVariableLocal(CRITERIA_ASKED, plans.criteriaFor((Long) task.getVariable(QUALITY_PLAN_ID)).stream()
        .map(criterion -> String.valueOf(criterion.getId())).collect(Collectors.joining(",")));
  }

  @Override
  protected void show(DelegateTask task) {
    Long planId = (Long) task.getVariable(QUALITY_PLAN_ID);
    List<Map<String, Object>> rows = new ArrayList<>();
    Set<String> asked = task.getVariable(CRITERIA_ASKED) instanceof String ids ? Set.of(ids.split(",")) : null;
    for (NormalCriterion criterion : plans.criteriaFor(planId)) {
      if (asked != null && !asked.contains(String.valueOf(criterion.getId()))) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("criterionId", criterion.getId());
      row.put("criterionArea", criterion.getArea().label());
      row.put("criterionText", criterion.getDescription());
      row.put("score", null);
      rows.add(row);
    }
    FormFields.show(task, "indicatorsText", () -> plans.indicatorsText(planId));
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(CRITERIA, JsonVariables.json(rows));
    if (isManagement(task)) {
      FormFields.show(task, "studieroApplies", () -> plans.studieroApplies(planId));
      inputs.put("studieroNotes", null);
      inputs.put("surveyNotes", null);
    } else {
      FormFields.show(task, "teamName", () -> plans.staffTeamName((Long) task.getVariable(STAFF_TEAM_ID)));
      inputs.put("staffNotes", null);
    }
    FormFields.prefill(task, inputs);
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    Map<Long, Integer> scores = new HashMap<>();
    int number = 0;
    for (JsonNode row : in.objects(CRITERIA)) {
      in.row(++number);
      BigDecimal id = in.number("criterionId", row.get("criterionId"), BigDecimal.ONE, BigDecimal.valueOf(Long.MAX_VALUE), true);
      BigDecimal score = in.number("score", row.get("score"), false);
      if (id != null && score != null) {
        scores.put(id.longValue(), score.intValue());
      }
    }
    in.row(null);
    String asked = (String) task.getVariable(CRITERIA_ASKED);
    in.require(asked != null && scores.keySet().equals(Arrays.stream(asked.split(",")).filter(id -> !id.isEmpty())
        .map(Long::valueOf).collect(Collectors.toSet())) || in.hasProblems(), "normallage.everyCriterion");
    Long planId = (Long) task.getVariable(QUALITY_PLAN_ID);
    if (isManagement(task)) {
      String studiero = in.text("studieroNotes", plans.studieroApplies(planId));
      String survey = in.text("surveyNotes");
      in.check();
      plans.assessAsManagement(planId, scores, studiero, survey);
      FormFields.clear(task, CRITERIA, "studieroNotes", "surveyNotes");
    } else {
      String notes = in.text("staffNotes");
      in.check();
      plans.assessAsTeam(planId, (Long) task.getVariable(STAFF_TEAM_ID), scores, notes, CurrentUser.of(task));
      FormFields.clear(task, CRITERIA, "staffNotes");
    }
  }

  private static boolean isManagement(DelegateTask task) {
    return TASK_SELF_ASSESS_MANAGEMENT.equals(task.getTaskDefinitionKey());
  }
}
