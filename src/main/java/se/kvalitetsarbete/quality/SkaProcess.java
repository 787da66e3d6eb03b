package se.kvalitetsarbete.quality;

/** Variable names of the SkaYearlyCycle and SkaUnitPlan processes, as Java uses them. */
public final class SkaProcess {

  public static final String SCHOOL_YEAR = "schoolYear";
  public static final String SCHOOL_YEAR_ID = "schoolYearId";
  public static final String SCHOOL_YEAR_LABEL = "schoolYearLabel";
  public static final String PLAN_DEADLINE = "planDeadline";
  public static final String REPORT_APPROVED = "reportApproved";

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

  public static final String TASK_SELF_ASSESS_MANAGEMENT = "Task_SelfAssessManagement";
  public static final String TIMER_DEADLINE_PASSED = "Timer_DeadlinePassed";

  private SkaProcess() {}
}
