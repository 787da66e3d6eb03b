package se.kvalitetsarbete.allocation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import se.kvalitetsarbete.common.Dates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.organisation.Term;
import se.kvalitetsarbete.organisation.TermRepository;

/** Opening and closing a term's application round. */
@Service
@Transactional
public class AllocationRounds {

  /** A round's last day ends at this time. */

  private final AllocationRoundRepository rounds;
  private final NeedsDescriptionRepository descriptions;
  private final TermRepository terms;
  private final Texts texts;
  private final Clock clock;

  public AllocationRounds(AllocationRoundRepository rounds, NeedsDescriptionRepository descriptions,
      TermRepository terms, Texts texts, Clock clock) {
    this.rounds = rounds;
    this.descriptions = descriptions;
    this.terms = terms;
    this.texts = texts;
    this.clock = clock;
  }

  /** Opens the round for a term; one round per term, and its last day must lie ahead. */
  public AllocationRound open(Term.Key termKey, LocalDate lastDay, String processInstanceId) {
    LocalDateTime now = LocalDateTime.now(clock);
    if (!lastDay.isAfter(now.toLocalDate())) {
      throw texts.invalid("round.deadlineInPast");
    }
    Term term = terms.findOrCreate(termKey);
    if (rounds.findByTerm(term).isPresent()) {
      throw texts.invalid("round.exists", term.label());
    }
    return rounds.save(new AllocationRound(term, now, Dates.deadlineOn(lastDay), processInstanceId));
  }

  /** Closes the round at its deadline; answers whether submitted descriptions still wait for review. */
  public boolean close(Long roundId) {
    AllocationRound round = rounds.lock(roundId);
    round.setStatus(AllocationRound.Status.CLOSED);
    return descriptions.countByRoundIdAndStatus(roundId, NeedsDescription.Status.SUBMITTED) > 0;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }
}
