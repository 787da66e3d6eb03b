package se.kvalitetsarbete.allocation;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.kvalitetsarbete.organisation.TeamMember;
import se.kvalitetsarbete.organisation.TeamMemberRepository;

/**
 * Every decided allocation with its grounds: the criteria's points and reasons, the decision and
 * the meeting's motivation. Open to all staff (the evaluation's call for transparency); drafts and
 * descriptions under review are not shown.
 */
@RestController
@RequestMapping("/api/allocation-decisions")
public class AllocationDecisionController {

  private final AllocationDecisionRepository decisions;
  private final TeamMemberRepository members;

  public AllocationDecisionController(AllocationDecisionRepository decisions, TeamMemberRepository members) {
    this.decisions = decisions;
    this.members = members;
  }

  public record DecisionView(String term, String unit, String schoolForm, String outcome, String outcomeLabel,
      List<String> teamMembers, BigDecimal daysPerWeek, Integer priorityPoints, String priorityReason,
      String motivation, boolean departsFromOrder, LocalDateTime decidedAt, java.time.LocalDate meetingDate,
      List<String> meetingAttendees) {}

  @GetMapping
  @Transactional(readOnly = true)
  public List<DecisionView> all() {
    return decisions.findAllNewestFirst().stream().map(this::view).toList();
  }

  private DecisionView view(AllocationDecision d) {
    NeedsDescription needs = d.getNeedsDescription();
    List<String> names = d.memberIds().stream()
        .map(id -> members.findByUserId(id).map(TeamMember::getName).orElse(id))
        .collect(Collectors.toList());
    return new DecisionView(needs.getRound().getTerm().label(), needs.getUnit().getName(),
        needs.getUnit().getSchoolForm().label(), d.getOutcome().name(), d.getOutcome().label(), names,
        d.getDaysPerWeek(), needs.getPriorityPoints(), needs.getPriorityReason(), d.getMotivation(),
        d.isDepartsFromOrder(), d.getDecidedAt(), needs.getRound().getMeetingDate(), needs.getRound().meetingAttendeeIds());
  }
}
