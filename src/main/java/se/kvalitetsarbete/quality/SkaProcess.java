package se.kvalitetsarbete.quality;

/** Variable names of the SkaYearlyCycle, SkaUnitPlanBatch and SkaUnitPlan processes, as Java uses them. */
public final class SkaProcess {

  public static final String UNIT_PLAN_PROCESS = "SkaUnitPlan";
  public static final String UNIT_PLAN_BATCH_PROCESS = "SkaUnitPlanBatch";

  public static final String SCHOOL_YEAR = "schoolYear";
  public static final String SCHOOL_YEAR_ID = "schoolYearId";
  public static final String SCHOOL_YEAR_LABEL = "schoolYearLabel";
  public static final String PLAN_DEADLINE = "planDeadline";
  public static final String REPORT_APPROVED = "reportApproved";
  /** Input of Task_StartUnitPlans: how many units' plans one batch starts. */
  public static final String UNITS_PER_BATCH = "unitsPerBatch";
  /** How many SkaUnitPlanBatch instances the year started (0: no unit, nothing to wait for). */
  public static final String UNIT_PLAN_BATCHES = "unitPlanBatches";
  /** A batch's units: the active units with an id from first to last. */
  public static final String FIRST_UNIT_ID = "firstUnitId";
  public static final String LAST_UNIT_ID = "lastUnitId";

  public static final String UNIT_ID = "unitId";
  public static final String QUALITY_PLAN_ID = "qualityPlanId";
  public static final String REKTOR_USER_ID = "rektorUserId";
  public static final String PLAN_REMINDER_DATE = "planReminderDate";
  public static final String FOLLOW_UP_MONTHS = "followUpMonths";
  public static final String PLAN_APPROVED = "planApproved";
  /** The arbetslag of one Task_SelfAssessStaff (the multi-instance's element). */
  public static final String STAFF_TEAM_ID = "staffTeamId";
  /** Input parameters of Task_StartUnitPlan. */
  public static final String REMIND_BEFORE = "remindBefore";
  public static final String MID_YEAR_MONTHS = "midYearMonths";
  /** How long a mid-year follow-up may take before the rektor is reminded, and before the head of school form sees it. */
  public static final String FOLLOW_UP_TIME = "followUpTime";
  public static final String ESCALATE_AFTER = "escalateAfter";
  /** The part of the plan a returned plan goes back to: RESULTS, ANALYSIS or DEVELOPMENT. */
  public static final String RETURN_TO = "returnTo";

  /** A unit's plan tells the yearly cycle it is approved; the yearly cycle sends its feedback to every plan. */
  public static final String MESSAGE_PLAN_APPROVED = "PlanApproved";
  public static final String MESSAGE_ORGANISER_FEEDBACK = "OrganiserFeedback";
  /** Every batch has started its plans and every plan so started has ended. */
  public static final String MESSAGE_UNIT_PLANS_ENDED = "UnitPlansEnded";
  public static final String TASK_FOLLOW_UP_ACTIONS = "Task_FollowUpActions";
  public static final String TASK_REMIND_FOLLOW_UP = "Task_RemindFollowUp";

  public static final String TASK_SELF_ASSESS_MANAGEMENT = "Task_SelfAssessManagement";
  public static final String TIMER_DEADLINE_PASSED = "Timer_DeadlinePassed";

  private SkaProcess() {}
}
