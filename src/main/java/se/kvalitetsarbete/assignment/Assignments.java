package se.kvalitetsarbete.assignment;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.allocation.AllocationDecision;
import se.kvalitetsarbete.allocation.AllocationDecisionRepository;
import se.kvalitetsarbete.allocation.NeedsDescription;
import se.kvalitetsarbete.allocation.NeedsDescriptions;
import se.kvalitetsarbete.common.Dates;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.allocation.AllocationMeeting;
import se.kvalitetsarbete.organisation.Toolbox;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.print.PrintedRecord;

/** An assignment's records: kick-off, check-ins, closing, evaluation and follow-ups. */
@Service
@Transactional
public class Assignments {

  private final AssignmentRepository assignments;
  private final CheckInRepository checkIns;
  private final EvaluationRepository evaluations;
  private final AllocationDecisionRepository decisions;
  private final NeedsDescriptions needsDescriptions;
  private final AllocationMeeting meeting;
  private final Texts texts;
  private final Clock clock;

  public Assignments(AssignmentRepository assignments, CheckInRepository checkIns, EvaluationRepository evaluations,
      AllocationDecisionRepository decisions, NeedsDescriptions needsDescriptions, AllocationMeeting meeting,
      Texts texts, Clock clock) {
    this.meeting = meeting;
    this.assignments = assignments;
    this.checkIns = checkIns;
    this.evaluations = evaluations;
    this.decisions = decisions;
    this.needsDescriptions = needsDescriptions;
    this.texts = texts;
    this.clock = clock;
  }

  public Assignment register(Long decisionId, String processInstanceId) {
    return assignments.findByDecisionId(decisionId).orElseGet(() -> {
      AllocationDecision decision = decisions.findById(decisionId).orElseThrow();
      return assignments.save(new Assignment(decision, now(), processInstanceId));
    });
  }

  /** The rektor first, then the assigned team members. */
  @Transactional(readOnly = true)
  public List<String> participants(Long assignmentId) {
    AllocationDecision decision = get(assignmentId).getDecision();
    List<String> participants = new ArrayList<>();
    participants.add(unit(assignmentId).getRektorUserId());
    decision.memberIds().stream().filter(m -> !participants.contains(m)).forEach(participants::add);
    return participants;
  }

  @Transactional(readOnly = true)
  public Unit unit(Long assignmentId) {
    return get(assignmentId).getDecision().getNeedsDescription().getUnit();
  }

  /** The original order, and the goals once agreed: what every check-in is held against. */
  @Transactional(readOnly = true)
  public String orderSummary(Long assignmentId) {
    Assignment assignment = get(assignmentId);
    StringBuilder summary = new StringBuilder(needsDescriptions.summary(assignment.getDecision().getNeedsDescription().getId()));
    summary.append("\n\n").append(meeting.granted(assignment.getDecision()));
    if (assignment.getGoals() != null) {
      summary.append("\n\n").append(agreedText(assignment));
    }
    for (CheckIn checkIn : checkIns.findByAssignmentIdAndKindOrderByIdAsc(assignmentId, CheckIn.Kind.DURING_TERM)) {
      summary.append("\n\n").append(checkInText(checkIn));
    }
    return summary.toString();
  }

  /** The whole record, as it is printed and archived: the order, the kick-off, check-ins, closing and follow-ups. */
  @Transactional(readOnly = true)
  public PrintedRecord record(Long assignmentId) {
    Assignment assignment = get(assignmentId);
    AllocationDecision decision = assignment.getDecision();
    PrintedRecord.Builder record = PrintedRecord.titled(
        texts.get("print.assignmentTitle", unit(assignmentId).getName(), decision.getNeedsDescription().getRound().getTerm().label()),
        texts.get("print.assignmentSubtitle", texts.get("print.assignmentStatus." + assignment.getStatus().name()),
            Dates.show(assignment.getStartedAt())));
    record.section(texts.get("print.assignmentOrder"), needsDescriptions.summary(decision.getNeedsDescription().getId()),
        meeting.granted(decision));
    record.section(texts.get("print.assignmentKickOff"), assignment.getGoals() == null ? null : agreedText(assignment));
    record.section(texts.get("print.assignmentCheckIns"), checkIns.findByAssignmentIdAndKindOrderByIdAsc(assignmentId,
        CheckIn.Kind.DURING_TERM).stream().map(this::checkInText).toArray(String[]::new));
    if (assignment.getClosedAt() != null) {
      record.section(texts.get("print.assignmentClosing"), texts.get("print.assignmentClosed", Dates.show(assignment.getClosedAt()),
          assignment.getClosingSummary(), assignment.getContinuationPlan()));
    }
    List<CheckIn> followUps = checkIns.findByAssignmentIdAndKindOrderByIdAsc(assignmentId, CheckIn.Kind.FOLLOW_UP);
    record.section(texts.get("print.assignmentFollowUps"), followUps.stream().map(f -> f.getHeldAt() == null
        ? texts.get("print.followUpDue", f.getDueOn().toString())
        : texts.get("print.followUpHeld", f.getDueOn().toString(), Dates.show(f.getHeldAt()), f.getOutcome(),
            f.isMoreSupportNeeded() ? texts.get("print.moreSupport", Objects.requireNonNullElse(f.getChangeOfFocus(), "–"))
                : texts.get("print.noMoreSupport"))).toArray(String[]::new));
    return record.build();
  }

