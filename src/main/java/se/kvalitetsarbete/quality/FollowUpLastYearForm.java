package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.QUALITY_PLAN_ID;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Task_FollowUpLastYear, "Hur blev det?": the red thread from last year's actions, reflected on
 * (seed 002): what we saw, what we did, what happened and how we know, what we do now; an action
 * worth spreading is marked as a good example, with a short description.
 */
@Component
public class FollowUpLastYearForm extends TaskForm {

  private static final String[] INPUTS = {"lastYearActions", "followUpSummary"};

  private final QualityPlans plans;

  public FollowUpLastYearForm(QualityPlans plans, Texts texts) {
    super(texts);
    this.plans = plans;
  }

  @Override
  protected void show(DelegateTask task) {
    Long planId = (Long) task.getVariable(QUALITY_PLAN_ID);
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("lastYearActions", JsonVariables.json(plans.followUpRows(plans.lastYearActions(planId))));
    inputs.put("followUpSummary", null);
    FormFields.prefill(task, inputs);
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    List<QualityPlans.ReflectionInput> answers = new ArrayList<>();
    int number = 0;
    for (JsonNode row : in.objects("lastYearActions")) {
      in.row(++number);
      BigDecimal id = in.number("actionId", row.get("actionId"), BigDecimal.ONE, BigDecimal.valueOf(Long.MAX_VALUE), true);
      String seen = in.text("seen", row.get("seen"));
      String done = in.text("done", row.get("done"));
      String effect = in.text("effect", row.get("effect"));
      String nextStep = in.text("nextStep", row.get("nextStep"));
      boolean goodExample = row.path("goodExample").asBoolean(false);
      String description = in.text("goodExampleText", row.get("goodExampleText"));
      in.require(!goodExample || description != null, "error.required", "goodExampleText");
      if (id != null) {
        answers.add(new QualityPlans.ReflectionInput(id.longValue(), seen, done, effect, nextStep, goodExample ? description : null));
      }
    }
    in.row(null);
    String summary = in.text("followUpSummary");
    in.check();
    plans.followUpLastYear((Long) task.getVariable(QUALITY_PLAN_ID), summary, answers);
    FormFields.clear(task, INPUTS);
  }
}
