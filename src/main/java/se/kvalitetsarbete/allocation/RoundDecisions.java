package se.kvalitetsarbete.allocation;

import se.kvalitetsarbete.security.ModelGlue;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the TermAllocation model asks of a round's decisions (multi-instance collections, assignees). */
@Component
@Transactional(readOnly = true)
public class RoundDecisions {

  private final AllocationDecisionRepository decisions;

  public RoundDecisions(AllocationDecisionRepository decisions) {
    this.decisions = decisions;
  }

  @ModelGlue
  public List<Long> all(Long roundId) {
    return decisions.findByRound(roundId).stream().map(AllocationDecision::getId).toList();
  }

  @ModelGlue
  public List<Long> granted(Long roundId) {
    return decisions.findByRound(roundId).stream()
        .filter(d -> d.getOutcome().grants())
        .map(AllocationDecision::getId)
        .toList();
  }

  @ModelGlue
  public String rektorOf(Long decisionId) {
    return decisions.findById(decisionId).orElseThrow().getNeedsDescription().getUnit().getRektorUserId();
  }
}
