package se.kvalitetsarbete.regional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
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

/** Halland's yearly exchange: soft values chosen, visits as critical friends, shared documentation, joint efforts. */
@DirtiesContext
@Import(ProcessEngineCoverageConfiguration.class)
@SpringBootTest
@ActiveProfiles("test")
class RegionalExchangeProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired Scenario scenario;
  @Autowired RegionalExchanges exchanges;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
  }

  @Test
  void municipalitiesChooseSoftValuesVisitEachOtherShareTheirNotesAndAgreeOnJointEfforts() {
    ProcessInstance exchange = runtime.startProcessInstanceByKey("RegionalExchange", Variables.putValue("collaboration", "Hallands kommuner")
        .putValue("schoolYear", "2090/91").putValue("participants", "Varberg; Anna Ek\nFalkenberg\n"));
    assertThat(exchange).isWaitingAt("Task_ChooseSoftValues").task().hasCandidateGroup("forvaltning");
    assertThat(scenario.shown(scenario.task(exchange, "Task_ChooseSoftValues").getId(), "exchangeSoFar"))
        .contains("Hallands kommuner, läsåret 2090/91", "Varberg (Anna Ek), Falkenberg");

    assertThatThrownBy(() -> scenario.complete(scenario.task(exchange, "Task_ChooseSoftValues"), Map.of()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Mjuka värden att titta på");
    scenario.complete(scenario.task(exchange, "Task_ChooseSoftValues"), Map.of("softValues", "Studiero\nElevernas delaktighet"));
    scenario.complete(scenario.task(exchange, "Task_HoldExchangeVisits"), Map.of("visitNotes", "Lugna lektionsstarter i Varberg."));
    scenario.complete(scenario.task(exchange, "Task_ShareExchangeDocumentation"), Map.of("sharedDocumentation", "Gemensam rapport."));
    assertThat(exchanges.jointEffortsOf("2090/91")).as("nothing agreed yet").contains("Inga gemensamma insatser");
    scenario.complete(scenario.task(exchange, "Task_AgreeJointEfforts"), Map.of("jointEfforts", "Gemensam fortbildning om studiero"));

    assertThat(exchange).isEnded().hasPassed("EndEvent_JointEffortsAgreed");
    assertThat(exchanges.jointEffortsOf("2090/91")).contains("Hallands kommuner", "Gemensam fortbildning om studiero");
  }

  @Test
  void anExchangeWithoutOtherMunicipalitiesOrWithABadSchoolYearIsNotStarted() {
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("RegionalExchange",
        Variables.putValue("collaboration", "Hallands kommuner").putValue("participants", " \n")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("minst en kommun");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("RegionalExchange", Variables.putValue("collaboration", "Halland")
        .putValue("schoolYear", "2090-91").putValue("participants", "Varberg")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("2026/27");
    String manyLines = "Varberg; Kontakt\n".repeat(150);
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("RegionalExchange", Variables.putValue("collaboration", "Halland")
        .putValue("participants", manyLines)))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("Deltagande kommuner: högst 2").hasMessageEndingWith("tecken.");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("RegionalExchange").count()).isZero();
  }
}
