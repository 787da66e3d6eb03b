package se.kvalitetsarbete.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.context.annotation.Import;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.test.context.ActiveProfiles;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.common.InvalidInputException;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Term;
import se.kvalitetsarbete.organisation.Unit;

/** The term allocation of the quality team, as the rektorer, coordinators and the meeting go through it. */
// One process engine per JVM is registered by name: each class closes its own.
@DirtiesContext
@Import(ProcessEngineCoverageConfiguration.class)
@SpringBootTest
@ActiveProfiles("test")
class TermAllocationProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Scenario scenario;
  @Autowired NeedsDescriptionRepository descriptions;
  @Autowired AllocationDecisionRepository decisions;
  @Autowired AllocationRoundRepository rounds;
  @Autowired se.kvalitetsarbete.TestClock clock;

  static final java.time.ZoneId SWEDEN = java.time.ZoneId.of("Europe/Stockholm");
  @Autowired se.kvalitetsarbete.organisation.UnitRepository unitRepository;
  @Autowired CoWriting coWriting;
  @Autowired SharedAreasOfTheYear sharedAreasOfTheYear;
  @Autowired se.kvalitetsarbete.security.StaffGroups staffGroups;

  List<Unit> units;
  ProcessInstance round;

  @BeforeEach
  void aRoundOpensForTwoUnits() {
    AbstractAssertions.init(engine);
    units = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_F3, SchoolForm.GRUNDSKOLA_7_9);
    round = scenario.startRound(scenario.freshYear());
  }

  /**
   * A form's values are given when it is read and when it is submitted, and never written as
   * variables (FormValues): the rektor's text goes to the needs description, not to the engine's
   * variables or their history.
   */
  @Test
  void aFormsFieldsAreReadAndSubmittedWithoutBecomingVariables() {
    ProcessInstance first = scenario.needsDescriptionOf(round, units.get(0));
    Task writing = scenario.task(first, "Task_WriteNeedsDescription");
    var form = engine.getFormService().getTaskFormVariables(writing.getId());
    assertThat(form).containsKeys("needs", "basis", "wishedMembers", "criteriaText", "roundDeadlineText");
    assertThat(scenario.shown(writing.getId(), "criteriaText")).contains("Kriterierna för prioritering");
    assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(first.getId()).variableNameIn("needs", "criteriaText").count())
        .as("nothing of the form is stored when the task is created").isZero();

    String needs = "Läsförståelse i årskurs 2, beskriven i formuläret " + System.nanoTime() + ".";
    scenario.complete(writing, scenario.with(scenario.needsDescription(), "needs", needs));

    assertThat(descriptions.findAll()).extracting(NeedsDescription::getNeeds).contains(needs);
    assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(first.getId()).variableNameIn("needs", "basis").count()).isZero();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(first.getId())
        .variableNameIn("needs", "basis", "criteriaText").count()).as("nor in history").isZero();
    assertThat(scenario.shown(scenario.task(first, "Task_ReviewNeedsDescription").getId(), "needsSummary"))
        .as("the coordinator's review reads the text from the description").contains(needs);
  }

  @Test
  void everyApprovedNeedGoesThroughTheMeetingToAnAssignmentAndEveryRektorIsTold() {
    assertThat(round).isWaitingAt("Timer_ApplicationDeadline");
    ProcessInstance first = scenario.needsDescriptionOf(round, units.get(0));
    ProcessInstance second = scenario.needsDescriptionOf(round, units.get(1));
    assertThat(first).isWaitingAt("Task_WriteNeedsDescription").task().isAssignedTo(units.get(0).getRektorUserId());

    scenario.applyAndApprove(first);
    scenario.complete(scenario.task(second, "Task_WriteNeedsDescription"),
        scenario.with(scenario.with(scenario.needsDescription(), "targetStage", "AR_7_9"), "restsOnAnalysis", false));
    scenario.review(second, "APPROVE", "Tydligt avgränsat.");
    assertThat(first).isEnded().hasPassed("Task_PrioritiseNeedsDescription");
    assertThat(first).isEnded().hasPassed("EndEvent_ReadyForMeeting");

    scenario.passDeadline(round);
    assertThat(round).isWaitingAt("Task_DecideAllocation");
    Task meeting = scenario.task(round, "Task_DecideAllocation");
    assertThat(meeting).hasCandidateGroup("coordinators");
    assertThat(scenario.shown(meeting.getId(), "capacityText")).contains("24,5 dagar per vecka");

    Long roundId = scenario.roundId(round);
    List<NeedsDescription> agenda = descriptions.findByRoundIdAndStatusOrderByPriorityPointsDescIdAsc(roundId, NeedsDescription.Status.APPROVED);
    assertThat(agenda).extracting(d -> d.getUnit().getId()).containsExactly(units.get(0).getId(), units.get(1).getId());
    assertThat(agenda.get(0).getPriorityPoints()).as("analysis, lågstadiet, not recently, teachers").isEqualTo(3 + 3 + 2 + 1);
    assertThat(agenda.get(0).getPriorityReason()).contains("Behovet vilar på en analys av resultat (+3)");

    scenario.decide(round, List.of(
        scenario.decision(agenda.get(0).getId(), "GRANTED", List.of("team1", "team2"), 2.5, null),
        scenario.decision(agenda.get(1).getId(), "PARTLY_GRANTED", List.of("team3"), 2.0, "Två dagar i veckan räcker för åk 7–9 i höst.")));

    assertThat(round).isWaitingAt("Task_AcknowledgeDecision", "CallActivity_Assignment");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("Assignment").superProcessInstanceId(round.getId()).count()).isEqualTo(2);
    List<Task> told = scenario.tasks(round, "Task_AcknowledgeDecision");
    assertThat(told).extracting(Task::getAssignee).containsExactlyInAnyOrder(units.get(0).getRektorUserId(), units.get(1).getRektorUserId());
    assertThat(scenario.shown(told.get(0).getId(), "decisionText")).contains("Rektorsmötets beslut", "poäng");
    assertThat(decisions.findByRound(roundId)).extracting(AllocationDecision::getOutcome)
        .containsExactly(AllocationDecision.Outcome.GRANTED, AllocationDecision.Outcome.PARTLY_GRANTED);
    assertThat(rounds.findById(roundId).orElseThrow().getStatus()).isEqualTo(AllocationRound.Status.DECIDED);
    assertThat(rounds.findById(roundId).orElseThrow().getMeetingDate()).as("the meeting's date, today unless changed").isEqualTo(java.time.LocalDate.now(clock));
    assertThat(rounds.findById(roundId).orElseThrow().meetingAttendeeIds()).containsExactly(Scenario.MEETING_REKTOR);
  }

  @Test
  void theMeetingReadsEachNeedInFullAndRecordsOnlyRektorerAsAttendees() {
    ProcessInstance needs = scenario.needsDescriptionOf(round, units.get(0));
    scenario.applyAndApprove(needs);
    scenario.passDeadline(round);
    Task meeting = scenario.task(round, "Task_DecideAllocation");
    String rows = se.kvalitetsarbete.Scenario.formValue(meeting.getId(), "decisions").toString();
    assertThat(rows).as("the need in full").contains("Läsförståelsen i åk 2", "nationella delproven", "Åk 2, arbetslag Lila",
        "Antal revideringar: 0");
    Long id = descriptionOf(needs).getId();

    scenario.staff("team1", se.kvalitetsarbete.security.Roles.QUALITY_TEAM);
    assertThatThrownBy(() -> scenario.complete(meeting, Map.of("decisions", se.kvalitetsarbete.common.JsonVariables.json(
            List.of(scenario.decision(id, "GRANTED", List.of("team1"), 2.0, null))),
        "meetingAttendees", se.kvalitetsarbete.common.JsonVariables.json(List.of("team1")), "meetingDate", "")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("team1 hör inte till rektorsgruppen")
        .hasMessageContaining("Mötesdatum");
    assertThat(round).isWaitingAt("Task_DecideAllocation");
    assertThat(decisions.findByRound(scenario.roundId(round))).isEmpty();
  }

  @Test
  void aDescriptionSentBackForRevisionReturnsToTheRektorWithTheComment() {
    ProcessInstance needs = scenario.needsDescriptionOf(round, units.get(0));
    scenario.submitNeeds(needs);
    scenario.review(needs, "REVISE", "Beskriv vilka resultat behovet bygger på.");

    assertThat(needs).isWaitingAt("Task_WriteNeedsDescription");
    Task revise = scenario.task(needs, "Task_WriteNeedsDescription");
    assertThat(scenario.shown(revise.getId(), "reviewComment")).isEqualTo("Beskriv vilka resultat behovet bygger på.");
    assertThat(se.kvalitetsarbete.Scenario.formValue(revise.getId(), "needs")).asString().startsWith("Läsförståelsen");

    scenario.submitNeeds(needs);
    assertThat(scenario.shown(scenario.task(needs, "Task_ReviewNeedsDescription").getId(), "needsSummary"))
        .contains("Antal revideringar: 1", "Samordnarens senaste kommentar:\nBeskriv vilka resultat behovet bygger på.");
    scenario.review(needs, "APPROVE", null);
    assertThat(needs).isEnded().hasPassed("EndEvent_ReadyForMeeting");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(needs.getId())
        .activityId("Task_WriteNeedsDescription").count()).isEqualTo(2);
    NeedsDescription stored = descriptions.findById((Long) historicVariable(needs, "needsDescriptionId")).orElseThrow();
    assertThat(stored.getRevisionCount()).isEqualTo(1);
    assertThat(stored.getStatus()).isEqualTo(NeedsDescription.Status.APPROVED);
  }

  @Test
  void theTeachersWhoWriteWithTheRektorReadTheSharedDraftAndTheRektorSeesTheirComments() {
    Unit unit = units.get(0);
    String teacher = teacherOf(unit, "a");
    String notNamed = teacherOf(unit, "b");
    ProcessInstance needs = scenario.needsDescriptionOf(round, unit);
    Task write = scenario.task(needs, "Task_WriteNeedsDescription");

    scenario.complete(write, Map.of("application", "SHARE_DRAFT", "needs", "Läsförståelsen i åk 2, första utkast.",
        "coWriters", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"" + teacher + "\"]").create()));

    assertThat(needs).hasNotPassed("Task_ReviewNeedsDescription").isWaitingAt("Task_WriteNeedsDescription");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(needs.getId())
        .activityId("Task_WriteNeedsDescription").count()).as("back to writing").isEqualTo(2);
    NeedsDescription draft = descriptionOf(needs);
    assertThat(draft.getStatus()).as("still with the rektor").isEqualTo(NeedsDescription.Status.DRAFT);
    assertThat(draft.getNeeds()).isEqualTo("Läsförståelsen i åk 2, första utkast.");
    assertThat(draft.coWriterIds()).containsExactly(teacher);
    assertThat(coWriting.draftsOf(teacher)).extracting(NeedsDescription::getId).containsExactly(draft.getId());
    assertThat(coWriting.draftsOf(notNamed)).as("staff not named").isEmpty();

    coWriting.comment(draft.getId(), teacher, "Skriv att det gäller arbetslag Lila.");
    Task again = scenario.task(needs, "Task_WriteNeedsDescription");
    assertThat(scenario.shown(again.getId(), "staffOptions")).as("the unit's staff to choose from").contains(teacher, notNamed);
    assertThat(se.kvalitetsarbete.Scenario.formValue(again.getId(), "coWriters").toString()).as("the co-writers stay named").contains(teacher);
    scenario.complete(again, Map.of("application", "SHARE_DRAFT"));
    Task third = scenario.task(needs, "Task_WriteNeedsDescription");
    assertThat(scenario.shown(third.getId(), "draftComments")).contains(teacher, "Skriv att det gäller arbetslag Lila.");

    scenario.complete(third, scenario.with(scenario.needsDescription(), "teachersInvolved", ""));
    assertThat(needs).isWaitingAt("Task_ReviewNeedsDescription");
    assertThat(descriptionOf(needs).teachersTookPart()).as("named co-writers count as teachers taking part").isTrue();
    assertThat(coWriting.draftsOf(teacher)).as("submitted: no longer a draft").isEmpty();
    assertThatThrownBy(() -> coWriting.comment(draft.getId(), teacher, "För sent?"))
        .isInstanceOf(org.springframework.web.server.ResponseStatusException.class);
  }

  @Test
  void onlyTheUnitsOwnStaffCanBeNamedCoWritersAndSharingNamesAtLeastOne() {
    String otherUnitsTeacher = teacherOf(units.get(1), "a");
    ProcessInstance needs = scenario.needsDescriptionOf(round, units.get(0));

    assertThatThrownBy(() -> scenario.complete(scenario.task(needs, "Task_WriteNeedsDescription"), Map.of("application", "SHARE_DRAFT",
        "coWriters", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"" + otherUnitsTeacher + "\"]").create())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(otherUnitsTeacher + " hör inte till personalen på " + units.get(0).getName());
    assertThatThrownBy(() -> scenario.complete(scenario.task(needs, "Task_WriteNeedsDescription"), Map.of("application", "SHARE_DRAFT")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Lärare som skriver med dig");
    assertThat(needs).isWaitingAt("Task_WriteNeedsDescription");
    assertThat(descriptionOf(needs).coWriterIds()).isEmpty();
  }

  @Test
  void theCoordinatorsWordOnTheAnalysisIsWeighedNotTheRektorsTick() {
    ProcessInstance needs = scenario.needsDescriptionOf(round, units.get(0));
    scenario.submitNeeds(needs);
    assertThat(descriptionOf(needs).getRestsOnAnalysis()).as("the rektor ticked it").isTrue();

    assertThatThrownBy(() -> scenario.complete(scenario.task(needs, "Task_ReviewNeedsDescription"),
        Map.of("reviewOutcome", "APPROVE", "reviewComment", "")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Vilar behovet på en analys av resultat?");
    scenario.complete(scenario.task(needs, "Task_ReviewNeedsDescription"),
        Map.of("reviewOutcome", "APPROVE", "reviewComment", "", "analysisConfirmed", "NOT_CONFIRMED"));

    NeedsDescription reviewed = descriptionOf(needs);
    assertThat(reviewed.getAnalysisConfirmed()).isFalse();
    assertThat(reviewed.getPriorityReason()).contains("Behovet saknar stöd i en resultatanalys (+0)")
        .doesNotContain("Behovet vilar på en analys av resultat");
    assertThat(reviewed.getPriorityPoints()).isEqualTo(3 + 2 + 1);
    assertThat(reviewed.getPriorityReason()).as("the kind of need is an input").contains("Behovet gäller en elevgrupp eller årskurs");
  }

  @Test
  void aNeedConcerningASharedImprovementAreaOfTheYearWeighsMoreAndOnlyTheYearsAreasCanBeChosen() {
    String area = "Språkutvecklande arbetssätt " + units.get(0).getCode();
    sharedAreaOfThisYear(area);
    assertThat(sharedAreasOfTheYear.titlesFor(units.get(0))).as("the form's options").contains(area);
    ProcessInstance needs = scenario.needsDescriptionOf(round, units.get(0));
    Task write = scenario.task(needs, "Task_WriteNeedsDescription");

    assertThatThrownBy(() -> scenario.complete(write, scenario.with(scenario.needsDescription(), "sharedArea", "Något annat")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Gemensamt förbättringsområde som behovet gäller");
    assertThatThrownBy(() -> scenario.complete(write, scenario.with(scenario.needsDescription(), "needKind", null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Slags behov");
    scenario.complete(write, scenario.with(scenario.with(scenario.needsDescription(), "sharedArea", area), "needKind", "ORGANISATIONAL"));
    scenario.review(needs, "APPROVE", null);

    NeedsDescription reviewed = descriptionOf(needs);
    assertThat(reviewed.getSharedArea()).isEqualTo(area);
    assertThat(reviewed.getNeedKind()).isEqualTo("ORGANISATIONAL");
    assertThat(reviewed.getPriorityPoints()).isEqualTo(3 + 3 + 2 + 1 + 2);
    assertThat(reviewed.getPriorityReason()).contains("gemensamma förbättringsområden detta läsår (+2)", "Behovet är organisatoriskt (+0)");
  }

  @Test
  void theFormShowsTheCriteriaOfTheDeployedTableAndAChangeByTheCoordinatorsShowsAtOnce() throws Exception {
    ProcessInstance needs = scenario.needsDescriptionOf(round, units.get(0));
    String shown = scenario.shown(scenario.task(needs, "Task_WriteNeedsDescription").getId(), "criteriaText");
    assertThat(shown).contains("**+3** Behovet vilar på en analys av resultat", "**+3** Målgruppen är lågstadiet",
        "**+1** Målgruppen är förskola eller fritidshem", "Samordnaren bekräftar");

    String original = new String(getClass().getResourceAsStream("/bpmn/prioritisation.dmn").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    try {
      deployTable(original.replace("<text>2</text>\n        </outputEntry>\n        <outputEntry id=\"Rule_SharedImprovementArea_Reason\">",
          "<text>4</text>\n        </outputEntry>\n        <outputEntry id=\"Rule_SharedImprovementArea_Reason\">"));
      scenario.complete(scenario.task(needs, "Task_WriteNeedsDescription"), Map.of("application", "SHARE_DRAFT",
          "coWriters", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"" + teacherOf(units.get(0), "c") + "\"]").create()));
      assertThat(scenario.shown(scenario.task(needs, "Task_WriteNeedsDescription").getId(), "criteriaText"))
          .contains("**+4** Behovet gäller ett av huvudmannens gemensamma förbättringsområden");
    } finally {
      deployTable(original);
    }
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void sendingBackWithoutACommentIsRefusedAndNothingChanges(CapturedOutput log) {
    ProcessInstance needs = scenario.needsDescriptionOf(round, units.get(0));
    scenario.submitNeeds(needs);

    assertThatThrownBy(() -> scenario.review(needs, "REVISE", ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Kommentar till rektor: fältet måste fyllas i.");
    assertThat(needs).isWaitingAt("Task_ReviewNeedsDescription");
    assertThat(descriptionOf(needs).getStatus()).isEqualTo(NeedsDescription.Status.SUBMITTED);
    assertThat(log.getOut()).as("a person's input mistake is not logged as an engine error").doesNotContain("ENGINE-16004");
  }

  @Test
  void anIncompleteNeedsDescriptionIsRefusedNamingEveryField() {
    ProcessInstance needs = scenario.needsDescriptionOf(round, units.get(0));
    Map<String, Object> form = scenario.with(scenario.with(scenario.needsDescription(), "needs", " "), "wishedMembers", 5);

    assertThatThrownBy(() -> scenario.complete(scenario.task(needs, "Task_WriteNeedsDescription"), form))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Utvecklingsbehov: fältet måste fyllas i.")
        .hasMessageContaining("Önskat antal teammedlemmar: ange ett värde mellan 1 och 3.");
    assertThat(needs).isWaitingAt("Task_WriteNeedsDescription");
    assertThat(descriptionOf(needs).getStatus()).isEqualTo(NeedsDescription.Status.DRAFT);
    assertThat(descriptionOf(needs).getNeeds()).isNull();
  }

  @Test
  void aRektorWhoDoesNotApplyThisTermEndsWithoutReview() {
    ProcessInstance needs = scenario.needsDescriptionOf(round, units.get(0));
    scenario.complete(scenario.task(needs, "Task_WriteNeedsDescription"), Map.of("application", "DECLINE"));

    assertThat(needs).isEnded().hasPassed("EndEvent_NotApplying").hasNotPassed("Task_ReviewNeedsDescription");
    assertThat(descriptionOf(needs).getStatus()).isEqualTo(NeedsDescription.Status.DECLINED);
  }

  @Test
  void aDraftNotSubmittedByTheDeadlineIsLateAndLeftOutOfTheMeeting() {
    ProcessInstance late = scenario.needsDescriptionOf(round, units.get(0));
    ProcessInstance onTime = scenario.needsDescriptionOf(round, units.get(1));
    scenario.applyAndApprove(onTime);

    scenario.passDeadline(round);

    assertThat(late).isEnded().hasPassed("Task_MarkNeedsDescriptionLate", "EndEvent_Late");
    assertThat(descriptionOf(late).getStatus()).isEqualTo(NeedsDescription.Status.LATE);
    assertThat(round).isWaitingAt("Task_DecideAllocation");
    String rows = se.kvalitetsarbete.Scenario.formValue(scenario.task(round, "Task_DecideAllocation").getId(), "decisions").toString();
    assertThat(rows).contains(units.get(1).getName()).doesNotContain(units.get(0).getName());
  }

  @Test
  void theMeetingWaitsForReviewsUnderWayAtTheDeadlineAndTheyCanOnlyBeApproved() {
    ProcessInstance needs = scenario.needsDescriptionOf(round, units.get(0));
    scenario.submitNeeds(needs);

    scenario.passDeadline(round);
    assertThat(round).isWaitingAt("Event_ReviewsDone");

    assertThatThrownBy(() -> scenario.review(needs, "REVISE", "Mer underlag behövs."))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("kan inte längre skickas tillbaka");
    scenario.review(needs, "APPROVE", null);

    assertThat(round).hasPassed("Event_ReviewsDone").isWaitingAt("Task_DecideAllocation");
  }

  @Test
  void aSubmissionAfterTheRoundHasClosedIsRefused() {
    ProcessInstance needs = scenario.needsDescriptionOf(round, units.get(0));
    scenario.fire(round, "Timer_ApplicationDeadline");

    assertThatThrownBy(() -> scenario.submitNeeds(needs))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("har passerat");
    assertThat(descriptionOf(needs).getStatus()).isEqualTo(NeedsDescription.Status.DRAFT);
  }

  @Test
  void grantingMoreTeamDaysThanTheTeamHasIsRefusedAndNothingIsDecided() {
    ProcessInstance first = scenario.needsDescriptionOf(round, units.get(0));
    scenario.applyAndApprove(first);
    scenario.passDeadline(round);
    Long id = descriptionOf(first).getId();

    assertThatThrownBy(() -> scenario.decide(round, List.of(scenario.decision(id, "GRANTED", List.of("team1", "team2", "team3"), 4.0, null))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("skulle få 4 dagar per vecka men har bara 3,5 lediga");
    assertThat(round).isWaitingAt("Task_DecideAllocation");
    assertThat(decisions.findByRound(scenario.roundId(round))).isEmpty();
  }

  @Test
  void departingFromThePriorityOrderRequiresAMotivation() {
    ProcessInstance higher = scenario.needsDescriptionOf(round, units.get(0));
    ProcessInstance lower = scenario.needsDescriptionOf(round, units.get(1));
    scenario.applyAndApprove(higher);
    scenario.complete(scenario.task(lower, "Task_WriteNeedsDescription"),
        scenario.with(scenario.with(scenario.needsDescription(), "restsOnAnalysis", false), "targetStage", "AR_7_9"));
    scenario.review(lower, "APPROVE", null);
    scenario.passDeadline(round);
    Long higherId = descriptionOf(higher).getId();
    Long lowerId = descriptionOf(lower).getId();

    assertThatThrownBy(() -> scenario.decide(round, List.of(
        scenario.decision(higherId, "NOT_GRANTED", List.of(), null, null),
        scenario.decision(lowerId, "GRANTED", List.of("team4"), 3.0, null))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(units.get(0).getName() + ": beslutet avviker från prioritetsordningen och måste motiveras.")
        .hasMessageContaining(units.get(1).getName() + ": beslutet avviker från prioritetsordningen och måste motiveras.");

    scenario.decide(round, List.of(
        scenario.decision(higherId, "NOT_GRANTED", List.of(), null, "Enheten har redan stöd från förvaltningen i år."),
        scenario.decision(lowerId, "GRANTED", List.of("team4"), 3.0, "Pågående satsning på åk 7–9 behöver teamets stöd nu.")));
    assertThat(decisions.findByRound(scenario.roundId(round))).allMatch(AllocationDecision::isDepartsFromOrder);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("Assignment").superProcessInstanceId(round.getId()).count()).isEqualTo(1);
  }

  @Test
  void aRefusalWhileTeamDaysAreFreeIsRefusedWithoutAMotivationAndNothingIsDecided() {
    ProcessInstance needs = scenario.needsDescriptionOf(round, units.get(0));
    scenario.applyAndApprove(needs);
    scenario.passDeadline(round);
    Long id = descriptionOf(needs).getId();

    for (String blank : java.util.Arrays.asList(null, "", "   ")) {
      assertThatThrownBy(() -> scenario.decide(round, List.of(scenario.decision(id, "NOT_GRANTED", List.of(), null, blank))))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(units.get(0).getName() + ": beslutet \u201dBeviljas inte\u201d måste motiveras.");
    }
    assertThat(round).isWaitingAt("Task_DecideAllocation");
    assertThat(decisions.findByRound(scenario.roundId(round))).isEmpty();
    assertThat(rounds.findById(scenario.roundId(round)).orElseThrow().getStatus()).isNotEqualTo(AllocationRound.Status.DECIDED);

    scenario.decide(round, List.of(scenario.decision(id, "NOT_GRANTED", List.of(), null, "Behovet gäller lokaler, inte undervisningen.")));
    assertThat(decisions.findByRound(scenario.roundId(round))).singleElement()
        .satisfies(d -> assertThat(d.getMotivation()).isEqualTo("Behovet gäller lokaler, inte undervisningen."))
        .satisfies(d -> assertThat(d.isDepartsFromOrder()).isFalse());
  }

  @Test
  void aPartialGrantWithoutAMotivationIsRefusedNamingTheUnitAndAFullGrantNeedsNone() {
    ProcessInstance first = scenario.needsDescriptionOf(round, units.get(0));
    ProcessInstance second = scenario.needsDescriptionOf(round, units.get(1));
    scenario.applyAndApprove(first);
    scenario.applyAndApprove(second);
    scenario.passDeadline(round);
    Long firstId = descriptionOf(first).getId();
    Long secondId = descriptionOf(second).getId();

    assertThatThrownBy(() -> scenario.decide(round, List.of(
        scenario.decision(firstId, "GRANTED", List.of("team1"), 3.0, null),
        scenario.decision(secondId, "PARTLY_GRANTED", List.of("team2"), 1.0, null))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(units.get(1).getName() + ": beslutet \u201dBeviljas delvis\u201d måste motiveras.")
        .message().doesNotContain(units.get(0).getName() + ":");
    assertThat(round).isWaitingAt("Task_DecideAllocation");
    assertThat(decisions.findByRound(scenario.roundId(round))).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("Assignment").superProcessInstanceId(round.getId()).count()).isZero();

    scenario.decide(round, List.of(
        scenario.decision(firstId, "GRANTED", List.of("team1"), 3.0, null),
        scenario.decision(secondId, "PARTLY_GRANTED", List.of("team2"), 1.0, "En dag i veckan under hösten; resten får vänta till våren.")));
    assertThat(decisions.findByRound(scenario.roundId(round))).extracting(AllocationDecision::getOutcome)
        .containsExactlyInAnyOrder(AllocationDecision.Outcome.GRANTED, AllocationDecision.Outcome.PARTLY_GRANTED);
  }

  @Test
  void aNeedNotGrantedStartsNoAssignmentButItsRektorIsTold() {
    ProcessInstance needs = scenario.needsDescriptionOf(round, units.get(0));
    scenario.applyAndApprove(needs);
    scenario.passDeadline(round);

    scenario.decide(round, List.of(scenario.decision(descriptionOf(needs).getId(), "NOT_GRANTED", List.of(), null, "Behovet gäller lokaler, inte undervisningen.")));

    assertThat(round).isWaitingAt("Task_AcknowledgeDecision");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("Assignment").superProcessInstanceId(round.getId()).count()).isZero();
    Task told = scenario.task(round, "Task_AcknowledgeDecision");
    assertThat(told.getAssignee()).isEqualTo(units.get(0).getRektorUserId());
    assertThat(scenario.shown(told.getId(), "decisionText")).contains("Beviljas inte").doesNotContain("Beviljat:");
    scenario.complete(told, Map.of());
    assertThat(round).isEnded().hasPassed("EndEvent_RoundCompleted");
  }

  @Test
  void aRektorCanWriteANeedsDescriptionOnOwnInitiativeWhileTheRoundIsOpen() {
    Unit unit = units.get(1);
    ProcessInstance own = runtime.startProcessInstanceByKey("NeedsDescription", Variables.putValue("initiator", unit.getRektorUserId()));

    assertThat(own).isWaitingAt("Task_WriteNeedsDescription").task().isAssignedTo(unit.getRektorUserId());
    NeedsDescription stored = descriptionOf(own);
    assertThat(stored.getOrigin()).isEqualTo(NeedsDescription.Origin.OWN_INITIATIVE);
    assertThat(stored.getRound().getId()).isEqualTo(scenario.roundId(round));
  }

  @Test
  void withoutAnOpenRoundAnOwnInitiativeIsRefused() {
    rounds.findAll().forEach(r -> {
      r.setStatus(AllocationRound.Status.CLOSED);
      rounds.save(r);
    });
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("NeedsDescription", Variables.putValue("initiator", units.get(0).getRektorUserId())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ingen öppen ansökningsomgång");
  }

  @Test
  void aSecondRoundForTheSameTermIsRefused() {
    int year = (Integer) runtime.getVariable(round.getId(), "termLabel").toString().chars().filter(Character::isDigit)
        .map(c -> c - '0').reduce(0, (a, b) -> a * 10 + b);
    assertThatThrownBy(() -> scenario.startRound(year))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Det finns redan en ansökningsomgång för HT " + year);
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void roundsOpenOnScheduleForTheNextTermAndOnlyOnce(CapturedOutput log) {
    var timer = management.createJobQuery().processDefinitionKey("RoundSchedule").activityId("StartEvent_RoundOpensOnSchedule").singleResult();
    assertThat(timer).isNotNull();
    management.executeJob(timer.getId());
    scenario.runAsyncJobs();
    assertThat(management.createJobQuery().processDefinitionKey("RoundSchedule").activityId("StartEvent_RoundOpensOnSchedule").singleResult())
        .as("the schedule waits for its next date").isNotNull();

    Term.Key next = Term.nextAfter(java.time.LocalDate.now());
    ProcessInstance scheduled = runtime.createProcessInstanceQuery().processDefinitionKey("TermAllocation")
        .variableValueEquals("termLabel", next.season() + " " + next.year()).singleResult();
    assertThat(scheduled).isWaitingAt("Timer_ApplicationDeadline");
    ProcessInstance schedule = runtime.createProcessInstanceQuery().processDefinitionKey("RoundSchedule").singleResult();

    // Nobody applies: the meeting has nothing to decide, and the scheduled round is done.
    for (Unit unit : units) {
      scenario.complete(scenario.task(scenario.needsDescriptionOf(scheduled, unit), "Task_WriteNeedsDescription"), Map.of("application", "DECLINE"));
    }
    scenario.passDeadline(scheduled);
    scenario.decide(scheduled, List.of());
    assertThat(scheduled).isEnded();
    assertThat(schedule).isEnded().hasPassed("EndEvent_RoundDone");

    // The schedule fires again for a term that already has a round (as when a coordinator started
    // it by hand first): nothing is started, no incident, and the log says why.
    management.executeJob(management.createJobQuery().processDefinitionKey("RoundSchedule").activityId("StartEvent_RoundOpensOnSchedule").singleResult().getId());
    var again = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("RoundSchedule")
        .orderByProcessInstanceStartTime().desc().list().get(0);
    assertThat(again.getEndActivityId()).isEqualTo("EndEvent_RoundAlreadyOpen");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("TermAllocation")
        .variableValueEquals("termLabel", next.season() + " " + next.year()).count()).isZero();
    assertThat(runtime.createIncidentQuery().processInstanceId(again.getId()).count()).isZero();
    assertThat(log.getAll()).contains("Scheduled round for " + next.season() + " " + next.year() + " not started");
  }

  @Test
  void aUnitWhoseInvitationFailsBecomesAnIncidentAndTheOtherUnitsAreInvited() {
    Unit removed = scenario.municipalityWith(SchoolForm.FORSKOLA).get(0);
    Unit kept = units.get(0);
    kept.setActive(true);
    unitRepository.save(kept);
    ProcessInstance second = runtime.startProcessInstanceByKey("TermAllocation", Variables.createVariables()
        .putValue("termSeason", "VT").putValue("termYear", scenario.freshYear())
        .putValue("applicationDeadline", java.time.LocalDate.now().plusWeeks(2).toString()));
    // The unit is taken out of the register while the invitations are on their way.
    unitRepository.delete(removed);

    // The job executor's work, each failure tried again at once instead of after the back-off.
    for (int attempt = 0; attempt < 10; attempt++) {
      for (var job : management.createJobQuery().processInstanceId(second.getId()).messages().withRetriesLeft().list()) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException failed) {
          // tried again in the next pass
        }
      }
    }

    assertThat(scenario.needsDescriptionOf(second, kept)).as("the other unit's invitation stands").isNotNull();
    assertThat(scenario.needsDescriptionOf(second, kept)).isWaitingAt("Task_WriteNeedsDescription");
    var incident = runtime.createIncidentQuery().processInstanceId(second.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("Task_InviteRektorer");
    assertThat(incident.getIncidentMessage()).startsWith("Steget \"Bjud in rektorerna\" misslyckades även vid de nya försöken").contains("Öka antalet försök");
    assertThat(second).isWaitingAt("Task_InviteRektorer");
  }

  @Test
  void cockpitShowsTheTermAndTheUnitAsEachInstancesBusinessKey() {
    int year = scenario.freshYear();
    ProcessInstance round = scenario.startRound(year);
    ProcessInstance needs = scenario.needsDescriptionOf(round, units.get(0));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(round.getId()).singleResult().getBusinessKey())
        .isEqualTo("HT " + year);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(needs.getId()).singleResult().getBusinessKey())
        .as("the invitation's key: round and unit code").endsWith("-" + units.get(0).getCode());
  }

  @Test
  void theScheduleRunsAtSixInTheMorningSwedishTime() {
    var timer = management.createJobQuery().processDefinitionKey("RoundSchedule").activityId("StartEvent_RoundOpensOnSchedule").singleResult();
    java.time.ZonedDateTime due = timer.getDuedate().toInstant().atZone(SWEDEN);
    assertThat(due.toLocalTime()).isEqualTo(java.time.LocalTime.of(6, 0));
    assertThat(due.getDayOfMonth()).isEqualTo(1);
    assertThat(due.getMonthValue()).isIn(3, 9);
  }

  @Test
  void theLastDayEndsAt2359SwedishTimeAlsoWhenTheClocksChange() {
    for (java.time.Month month : List.of(java.time.Month.MARCH, java.time.Month.OCTOBER)) {
      java.time.LocalDate lastDay = nextLastSundayOf(month);
      ProcessInstance dstRound = runtime.startProcessInstanceByKey("TermAllocation", Variables.createVariables()
          .putValue("termSeason", "HT").putValue("termYear", scenario.freshYear()).putValue("applicationDeadline", lastDay.toString()));
      scenario.runAsyncJobs();
      java.time.Instant end = lastDay.atTime(23, 59).atZone(SWEDEN).toInstant();
      assertThat(scenario.timer(dstRound, "Timer_ApplicationDeadline").getDuedate().toInstant()).as("the round closes").isEqualTo(end);
      ProcessInstance onTime = scenario.needsDescriptionOf(dstRound, units.get(0));
      ProcessInstance tooLate = scenario.needsDescriptionOf(dstRound, units.get(1));
      assertThat(scenario.timer(onTime, "Timer_ApplicationDeadline").getDuedate().toInstant()).as("a draft becomes late").isEqualTo(end);
      try {
        clock.fixAt(end.minusSeconds(60));
        scenario.submitNeeds(onTime);
        assertThat(onTime).as("23:58 on " + lastDay).isWaitingAt("Task_ReviewNeedsDescription");
        clock.fixAt(end.plusSeconds(120));
        assertThatThrownBy(() -> scenario.submitNeeds(tooLate)).as("00:01 after " + lastDay)
            .isInstanceOf(InvalidInputException.class).hasMessageContaining("har passerat");
        assertThat(tooLate).isWaitingAt("Task_WriteNeedsDescription");
      } finally {
        clock.release();
      }
    }
  }

  /** The next last Sunday of the month, when summer time starts (March) or ends (October). */
  private static java.time.LocalDate nextLastSundayOf(java.time.Month month) {
    java.time.LocalDate today = java.time.LocalDate.now(SWEDEN);
    java.time.LocalDate day = today.withMonth(month.getValue()).with(java.time.temporal.TemporalAdjusters.lastInMonth(java.time.DayOfWeek.SUNDAY));
    return day.isAfter(today) ? day
        : today.plusYears(1).withMonth(month.getValue()).with(java.time.temporal.TemporalAdjusters.lastInMonth(java.time.DayOfWeek.SUNDAY));
  }

  @Autowired se.kvalitetsarbete.quality.SchoolYearRepository schoolYears;
  @Autowired se.kvalitetsarbete.quality.SharedImprovementAreaRepository sharedAreas;

  private void sharedAreaOfThisYear(String title) {
    int first = se.kvalitetsarbete.quality.SchoolYear.firstYearOf(java.time.LocalDate.now(SWEDEN));
    var year = schoolYears.findByLabel(se.kvalitetsarbete.quality.SchoolYear.label(first))
        .orElseGet(() -> schoolYears.save(new se.kvalitetsarbete.quality.SchoolYear(first, null)));
    sharedAreas.save(new se.kvalitetsarbete.quality.SharedImprovementArea(year,
        se.kvalitetsarbete.quality.SharedImprovementArea.FormGroup.GRUNDSKOLA, title));
  }

  private void deployTable(String dmn) {
    engine.getRepositoryService().createDeployment().name("Coordinators' change").addString("prioritisation.dmn", dmn).deploy();
  }

  /** A teacher in the unit's staff group (and all staff's group). */
  private String teacherOf(Unit unit, String suffix) {
    String teacher = "larare" + unit.getCode() + suffix;
    scenario.staff(teacher, se.kvalitetsarbete.security.Roles.STAFF);
    scenario.staff(teacher, staffGroups.ensureFor(unit));
    return teacher;
  }

  private NeedsDescription descriptionOf(ProcessInstance needs) {
    return descriptions.findById((Long) historicVariable(needs, "needsDescriptionId")).orElseThrow();
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }
}
