package se.kvalitetsarbete.assignment;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.allocation.AllocationDecision;
import se.kvalitetsarbete.allocation.AllocationDecisionRepository;
import se.kvalitetsarbete.allocation.TeamCommitments;
import se.kvalitetsarbete.organisation.Term;

/**
 * The team's commitments in a term, from the assignments' current figures: an assignment that is
 * not closed counts in every term it covers with its team and days as last agreed; a granted
 * decision counts as decided until its assignment is registered. A closed assignment frees its days.
 */
@Component
@Transactional(readOnly = true)
public class AssignmentCommitments implements TeamCommitments {

  private final AssignmentRepository assignments;
  private final AllocationDecisionRepository decisions;

  public AssignmentCommitments(AssignmentRepository assignments, AllocationDecisionRepository decisions) {
    this.assignments = assignments;
    this.decisions = decisions;
  }

  @Override
  public Map<String, BigDecimal> committedDays(Term term) {
    return committedDays(term, null);
  }

  /** As {@link #committedDays(Term)}, leaving out one assignment (the one whose change is being checked). */
  public Map<String, BigDecimal> committedDays(Term term, Long exceptAssignmentId) {
    Map<String, BigDecimal> committed = new HashMap<>();
    for (AllocationDecision decision : decisions.findGrantedInTerm(term)) {
      if (!assignments.existsByDecisionId(decision.getId())) {
        decision.memberIds().forEach(member -> committed.merge(member, decision.getDaysPerWeek(), BigDecimal::add));
      }
    }
    for (Assignment assignment : assignments.findByStatusNot(Assignment.Status.CLOSED)) {
      if (!Objects.equals(assignment.getId(), exceptAssignmentId) && assignment.covers(term)) {
        assignment.memberIds().forEach(member -> committed.merge(member, assignment.getDaysPerWeek(), BigDecimal::add));
      }
    }
    return committed;
  }
}
