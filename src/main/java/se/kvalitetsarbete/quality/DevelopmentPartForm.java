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
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.JsonVariables;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/**
 * Task_WriteDevelopmentPart: improvement areas (the shared ones pre-filled) and their actions; a
 * request for the quality team becomes a draft needs description for the next round.
 */
@Component
public class DevelopmentPartForm extends TaskForm {

  private static final String[] INPUTS = {"actions", "askQualityTeam", "qualityTeamNeed"};

  private final QualityPlans plans;

  public DevelopmentPartForm(QualityPlans plans, Texts texts) {
    super(texts);
    this.plans = plans;
  }

  @Override
  protected void show(DelegateTask task) {
    Long planId = (Long) task.getVariable(QUALITY_PLAN_ID);
    FormFields.show(task, "feedbackComment", plans.get(planId).getFeedbackComment());
    List<Map<String, Object>> rows = new ArrayList<>();
    List<ImprovementAction> existing = plans.actionsOf(planId);
    if (existing.isEmpty()) {
      plans.sharedAreaTitles(planId).forEach(title -> rows.add(new LinkedHashMap<>(Map.of("areaTitle", title, "years", 1))));
    }
    for (ImprovementAction a : existing) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("areaTitle", a.getAreaTitle());
      row.put("years", a.getYears());
      row.put("wantedImprovement", a.getWantedImprovement());
      row.put("what", a.getWhat());
      row.put("why", a.getWhy());
      row.put("responsible", a.getResponsible());
      row.put("timeline", a.getTimeline());
      row.put("followUpHow", a.getFollowUpHow());
      rows.add(row);
    }
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("actions", JsonVariables.json(rows));
    inputs.put("askQualityTeam", false);
    inputs.put("qualityTeamNeed", null);
    FormFields.prefill(task, inputs);
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    List<QualityPlans.ActionInput> rows = new ArrayList<>();
    int number = 0;
    for (JsonNode row : in.objects("actions")) {
      in.row(++number);
      String area = in.text("areaTitle", row.get("areaTitle"));
      BigDecimal years = in.number("years", row.get("years"), false);
      rows.add(new QualityPlans.ActionInput(area, years == null ? 1 : years.intValue(),
          in.text("wantedImprovement", row.get("wantedImprovement")),
          in.text("what", row.get("what")),
          in.text("why", row.get("why")),
          in.text("responsible", row.get("responsible")),
          in.text("timeline", row.get("timeline")),
          in.text("followUpHow", row.get("followUpHow"))));
    }
    in.row(null);
    boolean askTeam = in.bool("askQualityTeam");
    String need = in.text("qualityTeamNeed", askTeam);
    in.check();
    plans.develop((Long) task.getVariable(QUALITY_PLAN_ID), rows, askTeam ? need : null);
    FormFields.clear(task, INPUTS);
  }
}
