package se.kvalitetsarbete.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.allocation.NeedsDescription;
import se.kvalitetsarbete.allocation.NeedsDescriptionRepository;
import se.kvalitetsarbete.common.InvalidInputException;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.StaffTeam;
import se.kvalitetsarbete.organisation.Unit;

/**
 * One unit's plan for a school year: the red thread, results (the management and each arbetslag
 * self-assess the normallägen), analysis, development, feedback, follow-up.
 */
@DirtiesContext
@Import(ProcessEngineCoverageConfiguration.class)
@SpringBootTest
@ActiveProfiles("test")
class SkaUnitPlanProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired OrganiserPlans organiserPlans;
  @Autowired TaskService tasks;
  @Autowired Scenario scenario;
  @Autowired QualityCycleScenario cycle;
  @Autowired QualityPlanRepository plans;
  @Autowired QualityPlans qualityPlans;
  @Autowired ImprovementActionRepository actions;
  @Autowired ActionFollowUpRepository followUps;
  @Autowired SelfAssessmentRepository assessments;
  @Autowired NeedsDescriptionRepository descriptions;
  @Autowired SchoolYears years;
  @Autowired PlanDialogue dialogue;

  @Autowired StaffTeamAssessmentRepository teamAssessments;

  Unit unit;
  List<StaffTeam> teams;
  int firstYear;
  SchoolYear year;

  @BeforeEach
  void aSchoolYearWithASharedAreaForGrundskolanAndAUnitWithTwoArbetslag() {
    AbstractAssertions.init(engine);
    unit = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_F3).get(0);
    teams = cycle.staffTeams(unit);
    firstYear = cycle.freshFirstYear();
    year = cycle.preparedYear(firstYear);
  }

  @Test
  void aPlanIsWrittenApprovedFollowedUpInNovemberAndFebruaryAndGetsTheOrganisersFeedback() throws Exception {
    ProcessInstance plan = cycle.startPlan(year, unit.getId());
    assertThat(plan).isWaitingAt("Task_FollowUpLastYear").task().isAssignedTo(unit.getRektorUserId());

    cycle.writeResultsAndAnalysis(plan);
    Task development = scenario.task(plan, "Task_WriteDevelopmentPart");
    assertThat(se.kvalitetsarbete.Scenario.formValue(development.getId(), "areas").toString()).as("the shared area is pre-filled").contains("Läsförståelse");
    assertThat(scenario.shown(development.getId(), "resultsSummary")).as("the results beside the development part")
        .contains("Vi såg att lässtrategierna fungerade", "Arbetslag Räven: Vi ser att eleverna tar mer ansvar.");
    assertThat(scenario.shown(development.getId(), "analysisSummary")).as("and the analysis")
        .contains("Styrkor: Analys: analysisStrengths", "Hinder: Analys: analysisObstacles");
    cycle.writeDevelopmentPart(plan, List.of(cycle.action("Läsförståelse", "Lässtrategier i alla ämnen"),
        cycle.action("Trygghet på rasterna", "Rastvärdar")));
    Task feedback = scenario.task(plan, "Task_GiveFeedback");
    assertThat(feedback).as("the heads of the unit's school form").hasCandidateGroup("verksamhetschefergrundskola");
    assertThat(scenario.shown(feedback.getId(), "planSummary"))
        .contains("RESULTATDEL", "Pedagogisk ledning: Ledningen 3,0 · Arbetslag Räven 2,0 · Arbetslag Ugglan 2,0 · skillnad 1,0",
            "ANALYSDEL", "UTVECKLINGSDEL", "Fokus inom Lärande organisation.", "Rastvärdar");
    cycle.approve(plan);

    assertThat(plan).isWaitingAt("Timer_MidYearDue", "Message_OrganiserFeedback").hasPassed("Task_ReportPlanApproved");
    assertThat(scenario.timer(plan, "Timer_MidYearDue").getDuedate()).hasMonth(11).hasYear(firstYear);
    cycle.followUpMidYear(plan);
    assertThat(plan).as("the year's follow-ups are done; the organiser's feedback is still to come").isWaitingAt("Message_OrganiserFeedback");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(plan.getId())
        .taskDefinitionKey("Task_FollowUpActions").list()).as("each follow-up was due after the model's followUpTime")
        .allSatisfy(t -> assertThat(java.time.Duration.between(t.getStartTime().toInstant(), t.getDueDate().toInstant()).toMinutes())
            .isCloseTo(java.time.Duration.ofDays(14).toMinutes(), org.assertj.core.api.Assertions.within(1L)));

    QualityPlan approved = plans.findByUnitIdAndSchoolYearLabel(unit.getId(), year.getLabel()).orElseThrow();
    years.summarise(year.getId(), "Analys", "Trygghet", "Tack för tydliga analyser; fortsätt med läsförståelsen.");
    dialogue.writeToEveryPlan(year.getId(), "Tack för tydliga analyser; fortsätt med läsförståelsen.");
    runtime().createMessageCorrelation("OrganiserFeedback").processInstanceId(plan.getId()).correlateAll();
    Task organiser = scenario.task(plan, "Task_ReadOrganiserFeedback");
    assertThat(organiser.getAssignee()).isEqualTo(unit.getRektorUserId());
    assertThat(scenario.shown(organiser.getId(), "organiserFeedback")).contains("fortsätt med läsförståelsen");
    scenario.complete(organiser, Map.of("organiserFeedbackReply", "Vi tar med oss det till arbetslagen."));

    assertThat(plan).isEnded().hasPassed("EndEvent_PlanWritten", "EndEvent_UnitPlanDone");
    assertThat(qualityPlans.planText(approved.getId())).as("the printed plan carries the whole exchange")
        .contains("ÅTERKOPPLING OCH SVAR", "Huvudmannen (huvudmannens återkoppling):\nTack för tydliga analyser",
            unit.getRektorUserId() + " (huvudmannens återkoppling):\nVi tar med oss det till arbetslagen.");
    QualityPlan stored = plans.findByUnitIdAndSchoolYearLabel(unit.getId(), year.getLabel()).orElseThrow();
    assertThat(stored.getStatus()).isEqualTo(QualityPlan.Status.APPROVED);
    assertThat(actions.findByPlanIdOrderById(stored.getId())).extracting(ImprovementAction::isShared).containsExactly(true, false);
    assertThat(assessments.findByPlanId(stored.getId())).as("every criterion, by the management and each arbetslag")
        .hasSize(3 * qualityPlans.criteriaFor(stored.getId()).size());
    assertThat(stored.getFocus(SelfAssessment.Area.pedagogiskLedning)).isEqualTo("Fokus inom Pedagogisk ledning.");
    assertThat(followUps.findByActionPlanIdOrderById(stored.getId())).hasSize(4)
        .allMatch(f -> f.getKind() == ActionFollowUp.Kind.MID_YEAR);
    assertThat(qualityPlans.planText(stored.getId())).as("the printed plan carries the follow-ups")
        .contains("Uppföljning (under året): Påbörjat.",
            "Förbättringsområde: Läsförståelse (gemensamt), utvecklingsområde Kvalitet i undervisningen, 2 år",
            "Förbättringsområde: Trygghet på rasterna, utvecklingsområde Kvalitet i undervisningen, 2 år",
            "Arbetslag Ugglan: Vi ser att eleverna tar mer ansvar.");
  }

  @Test
  void aPlanTaskWhoseIdWasSwitchedToAnotherUnitsPlanStopsWithNothingWritten() throws Exception {
    Unit other = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_7_9).get(0);
    ProcessInstance mine = cycle.startPlan(year, unit.getId());
    ProcessInstance theirs = cycle.startPlan(year, other.getId());
    Long theirPlanId = (Long) engine.getRuntimeService().getVariable(theirs.getId(), "qualityPlanId");
    engine.getRuntimeService().setVariable(mine.getId(), "qualityPlanId", theirPlanId);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> cycle.writeResultsAndAnalysis(mine))
        .hasMessageContaining("qualityPlanId");
    assertThat(plans.findById(theirPlanId).orElseThrow().getFollowUpSummary()).as("the other unit's plan is untouched").isNull();
    assertThat(mine).isWaitingAt("Task_FollowUpLastYear");
  }

  @Test
  void cockpitShowsTheUnitAndTheSchoolYearAsThePlansBusinessKey() {
    ProcessInstance plan = cycle.startPlan(year, unit.getId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(plan.getId()).singleResult().getBusinessKey())
        .isEqualTo(unit.getName() + " – " + year.getLabel());
  }

  @Test
  void followUpDatesThatHaveAlreadyPassedAreNotScheduled() {
    SchoolYear past = cycle.preparedYear(2020);
    QualityPlan plan = qualityPlans.start(unit.getId(), past.getId(), null);
    assertThat(qualityPlans.midYearDates(plan.getId(), "11, 2")).isEmpty();
    QualityPlan current = qualityPlans.start(unit.getId(), year.getId(), null);
    List<String> dates = qualityPlans.midYearDates(current.getId(), "11, 2");
    assertThat(dates).hasSize(2);
    for (int i = 0; i < 2; i++) {
      java.time.LocalDate planned = java.time.LocalDate.of(firstYear + i, i == 0 ? 11 : 2, 15);
      java.time.LocalDate due = java.time.LocalDateTime.parse(dates.get(i)).toLocalDate();
      assertThat(due).as("the 15th, or the next school day").isBetween(planned, planned.plusDays(2))
          .matches(day -> day.getDayOfWeek().getValue() <= 5, "a weekday");
    }
  }

  @Test
  void nextYearsPlanStartsFromLastYearsActions() throws Exception {
    cycle.completePlan(cycle.startPlan(year, unit.getId()), "Lässtrategier i alla ämnen");
    SchoolYear nextYear = cycle.preparedYear(firstYear + 1);

    ProcessInstance next = cycle.startPlan(nextYear, unit.getId());
    Task followUp = scenario.task(next, "Task_FollowUpLastYear");
    assertThat(se.kvalitetsarbete.Scenario.formValue(followUp.getId(), "lastYearActions").toString()).contains("Lässtrategier i alla ämnen");
    cycle.writeResultsAndAnalysis(next);

    QualityPlan lastYear = plans.findByUnitIdAndSchoolYearLabel(unit.getId(), year.getLabel()).orElseThrow();
    assertThat(followUps.findByActionPlanIdOrderById(lastYear.getId()))
        .filteredOn(f -> f.getKind() == ActionFollowUp.Kind.YEAR_END)
        .singleElement().satisfies(f -> assertThat(f.getEffect()).isEqualTo("Fler elever läser med flyt; det visar screeningen."));
  }

  @Test
  void aReturnedPlanIsAnsweredByTheRektorAndGoesBackToTheDevelopmentPartWithTheFeedback() throws Exception {
    ProcessInstance plan = cycle.startPlan(year, unit.getId());
    cycle.writeResultsAndAnalysis(plan);
    cycle.writeDevelopmentPart(plan, List.of(cycle.action("Läsförståelse", "Läsa mer")));

    assertThatThrownBy(() -> scenario.complete(scenario.task(plan, "Task_GiveFeedback"), Map.of("feedbackDecision", "RETURN")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Återkoppling till rektor: fältet måste fyllas i.");
    assertThatThrownBy(() -> scenario.complete(scenario.task(plan, "Task_GiveFeedback"),
        Map.of("feedbackDecision", "RETURN", "feedbackComment", "Koppla åtgärden tydligare till analysen.")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Vilken del ska rektor se över?");
    scenario.complete(scenario.task(plan, "Task_GiveFeedback"), Map.of("feedbackDecision", "RETURN",
        "returnTo", "DEVELOPMENT", "feedbackComment", "Koppla åtgärden tydligare till analysen."));

    Task answer = scenario.task(plan, "Task_AnswerFeedback");
    assertThat(answer.getAssignee()).isEqualTo(unit.getRektorUserId());
    assertThat(scenario.shown(answer.getId(), "feedbackComment")).isEqualTo("Koppla åtgärden tydligare till analysen.");
    assertThatThrownBy(() -> scenario.complete(answer, Map.of()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Ditt svar på återkopplingen");
    scenario.complete(answer, Map.of("feedbackAnswer", "Vi knyter åtgärden till läsanalysen."));

    assertThat(plan).isWaitingAt("Task_WriteDevelopmentPart");
    Task again = scenario.task(plan, "Task_WriteDevelopmentPart");
    assertThat(scenario.shown(again.getId(), "feedbackComment")).isEqualTo("Koppla åtgärden tydligare till analysen.");
    assertThat(se.kvalitetsarbete.Scenario.formValue(again.getId(), "areas").toString()).contains("Läsa mer");
    cycle.writeDevelopmentPart(plan, List.of(cycle.action("Läsförståelse", "Lässtrategier kopplade till analysen")));
    cycle.approve(plan);
    assertThat(plan).isWaitingAt("Timer_MidYearDue", "Message_OrganiserFeedback");
    List<PlanMessage> exchange = dialogue.of((Long) runtime().getVariable(plan.getId(), "qualityPlanId"));
    assertThat(exchange).extracting(PlanMessage::getPart, PlanMessage::getText).containsExactly(
        org.assertj.core.groups.Tuple.tuple(PlanMessage.Part.DEVELOPMENT, "Koppla åtgärden tydligare till analysen."),
        org.assertj.core.groups.Tuple.tuple(PlanMessage.Part.DEVELOPMENT, "Vi knyter åtgärden till läsanalysen."));
    assertThat(exchange.get(1).getAuthor()).isEqualTo(unit.getRektorUserId());
  }

  @Test
  void feedbackCanSendThePlanBackToTheAnalysisOrTheResults() throws Exception {
    ProcessInstance plan = cycle.startPlan(year, unit.getId());
    cycle.writeResultsAndAnalysis(plan);
    cycle.writeDevelopmentPart(plan, List.of(cycle.action("Läsförståelse", "Läsa mer")));

    cycle.returnPlan(plan, "ANALYSIS", "Vad säger personalens skattning om orsakerna?", "Vi analyserar skillnaderna.");
    assertThat(plan).isWaitingAt("Task_WriteAnalysis");
    Map<String, Object> analysis = new java.util.HashMap<>();
    for (String perspective : AnalysisForm.PERSPECTIVES) {
      analysis.put(perspective, "Omarbetad: " + perspective);
    }
    scenario.complete(scenario.task(plan, "Task_WriteAnalysis"), analysis);
    cycle.writeDevelopmentPart(plan, List.of(cycle.action("Läsförståelse", "Läsa mer")));

    cycle.returnPlan(plan, "RESULTS", "Hur vet ni att läsningen blev bättre?", "Vi lägger till screeningen.");
    assertThat(plan).isWaitingAt("Task_FollowUpLastYear");
    cycle.writeResultsAndAnalysis(plan);
    cycle.writeDevelopmentPart(plan, List.of(cycle.action("Läsförståelse", "Läsa mer")));
    cycle.approve(plan);

    String printed = qualityPlans.planText((Long) runtime().getVariable(plan.getId(), "qualityPlanId"));
    assertThat(printed).contains("(analysdelen):\nVad säger personalens skattning", "(analysdelen):\nVi analyserar skillnaderna.",
        "(resultatdelen):\nHur vet ni att läsningen blev bättre?", "(resultatdelen):\nVi lägger till screeningen.");
  }

  @Test
  void aLateMidYearFollowUpRemindsTheRektorAndThenReachesTheHeadOfSchoolForm() throws Exception {
    years.markOrganiserFeedbackSent(year.getId()); // the plan has another task open beside the follow-up
    ProcessInstance plan = cycle.startPlan(year, unit.getId());
    cycle.writeResultsAndAnalysis(plan);
    cycle.writeDevelopmentPart(plan, List.of(cycle.action("Läsförståelse", "Läsa mer")));
    cycle.approve(plan);
    scenario.fire(plan, "Timer_MidYearDue");
    Task followUp = scenario.task(plan, "Task_FollowUpActions");

    scenario.fire(plan, "Timer_FollowUpDue");
    assertThat(tasks.getTaskComments(followUp.getId())).extracting(c -> c.getFullMessage()).anyMatch(m -> m.contains("skulle ha varit klar"));
    assertThat(tasks.getIdentityLinksForTask(followUp.getId())).as("only the rektor so far").noneMatch(l -> l.getGroupId() != null);
    Task feedback = scenario.task(plan, "Task_ReadOrganiserFeedback");
    assertThat(feedback.getPriority()).as("the plan's other open task is not the late one").isNotEqualTo(RemindRektor.REMINDED_PRIORITY);
    assertThat(tasks.getTaskComments(feedback.getId())).isEmpty();

    scenario.fire(plan, "Timer_FollowUpOverdue");
    assertThat(tasks.getIdentityLinksForTask(followUp.getId())).as("the heads of the school form see it too")
        .anyMatch(l -> "verksamhetschefergrundskola".equals(l.getGroupId()));
    assertThat(scenario.task(plan, "Task_FollowUpActions").getAssignee()).as("still the rektor's").isEqualTo(unit.getRektorUserId());
    assertThat(tasks.getTaskComments(followUp.getId())).extracting(c -> c.getFullMessage()).anyMatch(m -> m.contains("Verksamhetschefen ser nu"));
    assertThat(plan).hasPassed("Task_RemindFollowUp", "Task_EscalateFollowUp").isWaitingAt("Task_FollowUpActions");
  }

  @Test
  void aPlanApprovedAfterTheOrganisersFeedbackWasSentGetsItAtOnce() throws Exception {
    years.markOrganiserFeedbackSent(year.getId());
    ProcessInstance plan = cycle.startPlan(year, unit.getId());
    cycle.writeResultsAndAnalysis(plan);
    cycle.writeDevelopmentPart(plan, List.of(cycle.action("Läsförståelse", "Läsa mer")));
    cycle.approve(plan);
    assertThat(plan).isWaitingAt("Timer_MidYearDue", "Task_ReadOrganiserFeedback");
  }

  private org.camunda.bpm.engine.RuntimeService runtime() {
    return engine.getRuntimeService();
  }

  @Test
  void theRektorIsRemindedAWeekBeforeAndAfterTheDeadline() {
    ProcessInstance plan = cycle.startPlan(year, unit.getId());

    scenario.fire(plan, "Timer_DeadlineApproaching");
    Task open = scenario.task(plan, "Task_FollowUpLastYear");
    assertThat(open.getPriority()).isEqualTo(RemindRektor.REMINDED_PRIORITY);
    assertThat(tasks.getTaskComments(open.getId())).extracting(c -> c.getFullMessage()).anyMatch(m -> m.contains("om en vecka"));

    scenario.fire(plan, "Timer_DeadlinePassed");
    assertThat(tasks.getTaskComments(open.getId())).extracting(c -> c.getFullMessage()).anyMatch(m -> m.contains("har passerat"));
    assertThat(plan).hasPassed("Task_RemindBeforeDeadline", "Task_RemindAfterDeadline").isWaitingAt("Task_FollowUpLastYear");
  }

  @Test
  void askingForTheQualityTeamOpensADraftNeedsDescriptionFromTheAnalysis() throws Exception {
    ProcessInstance plan = cycle.startPlan(year, unit.getId());
    cycle.writeResultsAndAnalysis(plan);
    Map<String, Object> form = cycle.developmentPart(List.of(cycle.action("Läsförståelse", "Lässtrategier")));
    form.put("askQualityTeam", true);
    form.put("qualityTeamNeed", "Samundervisning i läsförståelse i åk 2.");
    scenario.complete(scenario.task(plan, "Task_WriteDevelopmentPart"), form);

    // Waiting for the next round, or in the round open now (another test's round may be open in this database).
    NeedsDescription draft = descriptions.findAll().stream()
        .filter(d -> d.getUnit().getId().equals(unit.getId()) && d.getOrigin() == NeedsDescription.Origin.QUALITY_PLAN)
        .findFirst().orElseThrow();
    assertThat(draft.getStatus()).isEqualTo(NeedsDescription.Status.DRAFT);
    assertThat(draft.getNeeds()).contains("Samundervisning i läsförståelse i åk 2.");
    assertThat(draft.getBasis()).contains("Analys: analysisHistorical");
  }

  @Test
  void aDevelopmentPartWithoutTheSharedAreaOrWithAHalfWrittenActionIsRefused() throws Exception {
    ProcessInstance plan = cycle.startPlan(year, unit.getId());
    cycle.writeResultsAndAnalysis(plan);

    assertThatThrownBy(() -> cycle.writeDevelopmentPart(plan, List.of(cycle.action("Eget område", "Något"))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Läsförståelse");
    Map<String, Object> halfWritten = cycle.action("Läsförståelse", "Något");
    @SuppressWarnings("unchecked")
    Map<String, Object> action = ((List<Map<String, Object>>) halfWritten.get("areaActions")).get(0);
    action.remove("why");
    halfWritten.put("years", 5);
    Map<String, Object> withoutActions = cycle.action("Eget område", "Något");
    withoutActions.put("areaActions", List.of());
    withoutActions.remove("developmentArea");
    assertThatThrownBy(() -> cycle.writeDevelopmentPart(plan, List.of(halfWritten, withoutActions)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Rad 1: Varför?: fältet måste fyllas i.")
        .hasMessageContaining("Antal år (1–3): ange ett värde mellan 1 och 3.")
        .hasMessageContaining("Rad 2: Utvecklingsområde: fältet måste fyllas i.")
        .hasMessageContaining("Förbättringsområdet \"Eget område\" behöver minst en åtgärd.");
    Map<String, Object> noFocus = cycle.developmentPart(List.of(cycle.action("Läsförståelse", "Något")));
    noFocus.remove("focusMalOchResultatstyrning");
    assertThatThrownBy(() -> scenario.complete(scenario.task(plan, "Task_WriteDevelopmentPart"), noFocus))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Fokus: Mål- och resultatstyrning: fältet måste fyllas i.");
    assertThat(plan).isWaitingAt("Task_WriteDevelopmentPart");
  }

  @Test
  void eachArbetslagSelfAssessesWithItsOwnMembersInParallelWithTheManagement() throws Exception {
    ProcessInstance plan = cycle.startPlan(year, unit.getId());
    cycle.followUpLastYear(plan);

    assertThat(plan).isWaitingAt("Task_SelfAssessManagement", "Task_SelfAssessStaff");
    List<Task> teamTasks = scenario.tasks(plan, "Task_SelfAssessStaff");
    assertThat(teamTasks).as("one per arbetslag").hasSize(2);
    assertThat(teamTasks).extracting(t -> scenario.shown(t.getId(), "teamName"))
        .containsExactlyInAnyOrder("Arbetslag Räven", "Arbetslag Ugglan");
    for (Task task : teamTasks) {
      StaffTeam team = teams.stream().filter(t -> t.getName().equals(scenario.shown(task.getId(), "teamName"))).findFirst().orElseThrow();
      assertThat(tasks.getIdentityLinksForTask(task.getId())).as("its own members are its candidates, nobody else")
          .filteredOn(l -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(l.getType()))
          .extracting(l -> l.getUserId()).containsExactlyElementsOf(team.getMembers());
    }

    cycle.assessAsTeam(teamTasks.get(0), 1, "Vi hinner sällan prata om undervisningen.");
    cycle.assessAsManagement(plan, 3);
    assertThat(plan).as("the analysis waits for the last arbetslag").isWaitingAt("Task_SelfAssessStaff");
    cycle.assessAsTeam(scenario.task(plan, "Task_SelfAssessStaff"), 2, "Kollegialt lärande fungerar.");
    assertThat(plan).isWaitingAt("Task_WriteAnalysis");

    Long planId = (Long) engine.getRuntimeService().getVariable(plan.getId(), "qualityPlanId");
    assertThat(teamAssessments.findByPlanIdOrderByTeamName(planId)).extracting(StaffTeamAssessment::getAssessedBy)
        .containsExactlyInAnyOrder(QualityCycleScenario.teacher(unit, "a"), QualityCycleScenario.teacher(unit, "b"));
    // Sent back to its results, an arbetslag assesses again: its record is replaced, still one per arbetslag.
    Map<Long, Integer> again = new java.util.HashMap<>();
    qualityPlans.criteriaFor(planId).forEach(c -> again.put(c.getId(), 4));
    qualityPlans.assessAsTeam(planId, teams.get(0).getId(), again, "Omskattat efter återkopplingen.", QualityCycleScenario.teacher(unit, "a"));
    assertThat(teamAssessments.findByPlanIdOrderByTeamName(planId)).as("the record holds one self-assessment per arbetslag")
        .hasSize(2).filteredOn(a -> a.getTeamName().equals(teams.get(0).getName())).singleElement()
        .extracting(StaffTeamAssessment::getStaffNotes).isEqualTo("Omskattat efter återkopplingen.");
  }

  @Test
  void theAnalysisShowsTheViewsSideBySideWithTheirGapsAndTheRektorGivesEachArbetslagFeedback() throws Exception {
    ProcessInstance plan = cycle.startPlan(year, unit.getId());
    cycle.followUpLastYear(plan);
    cycle.assessAsManagement(plan, 4);
    List<Task> teamTasks = scenario.tasks(plan, "Task_SelfAssessStaff");
    cycle.assessAsTeam(teamTasks.get(0), 2, "Vi ser att eleverna tar mer ansvar.");
    cycle.assessAsTeam(teamTasks.get(1), 3, "Vi prövar nya arbetssätt.");

    Task analysis = scenario.task(plan, "Task_WriteAnalysis");
    assertThat(scenario.shown(analysis.getId(), "assessmentsCompared"))
        .contains("Pedagogisk ledning: Ledningen 4,0 · Arbetslag Räven 2,0 · Arbetslag Ugglan 3,0 · skillnad 2,0")
        .contains("Normallägen där bilderna skiljer sig två steg eller mer:")
        .contains("– Undervisningen vilar på vetenskaplig grund och beprövad erfarenhet. (Kvalitet i undervisningen): Ledningen 4, Arbetslag Räven 2, Arbetslag Ugglan 3");
    List<Map<String, Object>> views = cycle.rows(analysis, "teamViews", Map.of());
    assertThat(views).extracting(v -> v.get("teamName")).containsExactly("Arbetslag Räven", "Arbetslag Ugglan");
    views.get(0).put("teamFeedback", "Tack! Låt oss ta upp studieron på nästa APT.");

    Map<String, Object> form = new java.util.HashMap<>();
    for (String perspective : AnalysisForm.PERSPECTIVES) {
      form.put(perspective, "Analys: " + perspective);
    }
    form.remove("analysisObstacles");
    form.put("teamViews", se.kvalitetsarbete.common.JsonVariables.json(views));
    assertThatThrownBy(() -> scenario.complete(analysis, form)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Hinder: fältet måste fyllas i.");
    form.put("analysisObstacles", "Tiden för kollegialt lärande räcker inte.");
    scenario.complete(analysis, form);

    Long planId = (Long) engine.getRuntimeService().getVariable(plan.getId(), "qualityPlanId");
    assertThat(teamAssessments.findByPlanIdOrderByTeamName(planId))
        .extracting(StaffTeamAssessment::getTeamName, StaffTeamAssessment::getTeamFeedback, StaffTeamAssessment::getFeedbackBy)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Arbetslag Räven", "Tack! Låt oss ta upp studieron på nästa APT.", unit.getRektorUserId()),
            org.assertj.core.groups.Tuple.tuple("Arbetslag Ugglan", null, null));
    assertThat(plans.findById(planId).orElseThrow().getAnalysisObstacles()).isEqualTo("Tiden för kollegialt lärande räcker inte.");
  }

  @Test
  void aUnitWithoutArbetslagGoesFromTheManagementsSelfAssessmentToTheAnalysis() throws Exception {
    Unit alone = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_7_9).get(0);
    ProcessInstance plan = cycle.startPlan(year, alone.getId());
    cycle.followUpLastYear(plan);
    assertThat(scenario.tasks(plan, "Task_SelfAssessStaff")).isEmpty();
    cycle.assessAsManagement(plan, 3);
    assertThat(plan).isWaitingAt("Task_WriteAnalysis");
    assertThat(scenario.shown(scenario.task(plan, "Task_WriteAnalysis").getId(), "assessmentsCompared"))
        .contains("Inget arbetslag har skattat normallägena.");
  }

  @Test
  void aForskolaIsAskedOnlyWhatAppliesToIt() throws Exception {
    Unit preschool = scenario.municipalityWith(SchoolForm.FORSKOLA).get(0);
    ProcessInstance plan = cycle.startPlan(year, preschool.getId());
    cycle.followUpLastYear(plan);
    Task management = scenario.task(plan, "Task_SelfAssessManagement");

    assertThat(se.kvalitetsarbete.Scenario.formValue(management.getId(), "criteria").toString())
        .contains("Lek, utforskande och samtal")
        .doesNotContain("studiero").doesNotContain("betyg");
    assertThat(se.kvalitetsarbete.Scenario.formValue(management.getId(), "studieroApplies")).isEqualTo(false);
    assertThat(se.kvalitetsarbete.Scenario.formValue(management.getId(), "indicatorsText")).as("no indicators are kept for a förskola").isNull();
    scenario.complete(management, Map.of("criteria", se.kvalitetsarbete.common.JsonVariables.json(
        cycle.rows(management, "criteria", Map.of("score", "2")))));
    Long planId = (Long) engine.getRuntimeService().getVariable(plan.getId(), "qualityPlanId");
    assertThat(qualityPlans.resultsText(planId)).contains("Skolformen Förskola följs inte upp med de gemensamma indikatorerna.");
  }

  @Test
  void aSchoolsManagementMustScoreEveryCriterionAndDescribeItsStudiero() throws Exception {
    ProcessInstance plan = cycle.startPlan(year, unit.getId());
    cycle.followUpLastYear(plan);
    Task management = scenario.task(plan, "Task_SelfAssessManagement");
    assertThat(se.kvalitetsarbete.Scenario.formValue(management.getId(), "criteria").toString()).contains("studiero", "betyg");

    List<Map<String, Object>> rows = cycle.rows(management, "criteria", Map.of("score", "3"));
    rows.get(0).put("score", null);
    assertThatThrownBy(() -> scenario.complete(management, Map.of("criteria", se.kvalitetsarbete.common.JsonVariables.json(rows))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Rad 1: Skattning: fältet måste fyllas i.")
        .hasMessageContaining("Studiero och trygghet: fältet måste fyllas i.");
    List<Map<String, Object>> fewer = cycle.rows(management, "criteria", Map.of("score", "3")).subList(1, rows.size());
    assertThatThrownBy(() -> scenario.complete(management, Map.of("criteria", se.kvalitetsarbete.common.JsonVariables.json(fewer),
        "studieroNotes", "Lugnt.")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Skatta varje normalläge i listan");
    assertThat(assessments.findByPlanId((Long) engine.getRuntimeService().getVariable(plan.getId(), "qualityPlanId"))).isEmpty();
  }

  @Test
  void anArbetslagTaskWhoseTeamWasSwitchedToAnotherUnitsArbetslagStopsWithNothingWritten() throws Exception {
    Unit other = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_7_9).get(0);
    StaffTeam theirs = cycle.staffTeams(other).get(0);
    ProcessInstance plan = cycle.startPlan(year, unit.getId());
    cycle.followUpLastYear(plan);
    Task task = scenario.tasks(plan, "Task_SelfAssessStaff").get(0);
    engine.getRuntimeService().setVariableLocal(task.getExecutionId(), "staffTeamId", theirs.getId());

    assertThatThrownBy(() -> cycle.assessAsTeam(task, 2, "Vi skriver i en annan enhets namn."))
        .hasMessageContaining("staffTeamId");
    assertThat(teamAssessments.findAll()).noneMatch(a -> a.getStaffTeam().getId().equals(theirs.getId()));
  }

  @Test
  void aPlanWhoseSchoolYearWasSwitchedToAnotherYearStopsWithNothingWrittenWhileTheYearsOtherPlansGoOn() throws Exception {
    Unit neighbour = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_7_9).get(0);
    ProcessInstance plan = cycle.startPlan(year, unit.getId());
    ProcessInstance neighbours = cycle.startPlan(year, neighbour.getId());
    SchoolYear nextYear = cycle.preparedYear(firstYear + 1);
    cycle.startPlan(nextYear, neighbour.getId());
    engine.getRuntimeService().setVariable(plan.getId(), "schoolYearId", nextYear.getId());

    assertThatThrownBy(() -> cycle.followUpLastYear(plan)).hasMessageContaining("schoolYearId");
    Long planId = (Long) engine.getRuntimeService().getVariable(plan.getId(), "qualityPlanId");
    assertThat(qualityPlans.get(planId).getFollowUpSummary()).as("nothing written").isNull();
    assertThat(scenario.task(plan, "Task_FollowUpLastYear")).as("the task is still open").isNotNull();

    cycle.followUpLastYear(neighbours);
    assertThat(scenario.tasks(neighbours, "Task_SelfAssessManagement")).as("a year with many plans lets each of its own through").hasSize(1);
  }

  @Test
  void hurBlevDetReflectsOnEachActionAndMarksGoodExamplesForTheOrganisersPlan() throws Exception {
    cycle.completePlan(cycle.startPlan(year, unit.getId()), "Lässtrategier i alla ämnen");
    SchoolYear nextYear = cycle.preparedYear(firstYear + 1);
    ProcessInstance next = cycle.startPlan(nextYear, unit.getId());
    Task followUp = scenario.task(next, "Task_FollowUpLastYear");

    List<Map<String, Object>> rows = cycle.rows(followUp, "lastYearActions", Map.of("seen", "Eleverna gav upp vid långa texter.",
        "done", "Vi modellerade lässtrategier.", "effect", "Fler klarar delprovet; det visar resultaten.",
        "nextStep", "Vi sprider arbetssättet till åk 4.", "goodExample", true));
    Map<String, Object> form = new java.util.HashMap<>(Map.of("lastYearActions", se.kvalitetsarbete.common.JsonVariables.json(rows),
        "followUpSummary", "Vi såg, vi gjorde, det hände."));
    assertThatThrownBy(() -> scenario.complete(followUp, form)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Vad är värt att sprida?: fältet måste fyllas i.");
    rows.get(0).remove("nextStep");
    rows.get(0).put("goodExampleText", "Modellering av lässtrategier i helklass.");
    form.put("lastYearActions", se.kvalitetsarbete.common.JsonVariables.json(rows));
    assertThatThrownBy(() -> scenario.complete(followUp, form)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Vad gör vi nu?: fältet måste fyllas i.");
    rows.get(0).put("nextStep", "Vi sprider arbetssättet till åk 4.");
    form.put("lastYearActions", se.kvalitetsarbete.common.JsonVariables.json(rows));
    scenario.complete(followUp, form);

    QualityPlan lastYear = plans.findByUnitIdAndSchoolYearLabel(unit.getId(), year.getLabel()).orElseThrow();
    assertThat(followUps.findByActionPlanIdOrderById(lastYear.getId()))
        .filteredOn(f -> f.getKind() == ActionFollowUp.Kind.YEAR_END).singleElement()
        .satisfies(f -> {
          assertThat(f.getSeen()).isEqualTo("Eleverna gav upp vid långa texter.");
          assertThat(f.getNextStep()).isEqualTo("Vi sprider arbetssättet till åk 4.");
          assertThat(f.isGoodExample()).isTrue();
        });
    assertThat(followUps.goodExamples(nextYear.getLabel())).singleElement().satisfies(example -> {
      assertThat(example.unit()).isEqualTo(unit.getName());
      assertThat(example.schoolYearOfAction()).isEqualTo(year.getLabel());
      assertThat(example.action()).isEqualTo("Lässtrategier i alla ämnen");
      assertThat(example.description()).isEqualTo("Modellering av lässtrategier i helklass.");
    });
    assertThat(followUps.goodExamples(year.getLabel())).as("only the year they were named in").isEmpty();
    assertThat(organiserPlans.goodExamples(nextYear.getId())).as("the organiser's plan lists it with its unit")
        .contains(unit.getName() + ": Lässtrategier i alla ämnen – Modellering av lässtrategier i helklass.");
    assertThat(qualityPlans.planText(lastYear.getId())).contains("Vi såg: Eleverna gav upp vid långa texter.",
        "Gott exempel att sprida: Modellering av lässtrategier i helklass.");
  }
}
