package se.kvalitetsarbete.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A task only one person can do lands in that person's "Mina uppgifter"; work a group or several
 * people share stays open for one of them to take. The rule belongs to the engine, so it holds for a
 * model nobody wrote Java for: a probe model, deployed as a coordinator would.
 */
// One process engine per JVM is registered by name: each class closes its own.
@DirtiesContext
@SpringBootTest
@ActiveProfiles("test")
class AssignSoleCandidateTest {

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  Deployment probe;

  @AfterEach
  void removeTheProbe() {
    if (probe != null) {
      repository.deleteDeployment(probe.getId(), true);
    }
  }

  @Test
  void aTaskWithOneCandidateIsAssignedToThatPersonAndSharedTasksStayToBeTaken() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("SoleCandidateProbe").camundaHistoryTimeToLive(30)
        .startEvent().parallelGateway("Gateway_Split")
        .userTask("Task_OnePerson").camundaCandidateUsers("${participants}").endEvent()
        .moveToNode("Gateway_Split").userTask("Task_TwoPeople").camundaCandidateUsers("team1,team2").endEvent()
        .moveToNode("Gateway_Split").userTask("Task_Group").camundaCandidateGroups("coordinators").endEvent()
        .moveToNode("Gateway_Split").userTask("Task_PersonOrGroup").camundaCandidateUsers("rektor9")
        .camundaCandidateGroups("coordinators").endEvent()
        .moveToNode("Gateway_Split").userTask("Task_AlreadyAssigned").camundaAssignee("team3")
        .camundaCandidateUsers("rektor9").endEvent()
        .done();
    probe = repository.createDeployment().name("sole-candidate-probe")
        .addModelInstance("sole-candidate-probe.bpmn", model).deploy();

    String instance = runtime.startProcessInstanceByKey("SoleCandidateProbe", Map.of("participants", "rektor9")).getId();

    assertThat(assignee(instance, "Task_OnePerson")).as("the only candidate has it").isEqualTo("rektor9");
    assertThat(assignee(instance, "Task_TwoPeople")).as("two candidates: one of them takes it").isNull();
    assertThat(assignee(instance, "Task_Group")).as("a group's task: one of them takes it").isNull();
    assertThat(assignee(instance, "Task_PersonOrGroup")).as("a person or a group: one of them takes it").isNull();
    assertThat(assignee(instance, "Task_AlreadyAssigned")).as("the model's assignee stands").isEqualTo("team3");
    assertThat(tasks.createTaskQuery().taskAssignee("rektor9").processInstanceId(instance).count())
        .as("in the person's own list").isEqualTo(1);
  }

  private String assignee(String instance, String taskKey) {
    Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
    return task.getAssignee();
  }
}
