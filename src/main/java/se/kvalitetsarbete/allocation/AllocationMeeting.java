package se.kvalitetsarbete.allocation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.allocation.AllocationDecision.Outcome;
import se.kvalitetsarbete.allocation.NeedsDescription.Status;
import se.kvalitetsarbete.common.InvalidInputException;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.organisation.Speciality;
import se.kvalitetsarbete.organisation.TeamMember;
import se.kvalitetsarbete.organisation.TeamMemberRepository;
import se.kvalitetsarbete.organisation.Term;

/**
 * Rektorsmötet: every approved needs description in the order of the criteria, the team's free
 * capacity, and the decisions with their grounds.
 */
@Service
@Transactional
public class AllocationMeeting {

  private final AllocationRoundRepository rounds;
  private final NeedsDescriptionRepository descriptions;
  private final AllocationDecisionRepository decisions;
  private final TeamMemberRepository members;
  private final NeedsDescriptions needsDescriptions;
  private final TeamCommitments commitments;
  private final Texts texts;
  private final Clock clock;

  public AllocationMeeting(AllocationRoundRepository rounds, NeedsDescriptionRepository descriptions,
      AllocationDecisionRepository decisions, TeamMemberRepository members, NeedsDescriptions needsDescriptions,
      TeamCommitments commitments, Texts texts, Clock clock) {
    this.commitments = commitments;
    this.rounds = rounds;
    this.descriptions = descriptions;
    this.decisions = decisions;
    this.members = members;
    this.needsDescriptions = needsDescriptions;
    this.texts = texts;
    this.clock = clock;
  }

  /** The approved descriptions, highest priority first. */
  @Transactional(readOnly = true)
  public List<NeedsDescription> agenda(Long roundId) {
    return descriptions.findByRoundIdAndStatusOrderByPriorityPointsDescIdAsc(roundId, Status.APPROVED);
  }

  /** Days per week each member still has free in the round's term. */
  @Transactional(readOnly = true)
  public Map<TeamMember, BigDecimal> freeCapacity(Long roundId) {
    Term term = rounds.findById(roundId).orElseThrow().getTerm();
    Map<String, BigDecimal> committed = commitments.committedDays(term);
    Map<TeamMember, BigDecimal> free = new LinkedHashMap<>();
    for (TeamMember member : members.findAllByOrderByName()) {
      free.put(member, member.getCapacityDays().subtract(committed.getOrDefault(member.getUserId(), BigDecimal.ZERO)));
    }
    return free;
  }

  @Transactional(readOnly = true)
  public String capacityText(Long roundId) {
    Map<TeamMember, BigDecimal> free = freeCapacity(roundId);
    BigDecimal total = free.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    StringBuilder text = new StringBuilder(texts.get("meeting.capacityTotal", days(total), free.size()));
    free.forEach((member, days) -> text.append('\n').append(texts.get("meeting.capacityMember",
        member.getName(), days(days), member.getSpecialities().stream().map(Speciality::label).collect(Collectors.joining(", ")))));
    return text.toString();
  }

