package se.kvalitetsarbete.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.common.InvalidInputException;
import se.kvalitetsarbete.indicators.IndicatorValueRepository;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;

/** The organiser's school year: prepared, every unit's plan, the summary and the board's report. */
@DirtiesContext
@Import(ProcessEngineCoverageConfiguration.class)
@SpringBootTest
@ActiveProfiles("test")
class SkaYearlyCycleProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Scenario scenario;
  @Autowired QualityCycleScenario cycle;
  @Autowired SchoolYearRepository years;
  @Autowired IndicatorValueRepository indicatorValues;
  @Autowired UnitRepository units;
  @Autowired JdbcTemplate database;
  @Autowired OrganiserPlans organiserPlans;
  @Autowired NormalCriterionRepository criteria;
  @Autowired SchoolYears schoolYears;
  @Autowired QualityPlanRepository qualityPlanRecords;
  @Autowired se.kvalitetsarbete.indicators.IndicatorImport indicatorImport;

  List<Unit> municipality;

  @BeforeEach
  void twoUnits() {
    AbstractAssertions.init(engine);
    municipality = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_F3, SchoolForm.GRUNDSKOLA_7_9);
  }

  @Test
  void atTheDeadlineTheLatePlansAreListedAndTheOrganisersPlanStartsWithoutThem() throws Exception {
    String label = SchoolYear.label(cycle.freshFirstYear());
    ProcessInstance year = runtime.startProcessInstanceByKey("SkaYearlyCycle", Variables.putValue("schoolYear", label));
    assertThat(year).isWaitingAt("Task_PrepareSchoolYear").task().hasCandidateGroup("forvaltning");

    scenario.complete(scenario.task(year, "Task_PrepareSchoolYear"), Map.of(
        "planDeadline", LocalDate.now().plusWeeks(8).toString(),
        "sharedAreasGrundskola", "Läsförståelse\n",
        "indicatorCsv", "kpi;kod;år;kön;värde;status\nI01;" + municipality.get(0).getCode() + ";2025;T;81,5;\n"));
    assertThat(indicatorValues.findForArea(municipality.get(0).getCode(), 2025, 2025)).hasSize(1);
    List<ProcessInstance> plans = cycle.plansOf(year);
    assertThat(plans).as("the year started one plan per unit, each an instance of its own").hasSize(2);
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(year.getId()).count()).isZero();
    assertThat(year).isWaitingAt("Message_UnitPlansEnded", "Gateway_WaitForPlans");

    // At the deadline one unit is still writing: the administration is asked to remind it.
    cycle.completePlan(plans.get(0), "Lässtrategier");
    scenario.fire(year, "Timer_PlansDue");
    String late = scenario.shown(scenario.task(year, "Task_ReviewLatePlans").getId(), "latePlansText");
    assertThat(late).containsOnlyOnce("inte inlämnad");
    scenario.complete(scenario.task(year, "Task_ReviewLatePlans"), Map.of());
    assertThat(year).isWaitingAt("Task_WriteOrganiserSummary");
    cycle.completePlan(plans.get(1), "Studiero i åk 8");
    assertThat(year).as("the late plan's approval comes when no one waits for it").isWaitingAt("Task_WriteOrganiserSummary");

    // the overview is read when the form is opened: the late plan, approved meanwhile, is in it
    assertThat(scenario.shown(scenario.task(year, "Task_WriteOrganiserSummary").getId(), "yearOverview"))
        .doesNotContain("inte inlämnad")
        .contains("Planer: 2", "godkänd", "Pedagogisk ledning: nivå 1: 0, nivå 2: 0, nivå 3: "
            + (pedagogiskLedningCriteria(plans.get(0)) + pedagogiskLedningCriteria(plans.get(1))) + ", nivå 4: 0");
    summarise(year);
    String report = scenario.shown(scenario.task(year, "Task_ApproveBoardReport").getId(), "boardReport");
    assertThat(report).contains("Kvalitetsrapport till barn- och utbildningsnämnden, läsåret " + label, "Trygghet i hela kommunen",
        "HUVUDMANNENS PLAN", "RESULTATDEL", "ANALYSDEL", "UTVECKLINGSDEL", "Goda exempel att sprida:\nInga åtgärder markerade som goda exempel ännu.");

    scenario.complete(scenario.task(year, "Task_ApproveBoardReport"), Map.of("reportDecision", "REVISE", "reportComment", "Lägg till likvärdigheten."));
    assertThat(year).isWaitingAt("Task_WriteOrganiserSummary");
    assertThat(scenario.shown(scenario.task(year, "Task_WriteOrganiserSummary").getId(), "reportComment")).isEqualTo("Lägg till likvärdigheten.");
    summarise(year);
    scenario.complete(scenario.task(year, "Task_ApproveBoardReport"), Map.of("reportDecision", "APPROVE"));
    assertThat(years.findByLabel(label).orElseThrow().getReportApprovedAt()).isNotNull();

    for (ProcessInstance plan : plans) {
      cycle.readOrganiserFeedback(plan, "Tack.");
    }
    assertThat(year).isEnded().hasPassed("EndEvent_SchoolYearReported");
  }

  @Test
  void theOrganisersPlanStartsWhenEveryPlanIsApprovedAndAForgottenFollowUpDoesNotHoldUpTheBoard() throws Exception {
    String label = SchoolYear.label(cycle.freshFirstYear());
    ProcessInstance year = runtime.startProcessInstanceByKey("SkaYearlyCycle", Variables.putValue("schoolYear", label));
    scenario.complete(scenario.task(year, "Task_PrepareSchoolYear"), Map.of(
        "planDeadline", LocalDate.now().plusWeeks(8).toString(), "sharedAreasGrundskola", "Läsförståelse\n"));
    List<ProcessInstance> plans = cycle.plansOf(year);

    approve(plans.get(0));
    assertThat(year).as("one plan of two: still waiting").isWaitingAt("Gateway_WaitForPlans");
    approve(plans.get(1));

    assertThat(year).isWaitingAt("Task_WriteOrganiserSummary").hasNotPassed("Task_ReviewLatePlans");
    assertThat(management.createJobQuery().processInstanceId(year.getId()).timers().list())
        .as("no reminder is raised when nothing is late").isEmpty();
    // Neither rektor has followed up in November: the board's report goes ahead all the same.
    summarise(year);
    scenario.complete(scenario.task(year, "Task_ApproveBoardReport"), Map.of("reportDecision", "APPROVE"));
    assertThat(years.findByLabel(label).orElseThrow().getReportApprovedAt()).isNotNull();

    for (ProcessInstance plan : plans) {
      assertThat(plan).as("the organiser's feedback reaches every unit").isWaitingAt("Timer_MidYearDue", "Task_ReadOrganiserFeedback");
      Task feedback = scenario.task(plan, "Task_ReadOrganiserFeedback");
      assertThat(scenario.shown(feedback.getId(), "organiserFeedback")).isEqualTo("Bra arbete med läsförståelsen.");
      cycle.readOrganiserFeedback(plan, "Tack, vi fortsätter.");
    }
    assertThat(year).as("the year waits for the units' follow-ups, not the board").isWaitingAt("Message_UnitPlansEnded");
    List<String> planEnd = holdBack("SkaUnitPlan", "Task_ReportPlanEnded");
    try {
      for (ProcessInstance plan : plans) {
        cycle.followUpMidYear(plan);
        assertThat(plan).isWaitingAt("Task_ReportPlanEnded");
      }
      assertThat(year).isWaitingAt("Message_UnitPlansEnded");
      // Both plans end at the same instant, each in a job of its own: one of them is the last, and says so.
      activate(planEnd);
      endTogether(plans);
    } finally {
      activate(planEnd);
    }
    for (ProcessInstance plan : plans) {
      assertThat(plan).isEnded();
    }
    assertThat(year).isEnded().hasPassed("Message_UnitPlansEnded", "EndEvent_SchoolYearReported");
  }

  @Test
  void theOrganisersPlanFollowsTheMunicipalityOverFourYearsWithoutRankingAndCarriesItsAreasIntoNextYear() throws Exception {
    int first = cycle.freshFirstYear();
    StringBuilder csv = new StringBuilder("kpi;kod;år;kön;värde;status\n");
    for (int y = first - 3; y <= first; y++) {
      csv.append("I01;4711;").append(y).append(";T;").append(70 + y - first).append(";\n");
      csv.append("I01;4711;").append(y).append(";K;").append(72 + y - first).append(";\n");
      csv.append("I01;4711;").append(y).append(";M;").append(y == first ? "..;<10" : (68 + y - first) + ";").append("\n");
    }
    indicatorImport.importCsv(csv.toString());
    SchoolYear last = cycle.preparedYear(first);
    approve(cycle.startPlan(last, municipality.get(0).getId()));
    approve(cycle.startPlan(last, municipality.get(1).getId()));

    String trends = organiserPlans.indicatorTrends(last.getId());
    assertThat(trends).as("four years, by gender, the suppressed value shown as such")
        .contains((first - 3) + ": 67 (flickor 69, pojkar 65)", first + ": 70 (flickor 72, pojkar .. (för få elever))");
    assertThat(organiserPlans.selfAssessmentCounts(last.getId())).as("counted per score, no unit named")
        .contains("Pedagogisk ledning: nivå 1: 0, nivå 2: 0, nivå 3: " + (pedagogiskLedningCriteria(municipality.get(0)) + pedagogiskLedningCriteria(municipality.get(1))) + ", nivå 4: 0")
        .doesNotContain(municipality.get(0).getName());

    schoolYears.summarise(last.getId(), "Läsningen lyfter där åtgärderna följs upp.", "Trygghet i hela kommunen\nLäsförståelse", "Tack.");
    ProcessInstance next = runtime.startProcessInstanceByKey("SkaYearlyCycle", Variables.putValue("schoolYear", SchoolYear.label(first + 1)));
    Task prepare = scenario.task(next, "Task_PrepareSchoolYear");
    assertThat(scenario.shown(prepare.getId(), "lastYearOrganiserPlan")).contains("Trygghet i hela kommunen", "Läsningen lyfter");
    assertThat(se.kvalitetsarbete.Scenario.formValue(prepare.getId(), "sharedAreasGrundskola")).as("next year starts from last year's areas")
        .isEqualTo("Trygghet i hela kommunen\nLäsförståelse");
  }

  /** How many normallägen of Pedagogisk ledning a grundskola's management scores (3 each in the scenario). */
  private long pedagogiskLedningCriteria(Unit unit) {
    return criteria.findAllByOrderBySortOrderAscIdAsc().stream()
        .filter(c -> c.isActive() && c.getArea() == SelfAssessment.Area.pedagogiskLedning && c.appliesTo(unit.getSchoolForm()))
        .count();
  }

  private long pedagogiskLedningCriteria(ProcessInstance plan) {
    return pedagogiskLedningCriteria(units.findById((Long) runtime.getVariable(plan.getId(), "unitId")).orElseThrow());
  }

  private void approve(ProcessInstance plan) throws Exception {
    cycle.writeResultsAndAnalysis(plan);
    cycle.writeDevelopmentPart(plan, List.of(cycle.action("Läsförståelse", "Lässtrategier")));
    cycle.approve(plan);
  }

  @Test
  void theScheduleStartsTheSchoolYearThatIsRunningAndOnlyOnce() {
    units.findAll().forEach(u -> {
      u.setActive(false);
      units.save(u);
    });
    var timer = management.createJobQuery().processDefinitionKey("SkaSchedule").activityId("StartEvent_SchoolYearBegins").singleResult();
    management.executeJob(timer.getId());
    scenario.runAsyncJobs();

    ProcessInstance schedule = runtime.createProcessInstanceQuery().processDefinitionKey("SkaSchedule").singleResult();
    ProcessInstance year = runtime.createProcessInstanceQuery().superProcessInstanceId(schedule.getId()).singleResult();
    assertThat(runtime.getVariable(year.getId(), "schoolYearLabel")).isEqualTo(SchoolYear.label(SchoolYear.firstYearOf(LocalDate.now())));

    // No units this year: straight on to the summary and the report.
    scenario.complete(scenario.task(year, "Task_PrepareSchoolYear"), Map.of("planDeadline", LocalDate.now().plusWeeks(8).toString()));
    summarise(year);
    scenario.complete(scenario.task(year, "Task_ApproveBoardReport"), Map.of("reportDecision", "APPROVE"));
    assertThat(schedule).isEnded().hasPassed("EndEvent_SchoolYearDone");

    // Next time the schedule fires in the same school year (or after a start by hand), it does nothing.
    long cycles = runtime.createProcessInstanceQuery().processDefinitionKey("SkaYearlyCycle").count();
    management.executeJob(management.createJobQuery().processDefinitionKey("SkaSchedule").activityId("StartEvent_SchoolYearBegins").singleResult().getId());
    var again = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("SkaSchedule")
        .orderByProcessInstanceStartTime().desc().list().get(0);
    assertThat(again.getEndActivityId()).isEqualTo("EndEvent_SchoolYearAlreadyOpen");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("SkaYearlyCycle").count()).isEqualTo(cycles);
  }

  @Test
  void aSchoolYearCanOnlyBeStartedOnceAndPreparedWithADeadlineAhead() {
    String label = SchoolYear.label(cycle.freshFirstYear());
    ProcessInstance year = runtime.startProcessInstanceByKey("SkaYearlyCycle", Variables.putValue("schoolYear", label));

    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("SkaYearlyCycle", Variables.putValue("schoolYear", label)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("redan startat");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("SkaYearlyCycle", Variables.putValue("schoolYear", "2026-27")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("2026/27");
    assertThatThrownBy(() -> scenario.complete(scenario.task(year, "Task_PrepareSchoolYear"),
        Map.of("planDeadline", LocalDate.now().minusDays(1).toString())))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("efter dagens datum");
    assertThatThrownBy(() -> scenario.complete(scenario.task(year, "Task_PrepareSchoolYear"), Map.of(
        "planDeadline", LocalDate.now().plusWeeks(8).toString(), "indicatorCsv", "kpi;kod;år;kön;värde;status\nI99;123;2025;T;5;\n")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Rad 2");
    assertThat(year).isWaitingAt("Task_PrepareSchoolYear");
  }

  /**
   * A batch starts its plans and runs each plan's first step in one transaction; when one unit
   * cannot start, the batch is tried again with each plan's first step as a job of its own.
   */
  @Test
  void aUnitWhosePlanCannotStartBecomesAnIncidentOfItsOwnPlanAndTheOtherUnitsPlansStart() {
    Unit unreadable = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_F3, SchoolForm.FORSKOLA).get(1);
    ProcessInstance year = runtime.startProcessInstanceByKey("SkaYearlyCycle",
        Variables.putValue("schoolYear", SchoolYear.label(cycle.freshFirstYear())));
    tasks.complete(scenario.task(year, "Task_PrepareSchoolYear").getId(), Map.of("planDeadline", LocalDate.now().plusWeeks(8).toString()));
    assertThat(year).as("the submit returns before any plan is started").isWaitingAt("Task_StartUnitPlans");
    assertThat(cycle.plansOf(year)).isEmpty();
    runJobs(year, "Task_StartUnitPlans");
    // The unit's row in the register holds a school form this version does not know (written by hand, or by a newer version).
    database.update("update unit set school_form = 'OKAND' where id = ?", unreadable.getId());
    try {
      // The job executor's work, each failure tried again at once instead of after the back-off.
      for (int pass = 0; pass < 10; pass++) {
        for (var job : management.createJobQuery().messages().withRetriesLeft().active().list()) {
          try {
            management.executeJob(job.getId());
          } catch (RuntimeException failed) {
            // tried again in the next pass
          }
        }
        if (pass == 0) {
          assertThat(cycle.plansOf(year)).as("the first try: every plan started has taken its first step in the batch's transaction")
              .allSatisfy(plan -> assertThat(plan).isWaitingAt("Task_FollowUpLastYear"))
              .noneMatch(plan -> unreadable.getId().equals(runtime.getVariable(plan.getId(), "unitId")));
        }
      }
    } finally {
      database.update("update unit set school_form = ? where id = ?", unreadable.getSchoolForm().name(), unreadable.getId());
    }

    ProcessInstance plan = cycle.plansOf(year).stream()
        .filter(p -> unreadable.getId().equals(runtime.getVariable(p.getId(), "unitId"))).findFirst().orElseThrow();
    assertThat(cycle.plansOf(year).stream().filter(p -> scenario.tasks(p, "Task_FollowUpLastYear").size() == 1))
        .as("every other unit's plan started").hasSize(cycle.plansOf(year).size() - 1);
    assertThat(runtime.createIncidentQuery().processInstanceId(year.getId()).count()).as("the year itself has no incident").isZero();
    var incident = runtime.createIncidentQuery().processInstanceId(plan.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("Task_StartUnitPlan");
    assertThat(incident.getIncidentMessage()).startsWith("Steget \"Lägg upp enhetens plan\" misslyckades även vid de nya försöken");
  }

  @Test
  void aBatchTriedAgainStartsOnlyThePlansStillMissingAndNoUnitGetsTwo() {
    ProcessInstance year = runtime.startProcessInstanceByKey("SkaYearlyCycle",
        Variables.putValue("schoolYear", SchoolYear.label(cycle.freshFirstYear())));
    tasks.complete(scenario.task(year, "Task_PrepareSchoolYear").getId(), Map.of("planDeadline", LocalDate.now().plusWeeks(8).toString()));
    // One unit's rektor has had a plan started by hand before the year's batches start theirs.
    SchoolYear schoolYear = years.findByLabel((String) runtime.getVariable(year.getId(), "schoolYearLabel")).orElseThrow();
    cycle.startPlan(schoolYear, municipality.get(0).getId());
    runJobs(year, "Task_StartUnitPlans");
    List<ProcessInstance> batches = cycle.batchesOf(year);
    long activeUnits = units.findByActiveTrueOrderByName().size();
    assertThat(batches).as("150 units per batch (the model's unitsPerBatch)").hasSize((int) ((activeUnits + 149) / 150));

    ProcessInstance batch = batches.get(0);
    runJobs(batch, "Task_StartBatchPlans");
    // The same batch's step once more, as after a failure that came after its plans were started.
    runtime.createProcessInstanceModification(batch.getId()).startBeforeActivity("Task_StartBatchPlans").execute();
    runJobs(batch, "Task_StartBatchPlans");
    scenario.runAsyncJobs();

    Map<Object, Long> plansPerUnit = cycle.plansOf(year).stream()
        .collect(java.util.stream.Collectors.groupingBy(p -> runtime.getVariable(p.getId(), "unitId"), java.util.stream.Collectors.counting()));
    assertThat(plansPerUnit).as("one plan per active unit, the one started by hand included").hasSize((int) activeUnits)
        .allSatisfy((unit, count) -> assertThat(count).isEqualTo(1L));
    assertThat(cycle.batchesOf(year)).as("every batch has told the year").isEmpty();
    assertThat(year).isWaitingAt("Message_UnitPlansEnded", "Gateway_WaitForPlans");
  }

  @Test
  void theYearWaitsForEveryBatchToHaveStartedItsPlansEvenWhenEveryPlanStartedSoFarHasEnded() throws Exception {
    String label = SchoolYear.label(cycle.freshFirstYear());
    ProcessInstance year = runtime.startProcessInstanceByKey("SkaYearlyCycle", Variables.putValue("schoolYear", label));
    List<String> batchReport = holdBack("SkaUnitPlanBatch", "Task_ReportBatchStarted");
    try {
      scenario.complete(scenario.task(year, "Task_PrepareSchoolYear"), Map.of(
          "planDeadline", LocalDate.now().plusWeeks(8).toString(), "sharedAreasGrundskola", "Läsförståelse\n"));
      List<ProcessInstance> plans = cycle.plansOf(year);
      assertThat(plans).hasSize(2);
      for (ProcessInstance plan : plans) {
        approve(plan);
      }
      summarise(year);
      scenario.complete(scenario.task(year, "Task_ApproveBoardReport"), Map.of("reportDecision", "APPROVE"));
      for (ProcessInstance plan : plans) {
        cycle.readOrganiserFeedback(plan, "Tack.");
        cycle.followUpMidYear(plan);
        assertThat(plan).isEnded().hasPassed("Task_ReportPlanEnded");
      }
      assertThat(year).as("a batch that has not told the year may still have plans to start").isWaitingAt("Message_UnitPlansEnded");

      activate(batchReport);
      scenario.runAsyncJobs();
      assertThat(year).isEnded().hasPassed("Message_UnitPlansEnded", "EndEvent_SchoolYearReported");
    } finally {
      activate(batchReport);
    }
  }

  @Test
  void aPlanTheYearStartedStillTouchesOnlyItsOwnUnitsRecordsThoughTheYearNoLongerCallsIt() throws Exception {
    ProcessInstance year = runtime.startProcessInstanceByKey("SkaYearlyCycle",
        Variables.putValue("schoolYear", SchoolYear.label(cycle.freshFirstYear())));
    scenario.complete(scenario.task(year, "Task_PrepareSchoolYear"), Map.of(
        "planDeadline", LocalDate.now().plusWeeks(8).toString(), "sharedAreasGrundskola", "Läsförståelse\n"));
    List<ProcessInstance> plans = cycle.plansOf(year);
    ProcessInstance mine = plans.get(0);
    Long myPlanId = (Long) runtime.getVariable(mine.getId(), "qualityPlanId");
    Long theirPlanId = (Long) runtime.getVariable(plans.get(1).getId(), "qualityPlanId");

    runtime.setVariable(mine.getId(), "qualityPlanId", theirPlanId);
    assertThatThrownBy(() -> cycle.followUpLastYear(mine)).as("the other unit's plan of the same year")
        .hasMessageContaining("qualityPlanId");

    // Nor another school year: the plan belongs to its year by its record, not by being called.
    runtime.setVariable(mine.getId(), "qualityPlanId", myPlanId);
    runtime.setVariable(mine.getId(), "schoolYearId", cycle.preparedYear(cycle.freshFirstYear()).getId());
    assertThatThrownBy(() -> cycle.followUpLastYear(mine)).hasMessageContaining("schoolYearId");
    assertThat(mine).isWaitingAt("Task_FollowUpLastYear");
    assertThat(qualityPlanRecords.findById(theirPlanId).orElseThrow().getFollowUpSummary()).as("the other unit's plan is untouched").isNull();
  }

  @Test
  void aUnitsPlanDeletedOnItsOwnCountsAsEndedSoTheYearDoesNotWaitForItForEver() {
    ProcessInstance year = runtime.startProcessInstanceByKey("SkaYearlyCycle",
        Variables.putValue("schoolYear", SchoolYear.label(cycle.freshFirstYear())));
    scenario.complete(scenario.task(year, "Task_PrepareSchoolYear"), Map.of(
        "planDeadline", LocalDate.now().plusWeeks(8).toString(), "sharedAreasGrundskola", "Läsförståelse\n"));
    List<ProcessInstance> plans = cycle.plansOf(year);
    assertThat(plans).hasSize(2);

    runtime.deleteProcessInstance(plans.get(0).getId(), "Enheten har lagts ned");
    assertThat(year).as("the other plan is still open").isWaitingAt("Message_UnitPlansEnded", "Gateway_WaitForPlans");
    runtime.deleteProcessInstance(plans.get(1).getId(), "Enheten har lagts ned");

    assertThat(year).as("the year's own path goes on; the units' part is over").hasPassed("Message_UnitPlansEnded")
        .isWaitingAt("Gateway_WaitForPlans");
  }

  @Test
  void aCancelledSchoolYearTakesItsBatchesAndItsUnitsOpenPlansWithIt() {
    ProcessInstance year = runtime.startProcessInstanceByKey("SkaYearlyCycle",
        Variables.putValue("schoolYear", SchoolYear.label(cycle.freshFirstYear())));
    tasks.complete(scenario.task(year, "Task_PrepareSchoolYear").getId(), Map.of("planDeadline", LocalDate.now().plusWeeks(8).toString()));
    runJobs(year, "Task_StartUnitPlans");
    List<ProcessInstance> batches = cycle.batchesOf(year);
    runJobs(batches.get(0), "Task_StartBatchPlans");
    List<ProcessInstance> plans = cycle.plansOf(year);
    assertThat(plans).isNotEmpty();

    runtime.deleteProcessInstance(year.getId(), "Fel läsår startat");

    for (ProcessInstance plan : plans) {
      assertThat(plan).as("the unit's plan goes with the year").isEnded();
    }
    for (ProcessInstance batch : batches) {
      assertThat(batch).as("and so does a batch that has not started its plans").isEnded();
    }
  }

  /** Executes the instance's due job at that activity, as the job executor would. */
  private void runJobs(ProcessInstance instance, String activityId) {
    for (var job : management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).executable().list()) {
      management.executeJob(job.getId());
    }
  }

  /** Suspends the activity's job definitions (their new jobs are created suspended): the test decides when they run. */
  private List<String> holdBack(String processKey, String activityId) {
    List<String> ids = management.createJobDefinitionQuery().processDefinitionKey(processKey).activityIdIn(activityId)
        .list().stream().map(d -> d.getId()).toList();
    ids.forEach(id -> management.suspendJobDefinitionById(id, true));
    return ids;
  }

  private void activate(List<String> jobDefinitionIds) {
    jobDefinitionIds.forEach(id -> management.activateJobDefinitionById(id, true));
  }

  /** Each plan's waiting job in a thread of its own, all let go at once. */
  private void endTogether(List<ProcessInstance> plans) throws Exception {
    var start = new java.util.concurrent.CyclicBarrier(plans.size());
    var pool = java.util.concurrent.Executors.newFixedThreadPool(plans.size());
    try {
      List<java.util.concurrent.Future<?>> ends = new java.util.ArrayList<>();
      for (ProcessInstance plan : plans) {
        String job = management.createJobQuery().processInstanceId(plan.getId()).activityId("Task_ReportPlanEnded").singleResult().getId();
        ends.add(pool.submit(() -> {
          start.await();
          management.executeJob(job);
          return null;
        }));
      }
      for (var end : ends) {
        end.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void summarise(ProcessInstance year) {
    scenario.complete(scenario.task(year, "Task_WriteOrganiserSummary"), Map.of(
        "organiserAnalysis", "Läsförståelsen har stärkts där åtgärderna följts upp.",
        "nextYearAreas", "Trygghet i hela kommunen",
        "organiserFeedback", "Bra arbete med läsförståelsen."));
  }
}
