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
import se.kvalitetsarbete.organisation.Unit;

/** One unit's plan for a school year: the red thread, results, analysis, development, feedback, follow-up. */
@DirtiesContext
@Import(ProcessEngineCoverageConfiguration.class)
@SpringBootTest
@ActiveProfiles("test")
class SkaUnitPlanProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired Scenario scenario;
  @Autowired QualityCycleScenario cycle;
  @Autowired QualityPlanRepository plans;
  @Autowired QualityPlans qualityPlans;
  @Autowired ImprovementActionRepository actions;
  @Autowired ActionFollowUpRepository followUps;
  @Autowired SelfAssessmentRepository assessments;
  @Autowired NeedsDescriptionRepository descriptions;

  Unit unit;
  int firstYear;
  SchoolYear year;

  @BeforeEach
  void aSchoolYearWithASharedAreaForGrundskolan() {
    AbstractAssertions.init(engine);
    unit = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_F3).get(0);
    firstYear = cycle.freshFirstYear();
    year = cycle.preparedYear(firstYear);
  }

  @Test
  void aPlanIsWrittenApprovedAndItsActionsFollowedUpInNovemberAndFebruary() throws Exception {
    ProcessInstance plan = cycle.startPlan(year, unit.getId());
    assertThat(plan).isWaitingAt("Task_FollowUpLastYear").task().isAssignedTo(unit.getRektorUserId());

    cycle.writeResultsAndAnalysis(plan);
    Task development = scenario.task(plan, "Task_WriteDevelopmentPart");
    assertThat(tasks.getVariable(development.getId(), "actions").toString()).as("the shared area is pre-filled").contains("Läsförståelse");
    cycle.writeDevelopmentPart(plan, List.of(cycle.action("Läsförståelse", "Lässtrategier i alla ämnen"),
        cycle.action("Trygghet på rasterna", "Rastvärdar")));
    Task feedback = scenario.task(plan, "Task_GiveFeedback");
    assertThat(feedback).as("the heads of the unit's school form").hasCandidateGroup("verksamhetschefergrundskola");
    assertThat(scenario.shown(feedback.getId(), "planSummary"))
        .contains("RESULTATDEL", "Ledningen, Pedagogisk ledning: 3", "ANALYSDEL", "UTVECKLINGSDEL", "Rastvärdar");
    cycle.approve(plan);

    assertThat(plan).isWaitingAt("Timer_MidYearDue");
    assertThat(scenario.timer(plan, "Timer_MidYearDue").getDuedate()).hasMonth(11).hasYear(firstYear);
    cycle.followUpMidYear(plan);

    assertThat(plan).isEnded().hasPassed("EndEvent_PlanWritten", "EndEvent_UnitPlanDone");
    QualityPlan stored = plans.findByUnitIdAndSchoolYearLabel(unit.getId(), year.getLabel()).orElseThrow();
    assertThat(stored.getStatus()).isEqualTo(QualityPlan.Status.APPROVED);
    assertThat(actions.findByPlanIdOrderById(stored.getId())).extracting(ImprovementAction::isShared).containsExactly(true, false);
    assertThat(assessments.findByPlanId(stored.getId())).hasSize(8);
    assertThat(followUps.findByActionPlanIdOrderById(stored.getId())).hasSize(4)
        .allMatch(f -> f.getKind() == ActionFollowUp.Kind.MID_YEAR);
    assertThat(qualityPlans.planText(stored.getId())).as("the printed plan carries the follow-ups")
        .contains("Uppföljning (under året): Påbörjat.", "Förbättringsområde: Läsförståelse (gemensamt), 2 år",
            "Förbättringsområde: Trygghet på rasterna, 2 år", "Personalens reflektioner (Arbetslag F–3)");
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
    assertThat(qualityPlans.midYearDates(current.getId(), "11, 2"))
        .containsExactly(firstYear + "-11-15T08:00", (firstYear + 1) + "-02-15T08:00");
  }

  @Test
  void nextYearsPlanStartsFromLastYearsActions() throws Exception {
    cycle.completePlan(cycle.startPlan(year, unit.getId()), "Lässtrategier i alla ämnen");
    SchoolYear nextYear = cycle.preparedYear(firstYear + 1);

    ProcessInstance next = cycle.startPlan(nextYear, unit.getId());
    Task followUp = scenario.task(next, "Task_FollowUpLastYear");
    assertThat(tasks.getVariable(followUp.getId(), "lastYearActions").toString()).contains("Lässtrategier i alla ämnen");
    cycle.writeResultsAndAnalysis(next);

    QualityPlan lastYear = plans.findByUnitIdAndSchoolYearLabel(unit.getId(), year.getLabel()).orElseThrow();
    assertThat(followUps.findByActionPlanIdOrderById(lastYear.getId()))
        .filteredOn(f -> f.getKind() == ActionFollowUp.Kind.YEAR_END)
        .singleElement().satisfies(f -> assertThat(f.getEffect()).isEqualTo("Fler elever läser med flyt."));
  }

  @Test
  void aReturnedPlanGoesBackToTheDevelopmentPartWithTheFeedback() throws Exception {
    ProcessInstance plan = cycle.startPlan(year, unit.getId());
    cycle.writeResultsAndAnalysis(plan);
    cycle.writeDevelopmentPart(plan, List.of(cycle.action("Läsförståelse", "Läsa mer")));

    assertThatThrownBy(() -> scenario.complete(scenario.task(plan, "Task_GiveFeedback"), Map.of("feedbackDecision", "RETURN")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Återkoppling till rektor: fältet måste fyllas i.");
    scenario.complete(scenario.task(plan, "Task_GiveFeedback"),
        Map.of("feedbackDecision", "RETURN", "feedbackComment", "Koppla åtgärden tydligare till analysen."));

    assertThat(plan).isWaitingAt("Task_WriteDevelopmentPart");
    Task again = scenario.task(plan, "Task_WriteDevelopmentPart");
    assertThat(scenario.shown(again.getId(), "feedbackComment")).isEqualTo("Koppla åtgärden tydligare till analysen.");
    assertThat(tasks.getVariable(again.getId(), "actions").toString()).contains("Läsa mer");
    cycle.writeDevelopmentPart(plan, List.of(cycle.action("Läsförståelse", "Lässtrategier kopplade till analysen")));
    cycle.approve(plan);
    assertThat(plan).isWaitingAt("Timer_MidYearDue");
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
    scenario.complete(scenario.task(plan, "Task_WriteDevelopmentPart"), Map.of(
        "actions", se.kvalitetsarbete.common.JsonVariables.json(List.of(cycle.action("Läsförståelse", "Lässtrategier"))),
        "askQualityTeam", true, "qualityTeamNeed", "Samundervisning i läsförståelse i åk 2."));

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
    Map<String, Object> halfWritten = new java.util.HashMap<>(cycle.action("Läsförståelse", "Något"));
    halfWritten.remove("why");
    halfWritten.put("years", 5);
    assertThatThrownBy(() -> cycle.writeDevelopmentPart(plan, List.of(halfWritten)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Rad 1: Varför?: fältet måste fyllas i.")
        .hasMessageContaining("Antal år (1–3): ange ett värde mellan 1 och 3.");
    assertThat(plan).isWaitingAt("Task_WriteDevelopmentPart");
  }
}
