package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.QUALITY_PLAN_ID;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/** Task_WriteAnalysis: the results part read from five fixed perspectives, each required. */
@Component
public class AnalysisForm extends TaskForm {

  static final String[] PERSPECTIVES = {"analysisHistorical", "analysisResources", "analysisOrganisation",
      "analysisMethod", "analysisEquity"};

  private final QualityPlans plans;

  public AnalysisForm(QualityPlans plans, Texts texts) {
    super(texts);
    this.plans = plans;
  }

  @Override
  protected void show(DelegateTask task) {
    Long planId = (Long) task.getVariable(QUALITY_PLAN_ID);
    QualityPlan plan = plans.get(planId);
    FormFields.show(task, "resultsSummary", plans.resultsText(planId));
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("analysisHistorical", plan.getAnalysisHistorical());
    inputs.put("analysisResources", plan.getAnalysisResources());
    inputs.put("analysisOrganisation", plan.getAnalysisOrganisation());
    inputs.put("analysisMethod", plan.getAnalysisMethod());
    inputs.put("analysisEquity", plan.getAnalysisEquity());
    FormFields.prefill(task, inputs);
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String[] texts = new String[PERSPECTIVES.length];
    for (int i = 0; i < PERSPECTIVES.length; i++) {
      texts[i] = in.text(PERSPECTIVES[i]);
    }
    in.check();
    plans.analyse((Long) task.getVariable(QUALITY_PLAN_ID), texts[0], texts[1], texts[2], texts[3], texts[4]);
    FormFields.clear(task, PERSPECTIVES);
  }
}
