package se.kvalitetsarbete.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.runtime.Job;
import se.kvalitetsarbete.calendar.TestCalendar;
import se.kvalitetsarbete.common.Dates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.context.annotation.Import;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.test.context.ActiveProfiles;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.allocation.AllocationDecision;
import se.kvalitetsarbete.allocation.AllocationDecisionRepository;
import se.kvalitetsarbete.allocation.AllocationMeeting;
import se.kvalitetsarbete.allocation.NeedsDescription;
import se.kvalitetsarbete.allocation.NeedsDescriptionRepository;
import se.kvalitetsarbete.common.Dates;
import se.kvalitetsarbete.common.InvalidInputException;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Season;
import se.kvalitetsarbete.organisation.TeamMember;
import se.kvalitetsarbete.organisation.Term;
import se.kvalitetsarbete.organisation.TermRepository;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.security.StaffGroups;

/**
 * One assignment of the quality team: kick-off (naming who at the unit carries the work on),
 * check-ins that may change the team, days or terms, closing (was the work handed over?), the
 * evaluation by everyone named, and follow-ups.
 */
// One process engine per JVM is registered by name: each class closes its own.
@DirtiesContext
@Import(ProcessEngineCoverageConfiguration.class)
@SpringBootTest
@ActiveProfiles("test")
class AssignmentProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired Scenario scenario;
  @Autowired AssignmentRepository assignments;
  @Autowired CheckInRepository checkIns;
  @Autowired EvaluationRepository evaluations;
  @Autowired NeedsDescriptionRepository descriptions;
  @Autowired se.kvalitetsarbete.calendar.SchoolCalendar calendar;
  @Autowired se.kvalitetsarbete.calendar.CalendarImport calendarImport;
  @Autowired se.kvalitetsarbete.TestClock clock;
  @Autowired AssignmentChangeRepository changes;
  @Autowired AssignmentCommitments commitments;
  @Autowired AllocationMeeting meeting;
  @Autowired AllocationDecisionRepository decisions;
  @Autowired TermRepository terms;
  @Autowired StaffGroups staffGroups;
  @Autowired IdentityService identity;

  Unit unit;
  AllocationDecision decision;
  ProcessInstance assignment;
  /** The unit's förstelärare, who carries the work on, and a teacher who takes part. */
  String carrier;
  String teacher;

  @org.junit.jupiter.api.AfterEach
  void clockRunsAgain() {
    clock.release();
  }

  @BeforeEach
  void aNeedIsGrantedTwoTeamMembers() {
    AbstractAssertions.init(engine);
    unit = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_4_6).get(0);
    carrier = staffMember("forste" + unit.getCode(), "Fia", "Förstelärare");
    teacher = staffMember("larare" + unit.getCode(), "Lars", "Lärare");
    decision = scenario.grantedDecision(unit, List.of("team5", "team6"));
    assignment = runtime.startProcessInstanceByKey("Assignment", Variables.putValue("decisionId", decision.getId()));
  }

  private String staffMember(String userId, String firstName, String lastName) {
    String group = staffGroups.ensureFor(unit);
    var user = identity.newUser(userId);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    identity.saveUser(user);
    identity.createMembership(userId, group);
    return userId;
  }

  @Test
  void anAssignmentIsCarriedOutClosedEvaluatedAndFollowedUpThreeTimes() {
    assertThat(assignment).isWaitingAt("Task_HoldKickOff");
    org.assertj.core.api.Assertions.assertThat(runtime.createProcessInstanceQuery().processInstanceId(assignment.getId())
        .singleResult().getBusinessKey()).as("Cockpit shows the unit and the term").startsWith(unit.getName() + " – HT ");
    Task kickOff = scenario.task(assignment, "Task_HoldKickOff");
    assertThat(kickOff).hasCandidateUser(unit.getRektorUserId()).hasCandidateUser("team5").hasCandidateUser("team6");
    assertThat(scenario.shown(kickOff.getId(), "orderSummary")).contains("Läsförståelsen");
    assertThat(scenario.shown(kickOff.getId(), "unitStaffOptions")).as("the unit's staff to choose from")
        .contains("Fia Förstelärare", carrier, teacher);
    kickOff();

    assertThat(assignment).isWaitingAt("Timer_CheckInDue");
    scenario.fire(assignment, "Timer_CheckInDue");
    checkIn("CONTINUE", false);
    scenario.fire(assignment, "Timer_CheckInDue");
    checkIn("FINISH", true);

    assertThat(assignment).hasPassed("EndEvent_CarryingOutDone").isWaitingAt("Task_HoldClosingConversation");
    assertThat(scenario.shown(scenario.task(assignment, "Task_HoldClosingConversation").getId(), "orderSummary"))
        .as("the closing conversation sees the order, what was granted and every check-in")
        .contains("Beviljat: Teammedlem team5, Teammedlem team6, 3 dagar per vecka var.", "Ändrat fokus eller omfattning: Fokus flyttas till åk 6.");
    closingConversation();

    List<Task> surveys = scenario.tasks(assignment, "Task_EvaluateAssignment");
    assertThat(surveys).extracting(Task::getAssignee).containsExactlyInAnyOrder(unit.getRektorUserId(), "team5", "team6", carrier, teacher);
    surveys.forEach(this::answerSurvey);

    assertThat(assignment).isWaitingAt("Timer_FollowUpDue");
    Long assignmentId = (Long) runtime.getVariable(assignment.getId(), "assignmentId");
    List<CheckIn> planned = checkIns.findByAssignmentIdAndKindOrderByIdAsc(assignmentId, CheckIn.Kind.FOLLOW_UP);
    LocalDate closed = assignments.findById(assignmentId).orElseThrow().getClosedAt().toLocalDate();
    assertThat(planned).extracting(CheckIn::getDueOn)
        .as("each a school day: one on a weekend or in a lov moves to the next")
        .containsExactly(calendar.nextSchoolDay(closed.plusMonths(1)), calendar.nextSchoolDay(closed.plusMonths(3)),
            calendar.nextSchoolDay(closed.plusMonths(6)));

    for (var timer : engine.getManagementService().createJobQuery().processInstanceId(assignment.getId()).activityId("Timer_FollowUpDue").list()) {
      engine.getManagementService().executeJob(timer.getId());
    }
    List<Task> followUps = scenario.tasks(assignment, "Task_HoldFollowUpConversation");
    assertThat(followUps).hasSize(3);
    followUps.forEach(task -> followUp(task, false));

    assertThat(assignment).isEnded().hasPassed("EndEvent_AssignmentCompleted").hasNotPassed("Task_OpenDraftNeedsDescription");
    Assignment stored = assignments.findById(assignmentId).orElseThrow();
    assertThat(stored.getStatus()).isEqualTo(Assignment.Status.CLOSED);
    assertThat(stored.getGoals()).isEqualTo("Fler elever når godtagbar läsförståelse i åk 5.");
    assertThat(checkIns.findByAssignmentIdAndKindOrderByIdAsc(assignmentId, CheckIn.Kind.DURING_TERM))
        .extracting(CheckIn::getChangeOfFocus).containsExactly(null, "Fokus flyttas till åk 6.");
    assertThat(checkIns.findByAssignmentIdAndKindOrderByIdAsc(assignmentId, CheckIn.Kind.FOLLOW_UP))
        .allMatch(f -> f.getHeldAt() != null && !f.isMoreSupportNeeded());
    assertThat(evaluations.findByAssignmentId(assignmentId)).extracting(Evaluation::getRole)
        .containsExactlyInAnyOrder("REKTOR", "TEAM_MEMBER", "TEAM_MEMBER", "CARRIER", "TEACHER");
    assertThat(stored.getCarrier()).isEqualTo(carrier);
    assertThat(stored.getHandOverDone()).isTrue();
  }

  @Test
  void anAssignmentExtendedAtACheckInRunsThroughTheNextTermAndHoldsItsMembersThere() {
    kickOff();
    scenario.fire(assignment, "Timer_CheckInDue");
    Term first = decision.getNeedsDescription().getRound().getTerm();
    Term next = terms.findOrCreate(new Term.Key(Season.VT, first.getYear() + 1));
    assertThat(commitments.committedDays(next)).as("before: the team is free next term").doesNotContainKey("team5");

    checkIn(change(List.of("team5", "team6"), 3.0, 1, "Läsarbetet behöver en termin till för att sätta sig."));

    assertThat(assignment).hasPassed("EndEvent_AssignmentExtended").isWaitingAt("Timer_CheckInDue");
    assertThat(scenario.timer(assignment, "Timer_TermEnds").getDuedate()).as("the carrying out now ends with the added term")
        .isEqualTo(Dates.toDate(calendar.term(next.key()).ends().atTime(16, 0)));
    Long assignmentId = assignmentId();
    assertThat(assignments.findById(assignmentId).orElseThrow().lastTerm().label()).isEqualTo(next.label());
    assertThat(commitments.committedDays(next)).as("the meeting for the next term finds them taken")
        .containsEntry("team5", new BigDecimal("3.0")).containsEntry("team6", new BigDecimal("3.0"));

    scenario.fire(assignment, "Timer_TermEnds");
    assertThat(assignment).isWaitingAt("Task_HoldClosingConversation");
  }

  @Test
  void aCheckInChangesTeamAndDaysWithWhoWhenAndWhyAndTheCapacityFollows() {
    kickOff();
    scenario.fire(assignment, "Timer_CheckInDue");
    Long roundId = decision.getNeedsDescription().getRound().getId();

    checkIn(change(List.of("team5", "team7"), 2.0, 0, "Digital kompetens behövs; team6 går till ett annat uppdrag."));

    Long assignmentId = assignmentId();
    assertThat(changes.findByAssignmentIdOrderByIdAsc(assignmentId)).singleElement().satisfies(change -> {
      assertThat(change.getMembersBefore()).isEqualTo("team5,team6");
      assertThat(change.getMembersAfter()).isEqualTo("team5,team7");
      assertThat(change.getDaysBefore()).isEqualByComparingTo("3");
      assertThat(change.getDaysAfter()).isEqualByComparingTo("2");
      assertThat(change.getChangeReason()).startsWith("Digital kompetens");
      assertThat(change.getChangedBy()).isEqualTo("team5");
      assertThat(change.getChangedAt()).isNotNull();
    });
    var free = meeting.freeCapacity(roundId);
    assertThat(free).as("the meeting's capacity follows the changed figures").satisfies(f -> {
      assertThat(freeOf(f, "team5")).isEqualByComparingTo("1.5");
      assertThat(freeOf(f, "team6")).isEqualByComparingTo("3.5");
      assertThat(freeOf(f, "team7")).isEqualByComparingTo("1.5");
    });
    assertThat(assignment).isWaitingAt("Timer_CheckInDue").hasNotPassed("EndEvent_AssignmentExtended");
    scenario.fire(assignment, "Timer_CheckInDue");
    assertThat(scenario.task(assignment, "Task_HoldCheckIn")).as("the next check-in is the new team's")
        .satisfies(task -> assertThat(task).hasCandidateUser("team7"));
    assertThat(scenario.shown(scenario.task(assignment, "Task_HoldCheckIn").getId(), "orderSummary"))
        .contains("Teammedlem team5, Teammedlem team7, 2 dagar per vecka var.", "Skäl: Digital kompetens");
  }

  @Test
  void aChangeOverATeamMembersCapacityIsRefusedInSwedishWithNothingWritten() {
    kickOff();
    scenario.fire(assignment, "Timer_CheckInDue");

    assertThatThrownBy(() -> checkIn(change(List.of("team5"), 4.0, 0, "Mer tid i klassrummen.")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Teammedlem team5 har 3,5 dagar per vecka lediga HT ")
        .hasMessageContaining("men ändringen kräver 4")
        .hasMessageContaining("Inget ändrades.");

    assertThat(assignment).isWaitingAt("Task_HoldCheckIn");
    assertThat(changes.findByAssignmentIdOrderByIdAsc(assignmentId())).isEmpty();
    assertThat(checkIns.findByAssignmentIdAndKindOrderByIdAsc(assignmentId(), CheckIn.Kind.DURING_TERM)).isEmpty();
    assertThat(assignments.findById(assignmentId()).orElseThrow().memberIds()).containsExactly("team5", "team6");
  }

  @Test
  void aContinuationAskedForAtAFollowUpKeepsTheUnitsFairnessPoints() {
    throughToFollowUps();
    engine.getManagementService().executeJob(scenario.timers(assignment, "Timer_FollowUpDue").get(0).getId());
    followUp(scenario.task(assignment, "Task_HoldFollowUpConversation"), true);
    NeedsDescription draft = descriptions.findFirstByUnitIdAndRoundIsNullAndStatus(unit.getId(), NeedsDescription.Status.DRAFT).orElseThrow();
    assertThat(draft.getContinuesDecisionId()).isEqualTo(decision.getId());

    // The next round after the assignment's term: the unit had the team in one of the last two terms.
    Term assignmentTerm = decision.getNeedsDescription().getRound().getTerm();
    ProcessInstance round = runtime.startProcessInstanceByKey("TermAllocation", Variables.createVariables()
        .putValue("termSeason", "VT").putValue("termYear", assignmentTerm.getYear() + 1)
        .putValue("applicationDeadline", LocalDate.now().plusWeeks(2).toString()));
    scenario.runAsyncJobs();
    assertThat(decisions.unitWasGrantedIn(unit.getId(), List.of(assignmentTerm), -1L))
        .as("without the continuation, the assignment would count against the unit").isTrue();
    scenario.applyAndApprove(scenario.needsDescriptionOf(round, unit));

    NeedsDescription continuation = descriptions.findById(draft.getId()).orElseThrow();
    assertThat(continuation.getHadTeamRecently()).as("the prioritisation's input: the unit keeps its turn").isFalse();
  }

  @Test
  void theKickOffNamesOnlyTheUnitsOwnStaffToCarryTheWorkOn() {
    String otherUnitsTeacher = "annan" + unit.getCode();
    scenario.staff(otherUnitsTeacher, "personal");
    Map<String, Object> form = kickOffForm();
    form.put("carrier", otherUnitsTeacher);

    assertThatThrownBy(() -> scenario.complete(scenario.task(assignment, "Task_HoldKickOff"), form))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(otherUnitsTeacher + " hör inte till personalen på " + unit.getName())
        .hasMessageContaining("Inget sparades.");
    assertThat(assignment).isWaitingAt("Task_HoldKickOff");
    assertThat(assignments.findById(assignmentId()).orElseThrow().getCarrier()).isNull();
  }

  @Test
  void theClosingConversationShowsTheCarrierAndAsksWhetherTheWorkWasHandedOver() {
    kickOff();
    scenario.fire(assignment, "Timer_TermEnds");
    Task closing = scenario.task(assignment, "Task_HoldClosingConversation");
    assertThat(scenario.shown(closing.getId(), "carrierName")).isEqualTo("Fia Förstelärare (" + carrier + ")");
    Map<String, Object> form = closingForm("NO", null);

    assertThatThrownBy(() -> scenario.complete(closing, form)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Vad återstår av överlämningen, och när sker den?: fältet måste fyllas i.");

    scenario.complete(closing, closingForm("NO", "Försteläraren tar över lärgruppen efter jullovet."));
    Assignment stored = assignments.findById(assignmentId()).orElseThrow();
    assertThat(stored.getHandOverDone()).isFalse();
    assertThat(stored.getHandOverComment()).startsWith("Försteläraren tar över");
  }

  @Test
  void theTeachersNamedAtTheKickOffAnswerTheEvaluationEachInTheirOwnTaskWithTheOpenQuestions() {
    throughToClosing();
    Task teachersSurvey = scenario.tasks(assignment, "Task_EvaluateAssignment").stream()
        .filter(t -> teacher.equals(t.getAssignee())).findFirst().orElseThrow();
    Map<String, Object> withoutTheNeed = surveyAnswers();
    withoutTheNeed.remove("evaluationNeed");
    assertThatThrownBy(() -> scenario.complete(teachersSurvey, withoutTheNeed)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Vilket behov låg till grund för uppdraget");

    scenario.complete(teachersSurvey, surveyAnswers());

    Evaluation answered = evaluations.findByAssignmentId(assignmentId()).stream().filter(e -> teacher.equals(e.getRespondent()))
        .findFirst().orElseThrow();
    assertThat(answered.getRole()).isEqualTo("TEACHER");
    assertThat(answered.answers().changeForPupils()).isEqualTo("Eleverna läser mer och pratar om texterna.");
    assertThat(answered.answers().evidence()).startsWith("Läsloggar");
    assertThat(scenario.tasks(assignment, "Task_EvaluateAssignment")).extracting(Task::getAssignee)
        .as("the others still have theirs").containsExactlyInAnyOrder(unit.getRektorUserId(), "team5", "team6", carrier);
  }

  private static BigDecimal freeOf(Map<TeamMember, BigDecimal> free, String userId) {
    return free.entrySet().stream().filter(e -> e.getKey().getUserId().equals(userId)).findFirst().orElseThrow().getValue();
  }

  private Long assignmentId() {
    return (Long) runtime.getVariable(assignment.getId(), "assignmentId");
  }

  @Test
  void whenTheTermEndsTheCarryingOutStopsAndTheClosingConversationFollows() {
    kickOff();
    scenario.fire(assignment, "Timer_CheckInDue");
    assertThat(assignment).isWaitingAt("Task_HoldCheckIn");

    scenario.fire(assignment, "Timer_TermEnds");

    assertThat(assignment).isWaitingAt("Task_HoldClosingConversation");
    assertThat(scenario.task(assignment, "Task_HoldCheckIn")).isNull();
  }

  @Test
  void moreSupportNeededAtAFollowUpOpensADraftForTheUnitsNextRound() {
    throughToFollowUps();
    engine.getManagementService().executeJob(scenario.timers(assignment, "Timer_FollowUpDue").get(0).getId());

    followUp(scenario.task(assignment, "Task_HoldFollowUpConversation"), true);

    assertThat(assignment).hasPassed("Task_OpenDraftNeedsDescription");
    // Waiting for the next round, or in the round open now (another test's round may be open in this database).
    NeedsDescription draft = descriptions.findAll().stream()
        .filter(d -> d.getUnit().getId().equals(unit.getId()) && d.getOrigin() == NeedsDescription.Origin.FOLLOW_UP)
        .findFirst().orElseThrow();
    assertThat(draft.getStatus()).isEqualTo(NeedsDescription.Status.DRAFT);
    assertThat(draft.getNeeds()).contains("Stöd i att sprida arbetssättet till åk 4.");
  }

  @Test
  void aFollowUpLeftUndoneForTwoWeeksRemindsItsOwners() {
    throughToFollowUps();
    engine.getManagementService().executeJob(scenario.timers(assignment, "Timer_FollowUpDue").get(0).getId());
    Task followUp = scenario.task(assignment, "Task_HoldFollowUpConversation");

    scenario.fire(assignment, "Timer_FollowUpOverdue");

    Task reminded = tasks.createTaskQuery().taskId(followUp.getId()).singleResult();
    assertThat(reminded).as("the conversation is still to be held").isNotNull();
    assertThat(reminded.getPriority()).isEqualTo(RemindFollowUpOwner.REMINDED_PRIORITY);
    assertThat(tasks.getTaskComments(followUp.getId())).extracting(c -> c.getFullMessage()).anyMatch(m -> m.startsWith("Påminnelse"));
    Long followUpId = (Long) se.kvalitetsarbete.Scenario.formValue(followUp.getId(), "followUpId");
    assertThat(checkIns.findById(followUpId).orElseThrow().getRemindedAt()).isNotNull();
  }

  @Test
  void eachFollowUpSaysWhetherItIsTheOneThreeOrSixMonthOne() {
    throughToFollowUps();
    scenario.timers(assignment, "Timer_FollowUpDue").forEach(timer -> engine.getManagementService().executeJob(timer.getId()));

    List<Task> followUps = scenario.tasks(assignment, "Task_HoldFollowUpConversation");
    assertThat(followUps).extracting(Task::getName).containsExactlyInAnyOrder(
        "Håll uppföljande avstämningssamtal efter 1 månad", "Håll uppföljande avstämningssamtal efter 3 månader",
        "Håll uppföljande avstämningssamtal efter 6 månader");
    assertThat(followUps).extracting(task -> scenario.shown(task.getId(), "followUpWhen"))
        .containsExactlyInAnyOrder("efter 1 månad", "efter 3 månader", "efter 6 månader");
  }

  @Test
  void aCheckInThatChangesFocusMustDescribeTheChange() {
    kickOff();
    scenario.fire(assignment, "Timer_CheckInDue");
    Map<String, Object> form = new HashMap<>(Map.of("relationToOrder", "Arbetet följer beställningen.", "focusChanged", true,
        "continueAssignment", "CONTINUE"));

    assertThatThrownBy(() -> scenario.complete(scenario.task(assignment, "Task_HoldCheckIn"), form))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Beskriv förändringen: fältet måste fyllas i.");
    assertThat(assignment).isWaitingAt("Task_HoldCheckIn");
  }

  @Test
  void aSurveyAnswerOutsideTheScaleIsRefused() {
    throughToClosing();
    Task survey = scenario.tasks(assignment, "Task_EvaluateAssignment").get(0);
    Map<String, Object> answers = surveyAnswers();
    answers.put("carryOn", "7");

    assertThatThrownBy(() -> scenario.complete(survey, answers))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ange ett värde mellan 1 och 4");
  }

  // The school calendar: check-ins from the term's start, follow-ups on school days.

  @Test
  void checkInsCountFromTheTermsStartNotFromAnEarlierKickOff() {
    int year = termYear();
    calendarImport.importCsv(new TestCalendar(year).csv());
    Date termStart = (Date) runtime.getVariable(assignment.getId(), "termStart");
    clock.fixAt(LocalDate.of(year, 6, 1).atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant());

    kickOff();

    LocalDate firstDay = Dates.toLocal(termStart).toLocalDate();
    LocalDate due = Dates.toLocal(scenario.timer(assignment, "Timer_CheckInDue").getDuedate()).toLocalDate();
    assertThat(due).as("four weeks after the term's first day, not after the kick-off in June")
        .isEqualTo(calendar.nextSchoolDay(firstDay.plusWeeks(4))).isAfter(firstDay.plusWeeks(4).minusDays(1));
  }

  @Test
  void aCheckInThatWouldFallInHostlovIsHeldTheFirstSchoolDayAfter() {
    TestCalendar school = new TestCalendar(termYear());
    calendarImport.importCsv(school.csv());
    clock.fixAt(school.hostlovStarts().minusWeeks(4).atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant());

    kickOff();

    assertThat(scenario.timer(assignment, "Timer_CheckInDue").getDuedate())
        .isEqualTo(Dates.toDate(school.hostlovStarts().plusWeeks(1).atTime(8, 0)));
  }

  @Test
  void anAssignmentClosedAtTheEndOfTheSpringTermIsNotFollowedUpInJuly() {
    TestCalendar thisYear = new TestCalendar(termYear());
    TestCalendar nextYear = new TestCalendar(termYear() + 1);
    calendarImport.importCsv(thisYear.csv());
    calendarImport.importCsv(nextYear.csv());
    clock.fixAt(thisYear.springEnds().atTime(14, 0).atZone(ZoneId.systemDefault()).toInstant());

    throughToFollowUps();

    List<LocalDate> due = followUpDays();
    assertThat(due.get(0)).as("a month after 'closing in June' is July: the next school day is the next term's first")
        .isEqualTo(nextYear.autumnStarts());
    assertThat(scenario.timers(assignment, "Timer_FollowUpDue")).extracting(Job::getDuedate)
        .contains(Dates.toDate(nextYear.autumnStarts().atTime(8, 0)));
  }

  @Test
  void aFollowUpThatWouldFallInSportlovOrOnAWeekendMovesToTheNextSchoolDay() {
    TestCalendar school = new TestCalendar(termYear());
    calendarImport.importCsv(school.csv());
    LocalDate inSportlov = school.sportlovStarts().plusDays(2);
    clock.fixAt(inSportlov.minusMonths(3).atTime(14, 0).atZone(ZoneId.systemDefault()).toInstant());

    throughToFollowUps();

    List<LocalDate> due = followUpDays();
    assertThat(due.get(1)).as("three months on is sportlov").isEqualTo(school.sportlovStarts().plusWeeks(1));
    assertThat(due).allMatch(calendar::isSchoolDay)
        .noneMatch(day -> day.getDayOfWeek() == java.time.DayOfWeek.SATURDAY || day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY);
  }

  private int termYear() {
    return Integer.parseInt(((String) runtime.getVariable(assignment.getId(), "termLabel")).substring(3));
  }

  private List<LocalDate> followUpDays() {
    Long assignmentId = (Long) runtime.getVariable(assignment.getId(), "assignmentId");
    return checkIns.findByAssignmentIdAndKindOrderByIdAsc(assignmentId, CheckIn.Kind.FOLLOW_UP).stream().map(CheckIn::getDueOn).toList();
  }

  private Map<String, Object> kickOffForm() {
    Map<String, Object> form = new HashMap<>();
    form.put("goals", "Fler elever når godtagbar läsförståelse i åk 5.");
    form.put("supportForms", SpinValues.jsonValue("[\"SAMUNDERVISNING\",\"HANDLEDNING\"]").create());
    form.put("kickOffParticipants", "Arbetslag åk 5, förstelärare i svenska");
    form.put("carrier", carrier);
    form.put("teachers", SpinValues.jsonValue("[\"" + teacher + "\"]").create());
    return form;
  }

  private void kickOff() {
    scenario.complete(scenario.task(assignment, "Task_HoldKickOff"), kickOffForm());
  }

  private void checkIn(String next, boolean focusChanged) {
    Map<String, Object> form = checkInForm(next);
    form.put("focusChanged", focusChanged);
    form.put("changeOfFocus", focusChanged ? "Fokus flyttas till åk 6." : "");
    scenario.complete(scenario.task(assignment, "Task_HoldCheckIn"), form);
  }

  /** Taken by team5 in Tasklist, who is recorded as the one who made the change. */
  private void checkIn(Map<String, Object> form) {
    Task checkIn = scenario.task(assignment, "Task_HoldCheckIn");
    tasks.claim(checkIn.getId(), "team5");
    scenario.complete(checkIn, form);
  }

  private Map<String, Object> checkInForm(String next) {
    Map<String, Object> form = new HashMap<>();
    form.put("relationToOrder", "Arbetet följer beställningen; lärarna prövar lässtrategier.");
    form.put("focusChanged", false);
    form.put("staffingChanged", false);
    form.put("continueAssignment", next);
    return form;
  }

  /** A check-in that changes the team, the days per week or adds terms, and says why. */
  private Map<String, Object> change(List<String> members, double days, int addTerms, String why) {
    Map<String, Object> form = checkInForm("CONTINUE");
    form.put("staffingChanged", true);
    form.put("members", SpinValues.jsonValue("[\"" + String.join("\",\"", members) + "\"]").create());
    form.put("daysPerWeek", days);
    form.put("addTerms", addTerms);
    form.put("changeReason", why);
    return form;
  }

  private Map<String, Object> closingForm(String handedOver, String comment) {
    Map<String, Object> form = new HashMap<>();
    form.put("closingSummary", "Lärarna använder lässtrategier i alla ämnen.");
    form.put("continuationPlan", "Försteläraren leder en lärgrupp varannan vecka.");
    form.put("handOverDone", handedOver);
    form.put("handOverComment", comment);
    return form;
  }

  private void closingConversation() {
    scenario.complete(scenario.task(assignment, "Task_HoldClosingConversation"), closingForm("YES", null));
  }

  private Map<String, Object> surveyAnswers() {
    return Scenario.evaluation();
  }

  private void answerSurvey(Task task) {
    scenario.complete(task, surveyAnswers());
  }

  private void followUp(Task task, boolean moreSupport) {
    Map<String, Object> form = new HashMap<>();
    form.put("followUpOutcome", "Lärgruppen träffas som planerat.");
    form.put("moreSupportNeeded", moreSupport);
    form.put("supportNeeded", moreSupport ? "Stöd i att sprida arbetssättet till åk 4." : null);
    scenario.complete(task, form);
  }

  private void throughToClosing() {
    kickOff();
    scenario.fire(assignment, "Timer_TermEnds");
    closingConversation();
  }

  private void throughToFollowUps() {
    throughToClosing();
    scenario.tasks(assignment, "Task_EvaluateAssignment").forEach(this::answerSurvey);
  }
}