  private String agreedText(Assignment assignment) {
    return texts.get("assignment.agreed", assignment.getGoals(), Toolbox.labels(assignment.getSupportForms()),
        assignment.getParticipantsText());
  }

  private String checkInText(CheckIn checkIn) {
    return texts.get("assignment.checkIn", Dates.show(checkIn.getHeldAt()), checkIn.getRelationToOrder(),
        checkIn.getChangeOfFocus() == null ? "–" : checkIn.getChangeOfFocus());
  }

  public void kickOff(Long assignmentId, String goals, List<String> supportForms, String participantsText) {
    get(assignmentId).kickOff(goals, String.join(",", supportForms), participantsText);
  }

  public CheckIn checkIn(Long assignmentId, String relationToOrder, String changeOfFocus, String recordedBy) {
    return checkIns.save(CheckIn.duringTerm(get(assignmentId), relationToOrder, changeOfFocus, now(), recordedBy));
  }

  public void close(Long assignmentId, String closingSummary, String continuationPlan) {
    get(assignmentId).close(closingSummary, continuationPlan, now());
  }

  public void evaluate(Long assignmentId, String respondent, int[] ratings, String comment) {
    if (evaluations.existsByAssignmentIdAndRespondent(assignmentId, respondent)) {
      throw texts.invalid("evaluation.alreadyAnswered");
    }
    String role = unit(assignmentId).getRektorUserId().equals(respondent) ? "REKTOR" : "TEAM_MEMBER";
    evaluations.save(new Evaluation(get(assignmentId), respondent, role, ratings, comment, now()));
  }

  /** Follow-up conversations at the given offsets (ISO periods, "P1M, P3M, P6M") from the closing day. */
  public List<CheckIn> planFollowUps(Long assignmentId, String schedule) {
    Assignment assignment = get(assignmentId);
    List<CheckIn> planned = new ArrayList<>();
    for (String offset : schedule.split("\\s*,\\s*")) {
      Period period;
      try {
        period = Period.parse(offset.trim());
      } catch (DateTimeParseException e) {
        throw texts.invalid("followUp.badSchedule", schedule);
      }
      planned.add(checkIns.save(CheckIn.followUpDue(assignment, assignment.getClosedAt().toLocalDate().plus(period))));
    }
    return planned;
  }

  @Transactional(readOnly = true)
  public List<Long> followUpIds(Long assignmentId) {
    return checkIns.findByAssignmentIdAndKindOrderByIdAsc(assignmentId, CheckIn.Kind.FOLLOW_UP).stream().map(CheckIn::getId).toList();
  }

  @Transactional(readOnly = true)
  public CheckIn followUp(Long followUpId) {
    return checkIns.findById(followUpId).orElseThrow();
  }

  public void recordFollowUp(Long followUpId, String outcome, boolean moreSupportNeeded, String supportNeeded, String recordedBy) {
    followUp(followUpId).recordFollowUp(outcome, moreSupportNeeded, supportNeeded, now(), recordedBy);
  }

  public void remind(Long followUpId) {
    followUp(followUpId).remind(now());
  }

  /** More support needed: a draft needs description for the unit's next round. */
  public void openDraftNeedsDescription(Long followUpId) {
    CheckIn followUp = followUp(followUpId);
    Assignment assignment = followUp.getAssignment();
    needsDescriptions.openDraft(assignment.getDecision().getNeedsDescription().getUnit(), NeedsDescription.Origin.FOLLOW_UP,
        texts.get("followUp.draftNeeds", assignment.getDecision().getNeedsDescription().getRound().getTerm().label(),
            followUp.getChangeOfFocus()), null);
  }

  @Transactional(readOnly = true)
  public Assignment get(Long assignmentId) {
    return assignments.findById(assignmentId).orElseThrow();
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
