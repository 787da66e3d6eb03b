package se.kvalitetsarbete.allocation;

/** Ids and variable names of the TermAllocation and NeedsDescription processes, as Java uses them. */
public final class TermAllocationProcess {

  public static final String PROCESS_ID = "TermAllocation";
  public static final String NEEDS_DESCRIPTION_PROCESS_ID = "NeedsDescription";

  public static final String MESSAGE_REVIEWS_DONE = "ReviewsDone";

  // Start variables (manual start form)
  public static final String TERM_SEASON = "termSeason";
  public static final String TERM_YEAR = "termYear";
  public static final String APPLICATION_DEADLINE = "applicationDeadline";
  /** Input parameter of Task_OpenRound: how long a round is open when no deadline is given. */
  public static final String APPLICATION_PERIOD = "applicationPeriod";

  public static final String ROUND_ID = "roundId";
  public static final String TERM_LABEL = "termLabel";
  public static final String ROUND_DEADLINE = "roundDeadline";
  public static final String REVIEWS_PENDING = "reviewsPending";

  // NeedsDescription
  public static final String UNIT_ID = "unitId";
  public static final String UNIT_CODE = "unitCode";
  public static final String UNIT_NAME = "unitName";
  public static final String INITIATOR = "initiator";
  public static final String NEEDS_DESCRIPTION_ID = "needsDescriptionId";
  public static final String REKTOR_USER_ID = "rektorUserId";
  public static final String APPLYING = "applying";
  /** The rektor shared the draft with the co-writers instead of submitting it: writing goes on. */
  public static final String DRAFT_SHARED = "draftShared";
  public static final String REVISION_REQUESTED = "revisionRequested";
  public static final String PRIORITY_RULES = "priorityRules";

  // The meeting
  public static final String DECISIONS = "decisions";
  public static final String DECISION_ID = "decisionId";

  private TermAllocationProcess() {}
}