  /**
   * Records the meeting's decisions. Refused as a whole, with every reason, when a description is
   * left undecided, a member is over capacity, or a decision lacks its motivation: every partial
   * grant, every refusal and every departure from the order of the criteria must be motivated.
   */
  public List<AllocationDecision> decide(Long roundId, List<DecisionInput> inputs, java.time.LocalDate meetingDate,
      List<String> attendees, String recordedBy) {
    AllocationRound round = rounds.lock(roundId);
    List<NeedsDescription> agenda = agenda(roundId);
    Map<Long, NeedsDescription> byId = agenda.stream().collect(Collectors.toMap(NeedsDescription::getId, Function.identity()));
    Map<String, TeamMember> team = members.findAllByOrderByName().stream()
        .collect(Collectors.toMap(TeamMember::getUserId, Function.identity()));
    List<String> problems = new ArrayList<>();
    Map<Long, DecisionInput> decided = new HashMap<>();
    for (DecisionInput input : inputs) {
      NeedsDescription description = byId.get(input.needsDescriptionId());
      if (description == null) {
        problems.add(texts.get("meeting.unknownDescription", String.valueOf(input.needsDescriptionId())));
        continue;
      }
      if (decided.put(input.needsDescriptionId(), input) != null) {
        problems.add(texts.get("meeting.decidedTwice", description.getUnit().getName()));
      }
      checkOne(description, input, team, problems);
    }
    for (NeedsDescription description : agenda) {
      if (!decided.containsKey(description.getId())) {
        problems.add(texts.get("meeting.undecided", description.getUnit().getName()));
      }
    }
    Set<Long> departing = departuresFromOrder(agenda, decided);
    for (NeedsDescription description : agenda) {
      DecisionInput input = decided.get(description.getId());
      if (input == null || hasMotivation(input)) {
        continue;
      }
      if (departing.contains(description.getId())) {
        problems.add(texts.get("meeting.motivationRequired", description.getUnit().getName()));
      } else if (input.outcome() != null && input.outcome() != Outcome.GRANTED) {
        problems.add(texts.get("meeting.motivationRequiredNotFullyGranted", description.getUnit().getName(),
            input.outcome().label()));
      }
    }
    if (problems.isEmpty()) {
      checkCapacity(roundId, decided.values(), team, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(texts.get("error.form", String.join(" ", problems)));
    }
    LocalDateTime now = LocalDateTime.now(clock);
    List<AllocationDecision> saved = new ArrayList<>();
    for (NeedsDescription description : agenda) {
      DecisionInput input = decided.get(description.getId());
      boolean grants = input.outcome().grants();
      saved.add(decisions.save(new AllocationDecision(description, input.outcome(),
          grants ? input.members() : List.of(), grants ? input.daysPerWeek() : null,
          input.motivation(), departing.contains(description.getId()), now, recordedBy)));
    }
    round.recordMeeting(meetingDate, attendees);
    round.setStatus(AllocationRound.Status.DECIDED);
    return saved;
  }

  private static boolean hasMotivation(DecisionInput input) {
    return input.motivation() != null && !input.motivation().isBlank();
  }

  private void checkOne(NeedsDescription description, DecisionInput input, Map<String, TeamMember> team, List<String> problems) {
    String unit = description.getUnit().getName();
    if (input.outcome() == null) {
      problems.add(texts.get("meeting.outcomeMissing", unit));
      return;
    }
    if (!input.outcome().grants()) {
      return;
    }
    if (input.members().isEmpty() || input.members().size() > 3) {
      problems.add(texts.get("meeting.memberCount", unit));
    }
    if (input.members().stream().distinct().count() != input.members().size()) {
      problems.add(texts.get("meeting.memberTwice", unit));
    }
    input.members().stream().filter(m -> !team.containsKey(m))
        .forEach(m -> problems.add(texts.get("meeting.notTeamMember", unit, m)));
    if (input.daysPerWeek() == null) {
      problems.add(texts.get("meeting.daysMissing", unit));
    }
  }

  /**
   * The descriptions whose decision breaks the order of the criteria: one granted while another
   * with more points is not, and that other one.
   */
  static Set<Long> departuresFromOrder(List<NeedsDescription> agenda, Map<Long, DecisionInput> decided) {
    Set<Long> departing = new java.util.HashSet<>();
    for (NeedsDescription granted : agenda) {
      DecisionInput g = decided.get(granted.getId());
      if (g == null || g.outcome() == null || !g.outcome().grants()) {
        continue;
      }
      for (NeedsDescription refused : agenda) {
        DecisionInput r = decided.get(refused.getId());
        if (r != null && r.outcome() != null && !r.outcome().grants()
            && points(refused) > points(granted)) {
          departing.add(granted.getId());
          departing.add(refused.getId());
        }
      }
    }
    return departing;
  }

  private static int points(NeedsDescription description) {
    return description.getPriorityPoints() == null ? 0 : description.getPriorityPoints();
  }

  private void checkCapacity(Long roundId, java.util.Collection<DecisionInput> decided, Map<String, TeamMember> team, List<String> problems) {
    Map<TeamMember, BigDecimal> free = freeCapacity(roundId);
    Map<String, BigDecimal> wanted = new HashMap<>();
    BigDecimal totalWanted = BigDecimal.ZERO;
    for (DecisionInput input : decided) {
      if (!input.outcome().grants()) {
        continue;
      }
      for (String member : input.members()) {
        wanted.merge(member, input.daysPerWeek(), BigDecimal::add);
        totalWanted = totalWanted.add(input.daysPerWeek());
      }
    }
    BigDecimal totalFree = free.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (totalWanted.compareTo(totalFree) > 0) {
      problems.add(texts.get("meeting.overTeamCapacity", days(totalWanted), days(totalFree)));
    }
    wanted.forEach((userId, days) -> {
      TeamMember member = team.get(userId);
      BigDecimal memberFree = free.get(member);
      if (days.compareTo(memberFree) > 0) {
        problems.add(texts.get("meeting.overMemberCapacity", member.getName(), days(days), days(memberFree)));
      }
    });
  }

  /** What a rektor is told: the outcome and its grounds. */
  @Transactional(readOnly = true)
  public String describe(Long decisionId) {
    AllocationDecision decision = decisions.findById(decisionId).orElseThrow();
    NeedsDescription description = decision.getNeedsDescription();
    String memberNames = memberNames(decision);
    String grounds = texts.get("decision.grounds", description.getPriorityPoints(), description.getPriorityReason(),
        decision.getMotivation() == null ? "–" : decision.getMotivation());
    String outcome = decision.getOutcome().grants()
        ? texts.get("decision.granted", memberNames, days(decision.getDaysPerWeek()))
        : "";
    return texts.get("decision.text", description.getUnit().getName(), description.getRound().getTerm().label(),
        decision.getOutcome().label()) + outcome + "\n\n" + grounds;
  }

  /** "Beviljat: …": who works there, and how many days a week. */
  @Transactional(readOnly = true)
  public String granted(AllocationDecision decision) {
    return texts.get("decision.granted", memberNames(decision), days(decision.getDaysPerWeek())).trim();
  }

  private String memberNames(AllocationDecision decision) {
    return decision.memberIds().stream()
        .map(id -> members.findByUserId(id).map(TeamMember::getName).orElse(id))
        .collect(Collectors.joining(", "));
  }

  /** Rows for the meeting's form, in agenda order. */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> decisionRows(Long roundId) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (NeedsDescription d : agenda(roundId)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("needsDescriptionId", d.getId());
      row.put("unitName", d.getUnit().getName());
      row.put("priorityText", texts.get("meeting.priorityText", d.getPriorityPoints(), d.getPriorityReason()));
      row.put("wishedScope", needsDescriptions.wishedScope(d));
      row.put("needsText", needsDescriptions.summary(d.getId()));
      row.put("members", List.of());
      rows.add(row);
    }
    return rows;
  }

  @Transactional(readOnly = true)
  public List<Map<String, String>> memberOptions() {
    return members.findAllByOrderByName().stream()
        .map(m -> Map.of("label", m.getName() + " (" + m.getSpecialities().stream().map(Speciality::label)
            .collect(Collectors.joining(", ")) + ")", "value", m.getUserId()))
        .toList();
  }

  public static String days(BigDecimal days) {
    return days.stripTrailingZeros().toPlainString().replace('.', ',');
  }
}
