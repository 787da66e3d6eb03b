package se.kvalitetsarbete.allocation;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.print.PdfDocuments;
import se.kvalitetsarbete.web.Charts;
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
  private final PdfDocuments pdf;
  private final Texts texts;
  private final CapacityChart capacityChart;

  public AllocationDecisionController(AllocationDecisionRepository decisions, TeamMemberRepository members, PdfDocuments pdf,
      Texts texts, CapacityChart capacityChart) {
    this.capacityChart = capacityChart;
    this.decisions = decisions;
    this.members = members;
    this.pdf = pdf;
    this.texts = texts;
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

  /**
   * The decisions as PDF, the same rows as {@link #all}: one round's (term, e.g. "HT 2026") or,
   * without a term, all.
   */
  @GetMapping("/pdf")
  @Transactional(readOnly = true)
  public ResponseEntity<byte[]> pdf(@RequestParam(required = false) String term) {
    List<DecisionView> rows = all().stream().filter(d -> term == null || term.isBlank() || d.term().equals(term.trim())).toList();
    if (rows.isEmpty() && term != null && !term.isBlank()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, texts.get("print.noDecisionsInTerm", term.trim()));
    }
    String title = term == null || term.isBlank() ? texts.get("print.decisionsTitle") : texts.get("print.decisionsTitleTerm", term.trim());
    return PdfDocuments.answer("beslut" + (term == null || term.isBlank() ? "" : "-" + term.trim().replace(' ', '-')) + ".pdf",
        pdf.pdf(PdfDocuments.DECISIONS, Map.of("title", title, "subtitle", texts.get("print.decisionsSubtitle"), "decisions", rows)));
  }

  /** The team's capacity against what was asked for and granted, term by term, drawn (SVG). */
  @GetMapping(value = "/capacity.svg", produces = Charts.MEDIA_TYPE)
  public String capacity() {
    return capacityChart.svg();
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
