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
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
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

  List<Unit> municipality;

  @BeforeEach
  void twoUnits() {
    AbstractAssertions.init(engine);
    municipality = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_F3, SchoolForm.GRUNDSKOLA_7_9);
  }

  @Test
  void aSchoolYearGoesFromPreparationThroughEveryUnitsPlanToAnApprovedReportToTheBoard() throws Exception {
    String label = SchoolYear.label(cycle.freshFirstYear());
    ProcessInstance year = runtime.startProcessInstanceByKey("SkaYearlyCycle", Variables.putValue("schoolYear", label));
    assertThat(year).isWaitingAt("Task_PrepareSchoolYear").task().hasCandidateGroup("forvaltning");

    scenario.complete(scenario.task(year, "Task_PrepareSchoolYear"), Map.of(
        "planDeadline", LocalDate.now().plusWeeks(8).toString(),
        "sharedAreasGrundskola", "Läsförståelse\n",
        "indicatorCsv", "kpi;kod;år;kön;värde;status\nI01;" + municipality.get(0).getCode() + ";2025;T;81,5;\n"));
    assertThat(indicatorValues.findForArea(municipality.get(0).getCode(), 2025, 2025)).hasSize(1);
    List<ProcessInstance> plans = runtime.createProcessInstanceQuery().superProcessInstanceId(year.getId()).list();
    assertThat(plans).hasSize(2);

    // At the deadline one unit is still writing: the administration is asked to remind it.
    cycle.completePlan(plans.get(0), "Lässtrategier");
    scenario.fire(year, "Timer_PlansDue");
    String late = scenario.shown(scenario.task(year, "Task_ReviewLatePlans").getId(), "latePlansText");
    assertThat(late).containsOnlyOnce("inte inlämnad");
    scenario.complete(scenario.task(year, "Task_ReviewLatePlans"), Map.of());
    cycle.completePlan(plans.get(1), "Studiero i åk 8");

    assertThat(year).isWaitingAt("Task_WriteOrganiserSummary");
    assertThat(scenario.shown(scenario.task(year, "Task_WriteOrganiserSummary").getId(), "yearOverview"))
        .contains("Planer: 2", "godkänd", "Pedagogisk ledning: 3,0");
    summarise(year);
    String report = scenario.shown(scenario.task(year, "Task_ApproveBoardReport").getId(), "boardReport");
    assertThat(report).contains("Kvalitetsrapport till barn- och utbildningsnämnden, läsåret " + label, "Trygghet i hela kommunen");

    scenario.complete(scenario.task(year, "Task_ApproveBoardReport"), Map.of("reportDecision", "REVISE", "reportComment", "Lägg till likvärdigheten."));
    assertThat(year).isWaitingAt("Task_WriteOrganiserSummary");
    assertThat(scenario.shown(scenario.task(year, "Task_WriteOrganiserSummary").getId(), "reportComment")).isEqualTo("Lägg till likvärdigheten.");
    summarise(year);
    scenario.complete(scenario.task(year, "Task_ApproveBoardReport"), Map.of("reportDecision", "APPROVE"));

    assertThat(year).isEnded().hasPassed("EndEvent_SchoolYearReported");
    assertThat(years.findByLabel(label).orElseThrow().getReportApprovedAt()).isNotNull();
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

  @Test
  void aUnitWhosePlanCannotStartBecomesAnIncidentAndTheOtherUnitsPlansStart() {
    Unit removed = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_F3, SchoolForm.FORSKOLA).get(1);
    ProcessInstance year = runtime.startProcessInstanceByKey("SkaYearlyCycle",
        Variables.putValue("schoolYear", SchoolYear.label(cycle.freshFirstYear())));
    tasks.complete(scenario.task(year, "Task_PrepareSchoolYear").getId(), Map.of("planDeadline", LocalDate.now().plusWeeks(8).toString()));
    // The unit is taken out of the register while its plan is on its way.
    units.delete(removed);

    // The job executor's work, each failure tried again at once instead of after the back-off.
    for (int pass = 0; pass < 10; pass++) {
      for (var job : management.createJobQuery().processInstanceId(year.getId()).messages().withRetriesLeft().list()) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException failed) {
          // tried again in the next pass
        }
      }
    }

    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(year.getId()).list())
        .as("the other unit's plan started").hasSize(1);
    var incident = runtime.createIncidentQuery().processInstanceId(year.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("CallActivity_UnitPlans");
    assertThat(incident.getIncidentMessage()).startsWith("Steget \"Enheternas planer\" misslyckades även vid de nya försöken");
  }

  private void summarise(ProcessInstance year) {
    scenario.complete(scenario.task(year, "Task_WriteOrganiserSummary"), Map.of(
        "organiserAnalysis", "Läsförståelsen har stärkts där åtgärderna följts upp.",
        "nextYearAreas", "Trygghet i hela kommunen"));
  }
}
