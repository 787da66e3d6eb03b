package se.kvalitetsarbete.allocation;

import java.math.BigDecimal;
import java.util.Map;
import se.kvalitetsarbete.organisation.Term;

/**
 * Days per week each team member is already committed to in a term: the running assignments with
 * their current team and days (changed at a check-in, perhaps running over several terms), and
 * granted decisions whose assignment has not started yet. The assignments know this; the meeting asks.
 */
public interface TeamCommitments {

  /** Team member user id → days per week committed in the term. */
  Map<String, BigDecimal> committedDays(Term term);
}
