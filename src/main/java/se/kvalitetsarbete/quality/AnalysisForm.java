package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.QUALITY_PLAN_ID;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.CurrentUser;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.JsonVariables;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/**
 * Task_WriteAnalysis: the results part, with the management's and each arbetslag's view side by
 * side, read from five fixed perspectives and for strengths, weaknesses and obstacles (each
 * required); the rektor may give each arbetslag feedback on its self-assessment.
 */
@Component
public class AnalysisForm extends TaskForm {

  static final String[] PERSPECTIVES = {"analysisHistorical", "analysisResources", "analysisOrganisation",
      "analysisMethod", "analysisEquity", "analysisStrengths", "analysisWeaknesses", "analysisObstacles"};
  static final String TEAM_VIEWS = "teamViews";

  private final QualityPlans plans;

  public AnalysisForm(QualityPlans plans, Texts texts) {
    super(texts);
    this.plans = plans;
  }

  @Override
  protected void show(DelegateTask task) {
    Long planId = (Long) task.getVariable(QUALITY_PLAN_ID);
    QualityPlan plan = plans.get(planId);
    FormFields.show(task, "resultsSummary", () -> plans.resultsText(planId));
    FormFields.show(task, "assessmentsCompared", () -> plans.comparisonText(planId));
    List<Map<String, Object>> teams = new ArrayList<>();
    for (StaffTeamAssessment team : plans.teamAssessmentsOf(planId)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("staffTeamId", team.getStaffTeam().getId());
      row.put("teamName", team.getTeamName());
      row.put("teamReflections", team.getStaffNotes());
      row.put("teamFeedback", team.getTeamFeedback());
      teams.add(row);
    }
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(TEAM_VIEWS, JsonVariables.json(teams));
    inputs.put("analysisHistorical", plan.getAnalysisHistorical());
    inputs.put("analysisResources", plan.getAnalysisResources());
    inputs.put("analysisOrganisation", plan.getAnalysisOrganisation());
    inputs.put("analysisMethod", plan.getAnalysisMethod());
    inputs.put("analysisEquity", plan.getAnalysisEquity());
    inputs.put("analysisStrengths", plan.getAnalysisStrengths());
    inputs.put("analysisWeaknesses", plan.getAnalysisWeaknesses());
    inputs.put("analysisObstacles", plan.getAnalysisObstacles());
    FormFields.prefill(task, inputs);
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    List<QualityPlans.TeamFeedbackInput> feedback = new ArrayList<>();
    int number = 0;
    for (JsonNode row : in.objects(TEAM_VIEWS)) {
      in.row(++number);
      BigDecimal id = in.number("staffTeamId", row.get("staffTeamId"), BigDecimal.ONE, BigDecimal.valueOf(Long.MAX_VALUE), true);
      String text = in.text("teamFeedback", row.get("teamFeedback"));
      if (id != null) {
        feedback.add(new QualityPlans.TeamFeedbackInput(id.longValue(), text));
      }
    }
    in.row(null);
    String[] texts = new String[PERSPECTIVES.length];
    for (int i = 0; i < PERSPECTIVES.length; i++) {
      texts[i] = in.text(PERSPECTIVES[i]);
    }
    in.check();
    plans.analyse((Long) task.getVariable(QUALITY_PLAN_ID), texts[0], texts[1], texts[2], texts[3], texts[4], texts[5],
        texts[6], texts[7], feedback, CurrentUser.of(task));
    FormFields.clear(task, PERSPECTIVES);
    FormFields.clear(task, TEAM_VIEWS);
  }
}
