package se.kvalitetsarbete.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.TestClock;
import se.kvalitetsarbete.allocation.AllocationDecision;
import se.kvalitetsarbete.allocation.NeedsDescription;
import se.kvalitetsarbete.allocation.NeedsDescriptionRepository;
import se.kvalitetsarbete.allocation.NeedsDescriptions;
import se.kvalitetsarbete.common.Dates;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;

/**
 * The calendar in the processes: every user task has a due date, from its model or else a number
 * of school days on; a need raised while a round is open joins that round.
 */
@ActiveProfiles("test")
@DirtiesContext
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:calendar-process-tests;DB_CLOSE_DELAY=-1")
class SchoolCalendarInProcessesTest {

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired Scenario scenario;
  @Autowired TestClock clock;
  @Autowired CalendarImport calendarImport;
  @Autowired SchoolCalendar calendar;
  @Autowired TaskDueDates dueDates;
  @Autowired NeedsDescriptions needsDescriptions;
  @Autowired NeedsDescriptionRepository descriptions;
  @Autowired UnitRepository units;

  @AfterEach
  void clockRunsAgain() {
    clock.release();
  }

  @Test
  void everyUserTaskOfEveryProcessGetsADueDate() {
    List<String> checked = new ArrayList<>();
    int inModels = 0;
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      inModels += repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class).size();
      ScopeImpl deployed = (ScopeImpl) ((RepositoryServiceImpl) repository).getDeployedProcessDefinition(definition.getId());
      collectUserTasks(deployed, definition.getKey(), checked);
    }
    assertThat(checked).as("user tasks found in the deployed models").hasSize(inModels).isNotEmpty()
        .contains("Assignment/Task_HoldKickOff", "NeedsDescription/Task_ReviewNeedsDescription", "TermAllocation/Task_DecideAllocation");
  }

  private void collectUserTasks(ScopeImpl scope, String processKey, List<String> checked) {
    for (ActivityImpl activity : scope.getActivities()) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        assertThat(userTask.getTaskDefinition().getBuiltinTaskListenersForEvent(TaskListener.EVENTNAME_CREATE))
            .as("%s in %s gets a due date", activity.getId(), processKey)
            .anyMatch(listener -> listener instanceof TaskDueDates.DefaultDueDate);
        checked.add(processKey + "/" + activity.getId());
      }
      collectUserTasks(activity, processKey, checked);
    }
  }

  @Test
  void aTaskWithoutADueDateInItsModelIsDueSomeSchoolDaysLaterNeverInALov() {
    TestCalendar school = new TestCalendar(2090);
    calendarImport.importCsv(school.csv());
    LocalDate fridayBeforeSportlov = school.sportlovStarts().minusDays(3);
    clock.fixAt(fridayBeforeSportlov.atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant());
    Unit unit = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_F3).get(0);
    AllocationDecision decision = scenario.grantedDecision(unit, List.of("team1"));

    ProcessInstance assignment = runtime.startProcessInstanceByKey("Assignment", Variables.putValue("decisionId", decision.getId()));

    assertThat(dueDates.schoolDaysFor("Assignment")).as("application.yaml").isEqualTo(5);
    Date due = scenario.task(assignment, "Task_HoldKickOff").getDueDate();
    assertThat(due).as("five school days after the Friday, sportlov skipped: the Friday after it")
        .isEqualTo(Dates.toDate(Dates.deadlineOn(school.sportlovStarts().plusWeeks(1).plusDays(4))));
  }

  @Test
  void aDueDateTheModelGivesIsKeptAndTheNextTaskGetsTheCalendars() {
    Unit unit = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_F3).get(0);
    ProcessInstance round = scenario.startRound(scenario.freshYear());
    ProcessInstance needs = scenario.needsDescriptionOf(round, unit);

    Task writing = scenario.task(needs, "Task_WriteNeedsDescription");
    assertThat(writing.getDueDate()).as("the model's camunda:dueDate, the round's deadline")
        .isEqualTo(runtime.getVariable(needs.getId(), "roundDeadline"));

    scenario.submitNeeds(needs);
    Date reviewDue = scenario.task(needs, "Task_ReviewNeedsDescription").getDueDate();
    LocalDate day = Dates.toLocal(reviewDue).toLocalDate();
    assertThat(day).isEqualTo(calendar.schoolDaysAfter(LocalDate.now(clock), dueDates.schoolDaysFor("NeedsDescription")));
    assertThat(calendar.isSchoolDay(day)).isTrue();
    assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
  }

  @Test
  void aNeedFromAQualityPlanJoinsTheDescriptionBeingWrittenInTheOpenRound() {
    Unit unit = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_F3).get(0);
    ProcessInstance round = scenario.startRound(scenario.freshYear());
    ProcessInstance needs = scenario.needsDescriptionOf(round, unit);

    needsDescriptions.openDraft(unit, NeedsDescription.Origin.QUALITY_PLAN, "Behov från planen: samundervisning i åk 2.", "Analys: resultaten sjunker.");

    NeedsDescription description = descriptions.findById((Long) runtime.getVariable(needs.getId(), "needsDescriptionId")).orElseThrow();
    assertThat(description.getRound().getId()).isEqualTo(scenario.roundId(round));
    assertThat(description.getNeeds()).contains("samundervisning i åk 2");
    assertThat(descriptions.findFirstByUnitIdAndRoundIsNullAndStatus(unit.getId(), NeedsDescription.Status.DRAFT))
        .as("nothing waits for a later round").isEmpty();
    Task writing = scenario.task(needs, "Task_WriteNeedsDescription");
    assertThat((String) se.kvalitetsarbete.Scenario.formValue(writing.getId(), "needs")).as("the rektor's open form shows it")
        .contains("samundervisning i åk 2");
  }

  @Test
  void aNeedOfAUnitWithoutADescriptionInTheOpenRoundStartsOneThere() {
    scenario.municipalityWith(SchoolForm.GRUNDSKOLA_F3);
    ProcessInstance round = scenario.startRound(scenario.freshYear());
    Unit later = units.save(new Unit("99887766", "Enhet som tillkom", SchoolForm.GRUNDSKOLA_4_6, "rektor99887766"));

    needsDescriptions.openDraft(later, NeedsDescription.Origin.QUALITY_PLAN, "Behov från planen: digitala verktyg i åk 5.", null);

    ProcessInstance needs = scenario.needsDescriptionOf(round, later);
    assertThat(needs).as("a needs description of the open round").isNotNull();
    NeedsDescription description = descriptions.findById((Long) runtime.getVariable(needs.getId(), "needsDescriptionId")).orElseThrow();
    assertThat(description.getOrigin()).isEqualTo(NeedsDescription.Origin.QUALITY_PLAN);
    assertThat(description.getRound().getId()).isEqualTo(scenario.roundId(round));
    assertThat((String) se.kvalitetsarbete.Scenario.formValue(scenario.task(needs, "Task_WriteNeedsDescription").getId(), "needs"))
        .contains("digitala verktyg i åk 5");
  }
}
