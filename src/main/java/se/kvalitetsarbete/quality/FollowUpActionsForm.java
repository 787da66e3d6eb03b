package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.FOLLOW_UP_TIME;
import static se.kvalitetsarbete.quality.SkaProcess.QUALITY_PLAN_ID;

import java.time.Period;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.Dates;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.JsonVariables;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/**
 * Task_FollowUpActions: in November and February, how far each of this year's actions has come;
 * due after the model's followUpTime.
 */
@Component
public class FollowUpActionsForm extends TaskForm {

  private final QualityPlans plans;

  public FollowUpActionsForm(QualityPlans plans, Texts texts) {
    super(texts);
    this.plans = plans;
  }

  /** Due when the model's reminder fires (Timer_FollowUpDue counts followUpTime from the same moment). */
  @Override
  protected void created(DelegateTask task) {
    task.setDueDate(Dates.toDate(Dates.toLocal(task.getCreateTime()).plus(Period.parse((String) task.getVariable(FOLLOW_UP_TIME)))));
  }

  @Override
  protected void show(DelegateTask task) {
    Long planId = (Long) task.getVariable(QUALITY_PLAN_ID);
    FormFields.prefill(task, Map.of("actionFollowUps", JsonVariables.json(plans.followUpRows(plans.actionsOf(planId)))));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    var answers = FollowUpRows.read(in, "actionFollowUps");
    in.check();
    plans.followUpMidYear((Long) task.getVariable(QUALITY_PLAN_ID), answers);
    FormFields.clear(task, "actionFollowUps");
  }
}
