package se.kvalitetsarbete.assignment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.allocation.AllocationDecision;
import se.kvalitetsarbete.allocation.AllocationDecisionRepository;
import se.kvalitetsarbete.allocation.NeedsDescription;
import se.kvalitetsarbete.allocation.NeedsDescriptions;
import se.kvalitetsarbete.calendar.SchoolCalendar;
import se.kvalitetsarbete.common.Dates;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.allocation.AllocationMeeting;
import se.kvalitetsarbete.organisation.Season;
import se.kvalitetsarbete.organisation.TeamMember;
import se.kvalitetsarbete.organisation.TeamMemberRepository;
import se.kvalitetsarbete.organisation.Term;
import se.kvalitetsarbete.organisation.TermRepository;
import se.kvalitetsarbete.organisation.Toolbox;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.security.StaffGroups;
import se.kvalitetsarbete.print.PrintedRecord;

/** An assignment's records: kick-off, check-ins and changes, closing, evaluation and follow-ups. */
@Service
@Transactional
public class Assignments {

  private final AssignmentRepository assignments;
  private final CheckInRepository checkIns;
  private final EvaluationRepository evaluations;
  private final AllocationDecisionRepository decisions;
  private final NeedsDescriptions needsDescriptions;
  private final AllocationMeeting meeting;
  private final AssignmentChangeRepository changes;
  private final AssignmentCommitments commitments;
  private final TeamMemberRepository teamMembers;
  private final TermRepository terms;
  private final StaffGroups staffGroups;
  private final Texts texts;
  private final Clock clock;
  private final SchoolCalendar calendar;

