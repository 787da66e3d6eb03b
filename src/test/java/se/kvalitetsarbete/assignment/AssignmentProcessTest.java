package se.kvalitetsarbete.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.runtime.Job;
import se.kvalitetsarbete.calendar.TestCalendar;
import se.kvalitetsarbete.common.Dates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import se.kvalitetsarbete.allocation.NeedsDescription;
import se.kvalitetsarbete.allocation.NeedsDescriptionRepository;
import se.kvalitetsarbete.common.InvalidInputException;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Unit;

/** One assignment of the quality team: kick-off, check-ins, closing, evaluation and follow-ups. */
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

  Unit unit;
  ProcessInstance assignment;

  @org.junit.jupiter.api.AfterEach
  void clockRunsAgain() {
    clock.release();
  }

  @BeforeEach
  void aNeedIsGrantedTwoTeamMembers() {
    AbstractAssertions.init(engine);
    unit = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_4_6).get(0);
    AllocationDecision decision = scenario.grantedDecision(unit, List.of("team5", "team6"));
    assignment = runtime.startProcessInstanceByKey("Assignment", Variables.putValue("decisionId", decision.getId()));
  }

  @Test
  void anAssignmentIsCarriedOutClosedEvaluatedAndFollowedUpThreeTimes() {
    assertThat(assignment).isWaitingAt("Task_HoldKickOff");
    org.assertj.core.api.Assertions.assertThat(runtime.createProcessInstanceQuery().processInstanceId(assignment.getId())
        .singleResult().getBusinessKey()).as("Cockpit shows the unit and the term").startsWith(unit.getName() + " – HT ");
    Task kickOff = scenario.task(assignment, "Task_HoldKickOff");
    assertThat(kickOff).hasCandidateUser(unit.getRektorUserId()).hasCandidateUser("team5").hasCandidateUser("team6");
    assertThat(scenario.shown(kickOff.getId(), "orderSummary")).contains("Läsförståelsen");
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
    assertThat(surveys).extracting(Task::getAssignee).containsExactlyInAnyOrder(unit.getRektorUserId(), "team5", "team6");
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
        .containsExactlyInAnyOrder("REKTOR", "TEAM_MEMBER", "TEAM_MEMBER");
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
    Long followUpId = (Long) tasks.getVariable(followUp.getId(), "followUpId");
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

  private void kickOff() {
    scenario.complete(scenario.task(assignment, "Task_HoldKickOff"), Map.of(
        "goals", "Fler elever når godtagbar läsförståelse i åk 5.",
        "supportForms", SpinValues.jsonValue("[\"SAMUNDERVISNING\",\"HANDLEDNING\"]").create(),
        "kickOffParticipants", "Arbetslag åk 5, förstelärare i svenska"));
  }

  private void checkIn(String next, boolean focusChanged) {
    Map<String, Object> form = new HashMap<>();
    form.put("relationToOrder", "Arbetet följer beställningen; lärarna prövar lässtrategier.");
    form.put("focusChanged", focusChanged);
    form.put("changeOfFocus", focusChanged ? "Fokus flyttas till åk 6." : "");
    form.put("continueAssignment", next);
    scenario.complete(scenario.task(assignment, "Task_HoldCheckIn"), form);
  }

  private void closingConversation() {
    scenario.complete(scenario.task(assignment, "Task_HoldClosingConversation"), Map.of(
        "closingSummary", "Lärarna använder lässtrategier i alla ämnen.",
        "continuationPlan", "Försteläraren leder en lärgrupp varannan vecka."));
  }

  private Map<String, Object> surveyAnswers() {
    Map<String, Object> answers = new HashMap<>();
    for (String dimension : EvaluationForm.DIMENSIONS) {
      answers.put(dimension, "3");
    }
    answers.put("evaluationComment", "Samundervisningen gav mest.");
    return answers;
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
