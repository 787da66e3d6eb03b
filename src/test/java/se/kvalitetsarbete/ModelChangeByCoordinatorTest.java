package se.kvalitetsarbete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import se.kvalitetsarbete.common.InvalidInputException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestTemplate;
import se.kvalitetsarbete.allocation.AllocationDecision;
import se.kvalitetsarbete.assignment.CheckIn;
import se.kvalitetsarbete.assignment.CheckInRepository;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Unit;

/**
 * A coordinator changes the follow-up schedule in Camunda Modeler and deploys it to /engine-rest:
 * new assignments follow the new schedule, running ones finish on their own version, and
 * restarting the application (same models in bpmn/) does not put the old version back on top.
 * A form deployed with it says what its fields accept, for the server too.
 */
class ModelChangeByCoordinatorTest {

  static final String DATABASE = "jdbc:h2:mem:model-change;DB_CLOSE_DELAY=-1";

  @Test
  void aModelDeployedFromModelerIsUsedByNewInstancesAndSurvivesARestart() throws Exception {
    String changedSchedule;
    String runningInstance;
    String newInstance;
    Unit unit;
    try (ConfigurableApplicationContext app = start()) {
      Scenario scenario = app.getBean(Scenario.class);
      unit = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_7_9).get(0);
      scenario.staff("samordnaremodeler", se.kvalitetsarbete.security.Roles.COORDINATORS);
      ProcessInstance running = startAssignment(app, scenario, unit);
      runningInstance = running.getId();

      String original = Files.readString(Path.of("bpmn", "assignment.bpmn"), StandardCharsets.UTF_8);
      assertThat(original).contains(">P1M, P3M, P6M<");
      String changed = original.replace(">P1M, P3M, P6M<", ">P2W, P2M<");
      String kickOffForm = Files.readString(Path.of("forms", "HoldKickOff.form"), StandardCharsets.UTF_8);
      String shorterGoals = kickOffForm.replaceFirst("(\"key\": \"goals\"[\\s\\S]*?\"maxLength\": )4000", "$1100");
      assertThat(shorterGoals).as("the coordinator shortens the goals to 100 characters").isNotEqualTo(kickOffForm);
      ResponseEntity<Map> deployed = deployAsModeler(app, changed, Map.of("HoldKickOff.form", shorterGoals));
      assertThat(deployed.getStatusCode().is2xxSuccessful()).as(String.valueOf(deployed.getBody())).isTrue();
      assertThat(((Map<?, ?>) deployed.getBody().get("deployedProcessDefinitions"))).hasSize(1);

      ProcessInstance fresh = startAssignment(app, scenario, unit);
      newInstance = fresh.getId();
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(definitionVersion(engine, newInstance)).isGreaterThan(definitionVersion(engine, runningInstance));

      String goals = "Mål ".repeat(50).trim();
      assertThatThrownBy(() -> scenario.complete(scenario.task(fresh, "Task_HoldKickOff"), Map.of("goals", goals,
          "kickOffParticipants", "Arbetslag 8", "supportForms", SpinValues.jsonValue("[\"OBSERVATION\"]").create())))
          .as("the new instance's form allows 100 characters").isInstanceOf(InvalidInputException.class).hasMessageContaining("högst 100");
      assertThat(followUpsAfterClosing(app, running, goals)).as("the running instance keeps its schedule and its form").hasSize(3);
      assertThat(followUpsAfterClosing(app, fresh, "Mål")).as("a new instance follows the deployed schedule").hasSize(2);
      changedSchedule = latestSchedule(engine);
    }