  public Assignments(AssignmentRepository assignments, CheckInRepository checkIns, EvaluationRepository evaluations,
      AllocationDecisionRepository decisions, NeedsDescriptions needsDescriptions, AllocationMeeting meeting,
      AssignmentChangeRepository changes, AssignmentCommitments commitments, TeamMemberRepository teamMembers,
      TermRepository terms, StaffGroups staffGroups, Texts texts, Clock clock, SchoolCalendar calendar) {
    this.calendar = calendar;
    this.meeting = meeting;
    this.changes = changes;
    this.commitments = commitments;
    this.teamMembers = teamMembers;
    this.terms = terms;
    this.staffGroups = staffGroups;
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

  /** The rektor first, then the team members working there now. */
  @Transactional(readOnly = true)
  public List<String> participants(Long assignmentId) {
    LinkedHashSet<String> participants = new LinkedHashSet<>();
    participants.add(unit(assignmentId).getRektorUserId());
    participants.addAll(get(assignmentId).memberIds());
    return List.copyOf(participants);
  }

  /** Who answers the end evaluation: the participants, the one who carries the work on, the teachers who took part. */
  @Transactional(readOnly = true)
  public List<String> respondents(Long assignmentId) {
    Assignment assignment = get(assignmentId);
    LinkedHashSet<String> respondents = new LinkedHashSet<>(participants(assignmentId));
    if (assignment.getCarrier() != null) {
      respondents.add(assignment.getCarrier());
    }
    respondents.addAll(assignment.teacherIds());
    return List.copyOf(respondents);
  }

  /** The unit's staff (user id → name): whom the kick-off may name. */
  @Transactional(readOnly = true)
  public Map<String, String> staff(Long assignmentId) {
    return staffGroups.staffOf(unit(assignmentId));
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
    for (AssignmentChange change : changes.findByAssignmentIdOrderByIdAsc(assignmentId)) {
      summary.append("\n\n").append(changeText(change));
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
    record.section(texts.get("print.assignmentChanges"), changes.findByAssignmentIdOrderByIdAsc(assignmentId).stream()
        .map(this::changeText).toArray(String[]::new));
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
    Map<String, String> staff = staff(assignment.getId());
    return texts.get("assignment.agreed", assignment.getGoals(), Toolbox.labels(assignment.getSupportForms()),
        assignment.getParticipantsText(), carrierText(assignment.getId()), assignment.teacherIds().isEmpty() ? "–"
            : assignment.teacherIds().stream().map(id -> named(id, staff)).collect(Collectors.joining(", ")));
  }

  private String changeText(AssignmentChange change) {
    return texts.get("assignment.change", Dates.show(change.getChangedAt()), change.getChangedBy(),
        staffing(List.of(change.getMembersAfter().split(",")), change.getDaysAfter()), change.getLastTermAfter().label(),
        change.getChangeReason() == null ? "–" : change.getChangeReason());
  }

  private String checkInText(CheckIn checkIn) {
    return texts.get("assignment.checkIn", Dates.show(checkIn.getHeldAt()), checkIn.getRelationToOrder(),
        checkIn.getChangeOfFocus() == null ? "–" : checkIn.getChangeOfFocus());
  }

  /** "Namn (user id)", or "–" when nobody was named (records from before the kick-off named one). */
  @Transactional(readOnly = true)
  public String carrierText(Long assignmentId) {
    String carrier = get(assignmentId).getCarrier();
    return carrier == null ? "–" : named(carrier, staff(assignmentId));
  }

  private static String named(String userId, Map<String, String> staff) {
    String name = staff.get(userId);
    return name == null || name.isBlank() ? userId : name + " (" + userId + ")";
  }

  /** Agreed at the kick-off; who carries the work on and the teachers must be staff of the unit. */
  public void kickOff(Long assignmentId, String goals, List<String> supportForms, String participantsText,
      String carrier, List<String> teachers) {
    Map<String, String> staff = staff(assignmentId);
    List<String> strangers = new ArrayList<>();
    if (carrier != null && !staff.containsKey(carrier)) {
      strangers.add(carrier);
    }
    teachers.stream().filter(t -> !staff.containsKey(t)).forEach(strangers::add);
    if (!strangers.isEmpty()) {
      throw texts.invalid("assignment.notStaff", String.join(", ", strangers), unit(assignmentId).getName());
    }
    get(assignmentId).kickOff(goals, String.join(",", supportForms), participantsText, carrier,
        teachers.stream().distinct().toList());
  }

  /**
   * A change agreed at a check-in: the team, days per week, terms added, or the focus. Refused
   * with nothing changed when a member is not in the team or would be over capacity in any term
   * the work runs from now on (the other assignments' current figures count). Answers whether the
   * work now runs through a later term.
   */
  public boolean change(Long assignmentId, List<String> members, BigDecimal daysPerWeek, int addTerms,
      String changeOfFocus, String reason, String changedBy) {
    Assignment assignment = get(assignmentId);
    List<String> newMembers = members == null ? assignment.memberIds() : members;
    BigDecimal newDays = daysPerWeek == null ? assignment.getDaysPerWeek() : daysPerWeek;
    Term newLast = assignment.lastTerm();
    for (int i = 0; i < addTerms; i++) {
      newLast = terms.findOrCreate(next(newLast));
    }
    boolean staffingChanges = !newMembers.equals(assignment.memberIds()) || newDays.compareTo(assignment.getDaysPerWeek()) != 0
        || addTerms > 0;
    if (staffingChanges) {
      checkStaffing(assignment, newMembers, newDays, newLast);
    }
    changes.save(new AssignmentChange(assignment, newMembers, newDays, newLast, changeOfFocus, reason, now(), changedBy));
    boolean extended = !newLast.getId().equals(assignment.lastTerm().getId());
    assignment.staff(newMembers, newDays, newLast);
    return extended;
  }

  private void checkStaffing(Assignment assignment, List<String> members, BigDecimal days, Term last) {
    String unit = unit(assignment.getId()).getName();
    if (members.isEmpty() || members.size() > 3) {
      throw texts.invalid("meeting.memberCount", unit);
    }
    if (members.stream().distinct().count() != members.size()) {
      throw texts.invalid("meeting.memberTwice", unit);
    }
    List<String> problems = new ArrayList<>();
    for (Term term = currentTerm(assignment); ; term = terms.findOrCreate(next(term))) {
      Map<String, BigDecimal> committed = commitments.committedDays(term, assignment.getId());
      for (String userId : members) {
        TeamMember member = teamMembers.findByUserId(userId).orElseThrow(() -> texts.invalid("meeting.notTeamMember", unit, userId));
        BigDecimal free = member.getCapacityDays().subtract(committed.getOrDefault(userId, BigDecimal.ZERO));
        if (days.compareTo(free) > 0) {
          problems.add(texts.get("assignment.overCapacity", member.getName(), AllocationMeeting.days(days),
              AllocationMeeting.days(free.max(BigDecimal.ZERO)), term.label()));
        }
      }
      if (term.order() >= last.order()) {
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw texts.invalid("assignment.changeRefused", String.join(" ", problems));
    }
  }

  /** The last school day of the assignment's last term, from the school calendar. */
  @Transactional(readOnly = true)
  public LocalDate lastDay(Long assignmentId) {
    return calendar.term(get(assignmentId).lastTerm().key()).ends();
  }

  /** The term the work is in today: the first one, or a later one it runs through. */
  private Term currentTerm(Assignment assignment) {
    LocalDate today = LocalDate.now(clock);
    Term term = assignment.firstTerm();
    while (calendar.term(term.key()).ends().isBefore(today) && term.order() < assignment.lastTerm().order()) {
      term = terms.findOrCreate(next(term));
    }
    return term;
  }

  private static Term.Key next(Term term) {
    return term.getSeason() == Season.HT ? new Term.Key(Season.VT, term.getYear() + 1) : new Term.Key(Season.HT, term.getYear());
  }

  /** "Namn, Namn, 3 dagar per vecka var." as the meeting says it. */
  private String staffing(List<String> members, BigDecimal days) {
    return texts.get("decision.granted", members.stream()
        .map(id -> teamMembers.findByUserId(id).map(TeamMember::getName).orElse(id)).collect(Collectors.joining(", ")),
        AllocationMeeting.days(days)).trim();
  }

  @Transactional(readOnly = true)
  public List<AssignmentChange> changes(Long assignmentId) {
    return changes.findByAssignmentIdOrderByIdAsc(assignmentId);
  }

  public CheckIn checkIn(Long assignmentId, String relationToOrder, String changeOfFocus, String recordedBy) {
    return checkIns.save(CheckIn.duringTerm(get(assignmentId), relationToOrder, changeOfFocus, now(), recordedBy));
  }

  public void close(Long assignmentId, String closingSummary, String continuationPlan, boolean handOverDone, String handOverComment) {
    get(assignmentId).close(closingSummary, continuationPlan, handOverDone, handOverComment, now());
  }

  public void evaluate(Long assignmentId, String respondent, int[] ratings, Evaluation.Answers answers) {
    if (evaluations.existsByAssignmentIdAndRespondent(assignmentId, respondent)) {
      throw texts.invalid("evaluation.alreadyAnswered");
    }
    evaluations.save(new Evaluation(get(assignmentId), respondent, roleOf(assignmentId, respondent), ratings, answers, now()));
  }

  /** In which role someone answers: the rektor, a team member, the one who carries the work on, or a teacher. */
  private String roleOf(Long assignmentId, String respondent) {
    Assignment assignment = get(assignmentId);
    if (unit(assignmentId).getRektorUserId().equals(respondent)) {
      return "REKTOR";
    }
    if (assignment.memberIds().contains(respondent) || assignment.getDecision().memberIds().contains(respondent)) {
      return "TEAM_MEMBER";
    }
    return respondent.equals(assignment.getCarrier()) ? "CARRIER" : "TEACHER";
  }

  /**
   * Follow-up conversations at the given offsets (ISO periods, "P1M, P3M, P6M") from the closing
   * day, each on a school day: one that would fall on a weekend or in a lov moves to the next.
   */
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
      planned.add(checkIns.save(CheckIn.followUpDue(assignment,
          calendar.nextSchoolDay(assignment.getClosedAt().toLocalDate().plus(period)), period)));
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

  /** How long after the closing conversation this follow-up was planned (one of the model's schedule). */
  @Transactional(readOnly = true)
  public Period followUpAfter(Long followUpId) {
    CheckIn followUp = followUp(followUpId);
    Period planned = followUp.getPlannedAfter();
    return planned != null ? planned
        : Period.ofDays((int) ChronoUnit.DAYS.between(followUp.getAssignment().getClosedAt().toLocalDate(), followUp.getDueOn()));
  }

  /** "3 månader", "14 dagar": how long after the closing, as people say it (task name, form, invitation). */
  @Transactional(readOnly = true)
  public String followUpAfterText(Long followUpId) {
    Period after = followUpAfter(followUpId);
    return after.getDays() == 0 && after.toTotalMonths() > 0 ? texts.get("followUp.afterMonths", after.toTotalMonths())
        : texts.get("followUp.afterDays", after.toTotalMonths() * 30 + after.getDays());
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
    NeedsDescription draft = needsDescriptions.openDraft(assignment.getDecision().getNeedsDescription().getUnit(),
        NeedsDescription.Origin.FOLLOW_UP, texts.get("followUp.draftNeeds",
            assignment.getDecision().getNeedsDescription().getRound().getTerm().label(), followUp.getChangeOfFocus()), null);
    // A continuation: this assignment does not count against the unit's turn in the prioritisation.
    draft.setContinuesDecisionId(assignment.getDecision().getId());
  }

  @Transactional(readOnly = true)
  public Assignment get(Long assignmentId) {
    return assignments.findById(assignmentId).orElseThrow();
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
