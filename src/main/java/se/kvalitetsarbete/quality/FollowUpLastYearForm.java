package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.QUALITY_PLAN_ID;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.JsonVariables;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/** Task_FollowUpLastYear, "Hur blev det?": the red thread from last year's actions. */
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
    var answers = FollowUpRows.read(in, "lastYearActions");
    String summary = in.text("followUpSummary");
    in.check();
    plans.followUpLastYear((Long) task.getVariable(QUALITY_PLAN_ID), summary, answers);
    FormFields.clear(task, INPUTS);
  }
}
