package se.kvalitetsarbete.allocation;

import se.kvalitetsarbete.security.ModelGlue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import se.kvalitetsarbete.common.Dates;
import java.time.LocalTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.organisation.Term;
import se.kvalitetsarbete.organisation.TermRepository;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;

/** Opening and closing a term's application round. */
@Service
@Transactional
public class AllocationRounds {

  private static final Logger LOG = LoggerFactory.getLogger(AllocationRounds.class);

  /** A round's last day ends at this time. */

  private final AllocationRoundRepository rounds;
  private final NeedsDescriptionRepository descriptions;
  private final TermRepository terms;
  private final UnitRepository units;
  private final Texts texts;
  private final Clock clock;

  public AllocationRounds(AllocationRoundRepository rounds, NeedsDescriptionRepository descriptions,
      TermRepository terms, UnitRepository units, Texts texts, Clock clock) {
    this.units = units;
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

  /**
   * Gateway_RoundAlreadyOpen of RoundSchedule: the next term already has a round (a coordinator
   * started it by hand), so the scheduled start does nothing but say so in the log.
   */
  @Transactional(readOnly = true)
  @ModelGlue
  public boolean nextTermHasRound() {
    Term.Key next = Term.nextAfter(today());
    boolean exists = terms.findBySeasonAndYear(next.season(), next.year()).flatMap(rounds::findByTerm).isPresent();
    if (exists) {
      LOG.info("Scheduled round for {} {} not started: the term already has a round", next.season(), next.year());
    }
    return exists;
  }

  /** Task_InviteRektorer runs once for each of these units. */
  @Transactional(readOnly = true)
  @ModelGlue
  public List<Long> activeUnitIds() {
    return units.findByActiveTrueOrderByName().stream().map(Unit::getId).toList();
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }
}
