package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.*;

import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.Dates;
import se.kvalitetsarbete.security.InstanceAccess;

/**
 * Task_StartUnitPlan: the unit's plan for the year, its deadline and reminder date (input
 * remindBefore), its mid-year follow-up months (input midYearMonths), the time each follow-up
 * may take before the rektor is reminded (followUpTime) and before the head of school form sees it
 * (escalateAfter).
 */
@Component
public class StartUnitPlan implements JavaDelegate {

  private final QualityPlans plans;
  private final InstanceAccess access;

  public StartUnitPlan(QualityPlans plans, InstanceAccess access) {
    this.plans = plans;
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    QualityPlan plan = plans.start((Long) execution.getVariable(UNIT_ID), (Long) execution.getVariable(SCHOOL_YEAR_ID),
        execution.getProcessInstanceId());
    LocalDateTime deadline = Dates.deadlineOn(plan.getSchoolYear().getPlanDeadline());
    execution.setVariable(QUALITY_PLAN_ID, plan.getId());
    execution.setProcessBusinessKey(plan.getUnit().getName() + " – " + plan.getSchoolYear().getLabel());
    execution.setVariable(REKTOR_USER_ID, plan.getUnit().getRektorUserId());
    execution.setVariable("unitName", plan.getUnit().getName());
    execution.setVariable(SCHOOL_YEAR_LABEL, plan.getSchoolYear().getLabel());
    execution.setVariable(PLAN_DEADLINE, Dates.toDate(deadline));
    execution.setVariable(PLAN_REMINDER_DATE, Dates.toDate(deadline.minus(Period.parse((String) execution.getVariable(REMIND_BEFORE)))));
    execution.setVariable(FOLLOW_UP_MONTHS, execution.getVariable(MID_YEAR_MONTHS));
    // Same names as the inputs: set on the process, not on this task's own input variables.
    execution.getProcessInstance().setVariableLocal(FOLLOW_UP_TIME, execution.getVariable(FOLLOW_UP_TIME));
    execution.getProcessInstance().setVariableLocal(ESCALATE_AFTER, execution.getVariable(ESCALATE_AFTER));
    access.grantRead(execution, List.of(plan.getUnit().getRektorUserId()));
  }
}
