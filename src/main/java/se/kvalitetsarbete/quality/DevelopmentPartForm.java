package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.QUALITY_PLAN_ID;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.JsonVariables;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.quality.SelfAssessment.Area;

/**
 * Task_WriteDevelopmentPart, with the results and the analysis shown above it: next year's focus
 * within each utvecklingsområde; improvement areas (the shared ones pre-filled), each linked to one
 * utvecklingsområde, with their actions beneath them; a request for the quality team becomes a draft
 * needs description for the next round.
 */
@Component
public class DevelopmentPartForm extends TaskForm {

  static final String AREAS = "areas";
  static final String AREA_ACTIONS = "areaActions";
  private static final String[] INPUTS = {AREAS, "askQualityTeam", "qualityTeamNeed"};

  private final QualityPlans plans;

  public DevelopmentPartForm(QualityPlans plans, Texts texts) {
    super(texts);
    this.plans = plans;
  }

  /** The form field of an utvecklingsområde's focus: focusPedagogiskLedning, … */
  static String focusField(Area area) {
    return "focus" + Character.toUpperCase(area.name().charAt(0)) + area.name().substring(1);
  }

  @Override
  protected void show(DelegateTask task) {
    Long planId = (Long) task.getVariable(QUALITY_PLAN_ID);
    QualityPlan plan = plans.get(planId);
    FormFields.show(task, "feedbackComment", () -> plan.getFeedbackComment());
    FormFields.show(task, "resultsSummary", () -> plans.resultsText(planId));
    FormFields.show(task, "analysisSummary", () -> plans.analysisText(plan));
    Map<String, Map<String, Object>> areas = new LinkedHashMap<>();
    List<ImprovementAction> existing = plans.actionsOf(planId);
    if (existing.isEmpty()) {
      plans.sharedAreaTitles(planId).forEach(title -> areas.put(title, area(title, null, 1, null)));
    }
    for (ImprovementAction a : existing) {
      Map<String, Object> row = areas.computeIfAbsent(a.getAreaTitle(),
          title -> area(title, a.getDevelopmentArea(), a.getYears(), a.getWantedImprovement()));
      Map<String, Object> action = new LinkedHashMap<>();
      action.put("what", a.getWhat());
      action.put("why", a.getWhy());
      action.put("responsible", a.getResponsible());
      action.put("timeline", a.getTimeline());
      action.put("followUpHow", a.getFollowUpHow());
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> actions = (List<Map<String, Object>>) row.get(AREA_ACTIONS);
      actions.add(action);
    }
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(AREAS, JsonVariables.json(new ArrayList<>(areas.values())));
    for (Area area : Area.values()) {
      inputs.put(focusField(area), plan.getFocus(area));
    }
    inputs.put("askQualityTeam", false);
    inputs.put("qualityTeamNeed", null);
    FormFields.prefill(task, inputs);
  }

  private static Map<String, Object> area(String title, Area developmentArea, int years, String wantedImprovement) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("areaTitle", title);
    row.put("developmentArea", developmentArea == null ? null : developmentArea.name());
    row.put("years", years);
    row.put("wantedImprovement", wantedImprovement);
    row.put(AREA_ACTIONS, new ArrayList<Map<String, Object>>());
    return row;
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    List<QualityPlans.ActionInput> rows = new ArrayList<>();
    int number = 0;
    for (JsonNode area : in.objects(AREAS)) {
      in.row(++number);
      String title = in.text("areaTitle", area.get("areaTitle"));
      String developmentArea = in.text("developmentArea", area.get("developmentArea"));
      Area linked = developmentArea == null ? null
          : java.util.Arrays.stream(Area.values()).filter(a -> a.name().equals(developmentArea)).findFirst().orElse(null);
      in.require(developmentArea == null || linked != null, "error.notAChoice", "developmentArea");
      BigDecimal years = in.number("years", area.get("years"), false);
      String wanted = in.text("wantedImprovement", area.get("wantedImprovement"));
      JsonNode actions = area.path(AREA_ACTIONS);
      in.require(actions.isArray() && !actions.isEmpty(), "skaplan.areaWithoutAction", title == null ? "" : title);
      for (JsonNode action : actions) {
        rows.add(new QualityPlans.ActionInput(title, linked, years == null ? 1 : years.intValue(), wanted,
            in.text("what", action.get("what")),
            in.text("why", action.get("why")),
            in.text("responsible", action.get("responsible")),
            in.text("timeline", action.get("timeline")),
            in.text("followUpHow", action.get("followUpHow"))));
      }
    }
    in.row(null);
    Map<Area, String> focus = new EnumMap<>(Area.class);
    for (Area area : Area.values()) {
      focus.put(area, in.text(focusField(area)));
    }
    boolean askTeam = in.bool("askQualityTeam");
    String need = in.text("qualityTeamNeed", askTeam);
    in.check();
    plans.develop((Long) task.getVariable(QUALITY_PLAN_ID), rows, focus, askTeam ? need : null);
    FormFields.clear(task, INPUTS);
    for (Area area : Area.values()) {
      FormFields.clear(task, focusField(area));
    }
  }
}
