package se.kvalitetsarbete.assignment;

/** Ids and variable names of the Assignment process, as Java uses them. */
public final class AssignmentProcess {

  public static final String TASK_HOLD_FOLLOW_UP = "Task_HoldFollowUpConversation";

  public static final String DECISION_ID = "decisionId";
  public static final String ASSIGNMENT_ID = "assignmentId";
  public static final String PARTICIPANTS = "participants";
  /** The term's first school day (check-ins count from it) and the moment it ends, from the school calendar. */
  public static final String TERM_START = "termStart";
  public static final String TERM_END = "termEnd";
  public static final String ASSIGNMENT_FINISHED = "assignmentFinished";
  /** Set at a check-in: the work now runs through a later term, so the carrying out starts again until it ends. */
  public static final String ASSIGNMENT_EXTENDED = "assignmentExtended";
  public static final String RESPONDENT = "respondent";
  public static final String FOLLOW_UP_ID = "followUpId";
  /** Input parameter of Task_PlanFollowUps: offsets from the closing day. */
  public static final String FOLLOW_UP_SCHEDULE = "followUpSchedule";

  private AssignmentProcess() {}
}