    try (ConfigurableApplicationContext restarted = start()) {
      ProcessEngine engine = restarted.getBean(ProcessEngine.class);
      assertThat(latestSchedule(engine)).as("the restart keeps Modeler's version as the latest").isEqualTo(changedSchedule).contains("P2W, P2M");
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(java.util.Set.of(runningInstance, newInstance)).count())
          .as("both instances go on after the restart").isEqualTo(2);
      // The application takes up its own deployments at start, not Modeler's (META-INF/processes.xml):
      // an instance of Modeler's version still runs its glue, forms and timers.
      ProcessInstance afterRestart = startAssignment(restarted, restarted.getBean(Scenario.class), unit);
      assertThat(definitionVersion(engine, afterRestart.getId())).isEqualTo(definitionVersion(engine, newInstance));
      assertThat(followUpsAfterClosing(restarted, afterRestart, "Mål")).as("Modeler's schedule after the restart").hasSize(2);
    }
  }

  private static ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(KvalitetsarbeteApplication.class)
        .run("--server.port=0", "--spring.datasource.url=" + DATABASE, "--camunda.bpm.job-execution.enabled=false",
            "--camunda.bpm.webapp.enabled=false", "--kvalitet.admin.initial-password-file=target/model-change/initial-admin-password.txt");
  }

  /** What Camunda Modeler sends: multipart with the model and its forms, and HTTP Basic as a coordinator. */
  private static ResponseEntity<Map> deployAsModeler(ConfigurableApplicationContext app, String model, Map<String, String> changedForms) throws Exception {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "assignment");
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("assignment.bpmn", file("assignment.bpmn", model.getBytes(StandardCharsets.UTF_8)));
    try (var forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        String name = form.getFileName().toString();
        byte[] content = changedForms.containsKey(name) ? changedForms.get(name).getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(form);
        parts.add(name, file(name, content));
      }
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setBasicAuth("samordnaremodeler", Scenario.PASSWORD);
    String port = app.getEnvironment().getProperty("local.server.port");
    return new RestTemplate().postForEntity("http://127.0.0.1:" + port + "/engine-rest/deployment/create",
        new HttpEntity<>(parts, headers), Map.class);
  }

  private static ByteArrayResource file(String name, byte[] content) {
    return new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  private static ProcessInstance startAssignment(ConfigurableApplicationContext app, Scenario scenario, Unit unit) {
    AllocationDecision decision = scenario.grantedDecision(unit, List.of("team1"));
    return app.getBean(ProcessEngine.class).getRuntimeService()
        .startProcessInstanceByKey("Assignment", Variables.putValue("decisionId", decision.getId()));
  }

  /** Kick-off, the term ends, closing and evaluation: then the follow-ups are planned. */
  private static List<CheckIn> followUpsAfterClosing(ConfigurableApplicationContext app, ProcessInstance assignment, String goals) {
    Scenario scenario = app.getBean(Scenario.class);
    var tasks = app.getBean(ProcessEngine.class).getTaskService();
    Long assignmentId = (Long) app.getBean(ProcessEngine.class).getRuntimeService().getVariable(assignment.getId(), "assignmentId");
    Unit unit = app.getBean(se.kvalitetsarbete.assignment.Assignments.class).unit(assignmentId);
    scenario.complete(scenario.task(assignment, "Task_HoldKickOff"), Map.of("goals", goals, "kickOffParticipants", "Arbetslag 8",
        "supportForms", SpinValues.jsonValue("[\"OBSERVATION\"]").create(), "carrier", scenario.teacherOf(unit, "forste" + unit.getCode())));
    scenario.fire(assignment, "Timer_TermEnds");
    scenario.complete(scenario.task(assignment, "Task_HoldClosingConversation"), Map.of("closingSummary", "Klart", "continuationPlan", "Plan",
        "handOverDone", "YES"));
    for (Task survey : scenario.tasks(assignment, "Task_EvaluateAssignment")) {
      tasks.complete(survey.getId(), Scenario.evaluation());
    }
    scenario.runAsyncJobs();
    return app.getBean(CheckInRepository.class).findByAssignmentIdAndKindOrderByIdAsc(assignmentId, CheckIn.Kind.FOLLOW_UP);
  }

  private static int definitionVersion(ProcessEngine engine, String processInstanceId) {
    String definitionId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getProcessDefinitionId();
    return engine.getRepositoryService().getProcessDefinition(definitionId).getVersion();
  }

  private static String latestSchedule(ProcessEngine engine) {
    var latest = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("Assignment").latestVersion().singleResult();
    return engine.getRepositoryService().getBpmnModelInstance(latest.getId())
        .getModelElementsByType(CamundaInputParameter.class).stream()
        .filter(p -> p.getCamundaName().equals("followUpSchedule"))
        .findFirst().orElseThrow().getTextContent();
  }
}
