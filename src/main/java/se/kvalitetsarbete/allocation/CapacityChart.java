package se.kvalitetsarbete.allocation;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.organisation.Season;
import se.kvalitetsarbete.organisation.TeamMember;
import se.kvalitetsarbete.organisation.TeamMemberRepository;

/**
 * The quality team's capacity against the demand, term by term (days a week in all): what the
 * team has (its members' capacity), what the needs descriptions taken to the meeting asked for
 * (members × days), and what the meeting granted (members × days).
 */
@Service
@Transactional(readOnly = true)
public class CapacityChart {

  /** One term's figures, in days a week. */
  public record TermDemand(String term, BigDecimal capacity, BigDecimal wished, BigDecimal granted) {}

  private final AllocationRoundRepository rounds;
  private final NeedsDescriptionRepository descriptions;
  private final AllocationDecisionRepository decisions;
  private final TeamMemberRepository members;
  private final Texts texts;

  public CapacityChart(AllocationRoundRepository rounds, NeedsDescriptionRepository descriptions,
      AllocationDecisionRepository decisions, TeamMemberRepository members, Texts texts) {
    this.rounds = rounds;
    this.descriptions = descriptions;
    this.decisions = decisions;
    this.members = members;
    this.texts = texts;
  }

  /** Every round's term, oldest first. */
  public List<TermDemand> terms() {
    BigDecimal capacity = members.findAllByOrderByName().stream().map(TeamMember::getCapacityDays)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    return rounds.findAll().stream()
        .sorted(Comparator.comparing((AllocationRound r) -> r.getTerm().getYear())
            .thenComparing(r -> r.getTerm().getSeason() == Season.VT ? 0 : 1))
        .map(round -> {
          BigDecimal wished = descriptions.findByRoundIdAndStatusOrderByPriorityPointsDescIdAsc(round.getId(),
                  NeedsDescription.Status.APPROVED).stream()
              .filter(d -> d.getWishedDays() != null && d.getWishedMembers() != null)
              .map(d -> d.getWishedDays().multiply(BigDecimal.valueOf(d.getWishedMembers())))
              .reduce(BigDecimal.ZERO, BigDecimal::add);
          BigDecimal granted = decisions.findByRound(round.getId()).stream()
              .filter(d -> d.getOutcome().grants() && d.getDaysPerWeek() != null)
              .map(d -> d.getDaysPerWeek().multiply(BigDecimal.valueOf(d.memberIds().size())))
              .reduce(BigDecimal.ZERO, BigDecimal::add);
          return new TermDemand(round.getTerm().label(), capacity, wished, granted);
        })
        .toList();
  }

  public String svg() {
    List<TermDemand> terms = terms();
    return se.kvalitetsarbete.web.Charts.groupedBars(texts.get("chart.capacityTitle"), texts.get("chart.daysPerWeek"),
        terms.stream().map(TermDemand::term).toList(),
        List.of(texts.get("chart.capacity"), texts.get("chart.wished"), texts.get("chart.granted")),
        terms.stream().map(t -> List.of(t.capacity(), t.wished(), t.granted())).toList());
  }

}
