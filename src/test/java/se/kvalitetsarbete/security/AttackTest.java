package se.kvalitetsarbete.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FilterService;
import org.joda.time.DateTimeZone;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.util.LinkedMultiValueMap;
import se.kvalitetsarbete.RestSteps;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.organisation.Unit;

/**
 * Attacks by people who are logged in: staff trying to run code through task queries, a
 * coordinator deploying a model that runs code, a rektor writing into another unit's records, and
 * calls that should change nothing. Each test proves the effect (nothing evaluated, nothing
 * written), not only the status code: a marker bean counts every call an expression makes to it,
 * and a file that a code-running expression would create must not exist.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:attack-tests;DB_CLOSE_DELAY=-1",
    "kvalitet.admin.initial-password-file=target/attack-tests/initial-admin-password.txt",
    "camunda.bpm.job-execution.enabled=false"})
class AttackTest {

  /** Reached only if an expression could call any Spring bean. */
  public static class Marker {
    public final AtomicInteger calls = new AtomicInteger();

    public String hit() {
      calls.incrementAndGet();
      return "2000-01-01T00:00:00";
    }
  }

  @TestConfiguration
  static class MarkerConfiguration {
    @Bean
    Marker marker() {
      return new Marker();
    }
  }

  static final Path PWNED = Path.of("target/attack-tests/pwned");
  static final String RUNTIME_EXEC = "''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
      + ".exec('touch " + PWNED + "')";

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @Autowired Marker marker;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired se.kvalitetsarbete.allocation.AllocationRoundRepository rounds;
  @Autowired se.kvalitetsarbete.indicators.IndicatorValueRepository indicatorValues;
  @Autowired se.kvalitetsarbete.allocation.NeedsDescriptionRepository descriptions;
  @Autowired se.kvalitetsarbete.calendar.CalendarYearRepository calendarYears;

  final ObjectMapper json = new ObjectMapper();
  RestSteps rest;
  Unit unitA;
  Unit unitB;
  String roundId;

  @BeforeEach
  void twoUnitsInAnOpenRound() throws Exception {
    rest = new RestSteps(http);
    TwoUnitsInARound start = TwoUnitsInARound.open(scenario, http, RestSteps.ADMIN, Roles.ADMINISTRATORS);
    unitA = start.unitA();
    unitB = start.unitB();
    roundId = start.roundId();
    marker.calls.set(0);
    Files.createDirectories(PWNED.getParent());
    Files.deleteIfExists(PWNED);
  }

  // --- Staff running code through task queries ---------------------------------------------

  @Test
  void anExpressionInAnOrQueryIsRefusedHoweverTheRequestIsSpelled() {
    String escaped = "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{marker.hit()}\"}]}";
    String nested = "{\"orQueries\":[{\"processVariables\":[{\"name\":\"x\",\"operator\":\"eq\",\"value\":\"\\u0023{marker.hit()}\"}],"
        + "\"nameLikeExpression\":\"\\u0024{" + RUNTIME_EXEC + "}\"}]}";
    for (String path : List.of("/engine-rest/task", "/engine-rest/task;x=1", "/engine-rest/task/count", "/engine-rest/%74ask",
        "/engine-rest//task/count;a=b", "/engine-rest/TASK")) {
      for (String body : List.of(escaped, nested)) {
        ResponseEntity<String> answer = postJson(rektorA(), path, body);
        assertThat(answer.getStatusCode().is4xxClientError()).as(path + " " + body + ": " + answer.getBody()).isTrue();
      }
    }
    assertThat(marker.calls).hasValue(0);
    assertThat(PWNED).doesNotExist();
  }

  @Test
  void anExpressionThroughTheWebappsEngineApiIsRefused() {
    String session = tasklistSession(rektorA());
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session);
    headers.add("X-XSRF-TOKEN", java.util.Arrays.stream(session.split("; ")).filter(c -> c.startsWith("XSRF-TOKEN="))
        .findFirst().orElseThrow().substring("XSRF-TOKEN=".length()));
    headers.setContentType(MediaType.APPLICATION_JSON);
    for (String path : List.of("/camunda/api/engine/engine/default/task", "/camunda/api/engine/engine/default/task;x=1/count")) {
      ResponseEntity<String> answer = http.exchange(URI.create(http.getRootUri() + path), HttpMethod.POST,
          new HttpEntity<>("{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{marker.hit()}\"}]}", headers), String.class);
      assertThat(answer.getStatusCode()).as(path + ": " + answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody()).containsAnyOf("Uttryck", "inte är tillåtna");
    }
    assertThat(marker.calls).hasValue(0);
  }

  @Test
  void anExpressionInAFiltersExtendingQueryIsRefused() throws Exception {
    String filterId = rest.get(rektorA(), "/filter").get(0).get("id").asText();
    ResponseEntity<String> answer = postJson(rektorA(), "/engine-rest/filter/" + filterId + ";x=1/list",
        "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{marker.hit()}\"}]}");
    assertThat(answer.getStatusCode().is4xxClientError()).as(answer.getBody()).isTrue();
    assertThat(marker.calls).hasValue(0);
  }

  @Test
  void theEngineItselfRefusesExpressionsInOrQueriesWhateverRouteAsksIt() {
    identity.setAuthentication(rektorA(), List.of(Roles.REKTORER));
    try {
      TaskQuery orQuery = tasks.createTaskQuery().or().taskAssigneeExpression("${marker.hit()}").taskName("x").endOr();
      assertThatThrownBy(orQuery::list).hasMessageContaining("Uttryck");
      assertThatThrownBy(orQuery::count).hasMessageContaining("Uttryck");
      String filterId = filters.createFilterQuery().list().get(0).getId();
      TaskQuery extending = tasks.createTaskQuery().or().taskAssigneeExpression("${marker.hit()}").taskName("x").endOr();
      assertThatThrownBy(() -> filters.list(filterId, extending)).hasMessageContaining("Uttryck");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(marker.calls).hasValue(0);
  }

  // --- A coordinator deploying a model that runs code -------------------------------------

  @Test
  void aModelMayNotReachSpringBeansTheEngineOrClasses() throws Exception {
    ResponseEntity<String> deployed = deploy(RestSteps.ADMIN, Map.of("attack.bpmn", process("Attack_Beans",
        "<bpmn:serviceTask id=\"Task_Evil\" camunda:expression=\"${marker.hit()}\"/>")));
    assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("Attack_Beans")).hasStackTraceContaining("marker");

    deploy(RestSteps.ADMIN, Map.of("attack2.bpmn", process("Attack_Engine", "<bpmn:serviceTask id=\"Task_Evil\" camunda:expression="
        + "\"${execution.processEngineServices.identityService.createMembership('samordnare', 'camunda-admin')}\"/>")));
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("Attack_Engine")).hasStackTraceContaining("Uttrycket får inte");

    assertThat(marker.calls).hasValue(0);
    assertThat(identity.createGroupQuery().groupMember("samordnare").groupId(Roles.ADMINISTRATORS).count()).isZero();
  }

  @Test
  void aTimerThatWouldRunCodeAtDeploymentIsRefusedWithNothingDeployed() {
    long before = repository.createDeploymentQuery().count();
    ResponseEntity<String> refused = deploy(RestSteps.ADMIN, Map.of("timer.bpmn", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
        + " id=\"d\" targetNamespace=\"t\"><bpmn:process id=\"Attack_Timer\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">"
        + "<bpmn:startEvent id=\"Start\"><bpmn:timerEventDefinition><bpmn:timeDate>${marker.hit()}</bpmn:timeDate>"
        + "</bpmn:timerEventDefinition></bpmn:startEvent></bpmn:process></bpmn:definitions>"));
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("Uttrycket får inte");
    assertThat(marker.calls).hasValue(0);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void codeInAModelIsRefusedAtDeploymentWithTheElementNamed() {
    Map<String, String> attacks = new LinkedHashMap<>();
    attacks.put("<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"juel\"><bpmn:script>${marker.hit()}</bpmn:script></bpmn:scriptTask>",
        "Task_Script");
    attacks.put("<bpmn:serviceTask id=\"Task_Class\" camunda:class=\"java.lang.Object\"/>", "Task_Class");
    attacks.put("<bpmn:serviceTask id=\"Task_Reflection\" camunda:expression=\"${" + RUNTIME_EXEC + "}\"/>", "Task_Reflection");
    attacks.put("<bpmn:userTask id=\"Task_Listener\"><bpmn:extensionElements><camunda:taskListener event=\"create\">"
        + "<camunda:script scriptFormat=\"juel\">${marker.hit()}</camunda:script></camunda:taskListener></bpmn:extensionElements>"
        + "</bpmn:userTask>", "Task_Listener");
    attacks.put("<bpmn:userTask id=\"Task_Latest\" camunda:formRef=\"WriteNeedsDescription\" camunda:formRefBinding=\"latest\"/>",
        "Task_Latest");
    attacks.put("<bpmn:userTask id=\"Task_Html\" camunda:formKey=\"embedded:deployment:evil.html\"/>", "Task_Html");
    long before = repository.createDeploymentQuery().count();
    attacks.forEach((element, id) -> {
      ResponseEntity<String> refused = deploy("samordnare", Map.of("attack.bpmn", process("Attack_Code", element)));
      assertThat(refused.getStatusCode()).as(element + ": " + refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains(id).contains("Driftsättningen togs inte emot");
    });
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    assertThat(marker.calls).hasValue(0);
    assertThat(PWNED).doesNotExist();
  }

  @Test
  void juelInADecisionTableADoctypeAndHtmlFormsAreRefused() {
    String juelTable = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\""
        + " id=\"d\" name=\"d\" namespace=\"t\"><decision id=\"Attack_Dmn\" name=\"x\"><decisionTable id=\"Table\">"
        + "<input id=\"Input_Evil\"><inputExpression id=\"Expr\" typeRef=\"string\" expressionLanguage=\"juel\"><text>${marker.hit()}</text>"
        + "</inputExpression></input><output id=\"Out\" name=\"o\" typeRef=\"string\"/></decisionTable></decision></definitions>";
    String doctype = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\" targetNamespace=\"&e;\"/>";
    String externalFunction = juelTable.replace(" expressionLanguage=\"juel\"", "").replace("${marker.hit()}",
        "(function(x) external {java: {class: \"java.lang.Runtime\", method signature: \"getRuntime()\"}})(1)");
    Map<String, String> refused = Map.of("attack.dmn", juelTable, "external.dmn", externalFunction, "doctype.bpmn", doctype,
        "evil.html", "<script>alert(1)</script>", "evil.form",
        "{\"id\":\"Evil\",\"components\":[{\"type\":\"html\",\"id\":\"Field_Html\",\"content\":\"<img src=x onerror=alert(1)>\"}]}");
    refused.forEach((name, content) -> {
      ResponseEntity<String> answer = deploy("samordnare", Map.of(name, content));
      assertThat(answer.getStatusCode()).as(name + ": " + answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody()).contains(name).doesNotContain("Exception:", "\tat ");
    });
    assertThat(marker.calls).hasValue(0);
  }

  @Test
  void theApplicationsOwnModelsAndFormsPassTheDeploymentCheck() throws Exception {
    for (String folder : List.of("bpmn", "forms")) {
      try (var files = Files.list(Path.of(folder))) {
        for (Path file : files.toList()) {
          assertThat(DeploymentCheck.check(file.getFileName().toString(), Files.readAllBytes(file))).as(file.toString()).isEmpty();
        }
      }
    }
  }

  @Test
  void aModelMayCallOnlyTheGluesMarkedQuestionsNeverItsWritesNorStaticMethods() {
    Long roundId = (Long) runtime.getVariable(roundId(), "roundId");
    DateTimeZone zone = DateTimeZone.getDefault();
    try {
      for (String expression : List.of("${allocationRounds.close(" + roundId + ") ? '2099-01-01T00:00:00' : '2099-01-01T00:00:00'}",
          "${dateTime().getZone().setDefault(dateTime().getZone().forID('Pacific/Kiritimati')) == null ? '2099-01-01T00:00:00' : 'x'}",
          "${registerAssignment.execute(null)}")) {
        ResponseEntity<String> refused = deploy(RestSteps.ADMIN, Map.of("glue.bpmn", timerModel("Attack_Glue", expression)));
        assertThat(refused.getStatusCode()).as(expression + ": " + refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Uttrycket får inte");
      }
      assertThat(rounds.findById(roundId).orElseThrow().getStatus()).isNotEqualTo(se.kvalitetsarbete.allocation.AllocationRound.Status.CLOSED);
      assertThat(DateTimeZone.getDefault()).isEqualTo(zone);
    } finally {
      DateTimeZone.setDefault(zone);
    }
  }

  @Test
  void aCoordinatorMayDeployTheAllocationsModelsOnlyNotTheSchoolYearsNorCallIt() {
    long before = repository.createDeploymentQuery().count();
    ResponseEntity<String> own = deploy("samordnare", Map.of("ska.bpmn", process("SkaUnitPlan", "<bpmn:task id=\"Task_X\"/>")));
    assertThat(own.getStatusCode()).as(own.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(own.getBody()).contains("SkaUnitPlan");
    ResponseEntity<String> calls = deploy("samordnare", Map.of("call.bpmn", process("RoundSchedule",
        "<bpmn:callActivity id=\"CallActivity_X\" calledElement=\"SkaYearlyCycle\"/>")));
    assertThat(calls.getStatusCode()).as(calls.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(calls.getBody()).contains("SkaYearlyCycle");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }

  // --- A rektor writing into another unit's records ---------------------------------------

  @Test
  void aRektorCannotSetTheIdsTheirTaskRunsOnThroughAnyRoute() throws Exception {
    String task = writeTask(rektorA());
    String instance = tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
    Object ownId = runtime.getVariable(instance, "needsDescriptionId");
    Object otherId = runtime.getVariable(tasks.createTaskQuery().taskId(writeTask(rektorB())).singleResult().getProcessInstanceId(),
        "needsDescriptionId");
    Map<String, Object> switched = Map.of("needsDescriptionId", Map.of("value", otherId, "type", "Long"));

    assertThat(rest.as(rektorA()).postForEntity("/engine-rest/task/" + task + "/variables",
        Map.of("modifications", switched), String.class).getStatusCode().is4xxClientError()).isTrue();
    assertThat(rest.as(rektorA()).postForEntity("/engine-rest/task/" + task + ";x=1/localVariables",
        Map.of("modifications", switched), String.class).getStatusCode().is4xxClientError()).isTrue();
    assertThat(rest.as(rektorA()).exchange("/engine-rest/task/" + task + "/variables/needsDescriptionId", HttpMethod.PUT,
        new HttpEntity<>(Map.of("value", otherId, "type", "Long")), String.class).getStatusCode().is4xxClientError()).isTrue();
    assertThat(rest.as(rektorA()).postForEntity("/engine-rest/process-instance/" + instance + "/variables",
        Map.of("modifications", switched), String.class).getStatusCode().is4xxClientError()).isTrue();
    for (String route : List.of("submit-form", "complete", "resolve")) {
      Map<String, Object> form = new LinkedHashMap<>(Scenario.needsDescriptionOverRest());
      form.put("needsDescriptionId", otherId);
      ResponseEntity<String> refused = rest.as(rektorA()).postForEntity("/engine-rest/task/" + task + "/" + route,
          RestSteps.variables(form), String.class);
      assertThat(refused.getStatusCode()).as(route + ": " + refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("needsDescriptionId");
      ResponseEntity<String> spelled = rest.as(rektorA()).postForEntity("/engine-rest/task/" + task + ";x=1/" + route,
          RestSteps.variables(form), String.class);
      assertThat(spelled.getStatusCode()).as(route + ";x=1: " + spelled.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    assertThat(runtime.getVariable(instance, "needsDescriptionId")).isEqualTo(ownId);
    assertThat(tasks.createTaskQuery().taskId(task).count()).as("the task is still open").isOne();
  }

  @Test
  void aTaskWhoseIdWasSwitchedToAnotherUnitsRecordStopsWithNothingWritten() throws Exception {
    String task = writeTask(rektorA());
    String instance = tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
    Long otherId = (Long) runtime.getVariable(tasks.createTaskQuery().taskId(writeTask(rektorB())).singleResult().getProcessInstanceId(),
        "needsDescriptionId");
    runtime.setVariable(instance, "needsDescriptionId", otherId);

    ResponseEntity<String> refused = rest.as(rektorA()).postForEntity("/engine-rest/task/" + task + "/submit-form",
        RestSteps.variables(Scenario.needsDescriptionOverRest()), String.class);
    assertThat(refused.getStatusCode().is4xxClientError()).as(refused.getBody()).isTrue();
    assertThat(refused.getBody()).contains("needsDescriptionId");
    assertThat(descriptions.findById(otherId).orElseThrow().getNeeds()).as("unit B's description is untouched").isNull();
    assertThat(tasks.createTaskQuery().taskId(task).count()).isOne();
  }

  @Test
  void aRektorCannotStartAtALaterStepNorEndATaskWithAnErrorToGoAroundTheForms() throws Exception {
    Long otherId = (Long) runtime.getVariable(tasks.createTaskQuery().taskId(writeTask(rektorB())).singleResult().getProcessInstanceId(),
        "needsDescriptionId");
    Map<String, Object> variables = Map.of("needsDescriptionId", Map.of("value", otherId, "type", "Long"),
        "roundId", Map.of("value", runtime.getVariable(roundId(), "roundId"), "type", "Long"));
    ResponseEntity<String> later = rest.as(rektorA()).postForEntity("/engine-rest/process-definition/key/NeedsDescription/start",
        Map.of("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_PrioritiseNeedsDescription",
            "variables", variables))), String.class);
    assertThat(later.getStatusCode().is4xxClientError()).as(later.getBody()).isTrue();
    assertThat(descriptions.findById(otherId).orElseThrow().getPriorityPoints()).as("unit B's priority is untouched").isNull();

    String task = writeTask(rektorA());
    ResponseEntity<String> error = rest.as(rektorA()).postForEntity("/engine-rest/task/" + task + "/bpmnError",
        Map.of("errorCode", "any", "variables", Map.of("needsDescriptionId", Map.of("value", otherId, "type", "Long"))), String.class);
    assertThat(error.getStatusCode().is4xxClientError()).as(error.getBody()).isTrue();
    assertThat(tasks.createTaskQuery().taskId(task).count()).as("the task is still open").isOne();

    for (String[] call : List.of(new String[] {"/engine-rest/condition", "{\"variables\":{\"x\":{\"value\":1}}}"},
        new String[] {"/engine-rest/message", "{\"messageName\":\"x\",\"processVariables\":{\"x\":{\"value\":1}}}"},
        new String[] {"/engine-rest/process-definition/key/TermAllocation/start",
            "{\"startInstructions\":[{\"type\":\"startAfterActivity\",\"activityId\":\"StartEvent_RoundStarted\"}]}"})) {
      ResponseEntity<String> answer = postJson("samordnare", call[0], call[1]);
      assertThat(answer.getStatusCode().is4xxClientError()).as(call[0] + ": " + answer.getBody()).isTrue();
    }
  }

  @Test
  void aCommentCannotBePlantedInAnotherProcessThroughOnesOwnTask() throws Exception {
    String task = writeTask(rektorB());
    ResponseEntity<String> planted = rest.as(rektorB()).postForEntity("/engine-rest/task/" + task + "/comment/create",
        Map.of("message", "planterad", "processInstanceId", roundId()), String.class);
    assertThat(planted.getStatusCode().is4xxClientError()).as(planted.getBody()).isTrue();
    assertThat(tasks.getProcessInstanceComments(roundId())).isEmpty();
  }

  @Test
  void aSessionWriteWithABogusAuthorizationHeaderStillNeedsTheCsrfToken() {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, tasklistSession("samordnare"));
    headers.add(HttpHeaders.AUTHORIZATION, "Bearer x");
    headers.setContentType(MediaType.TEXT_PLAIN);
    long before = indicatorValues.count();
    ResponseEntity<String> forged = http.exchange("/api/indicators/import", HttpMethod.POST,
        new HttpEntity<>("indikator;omrade;ar;kon;varde;not\nI07;99999999;2024;T;87,5;\n", headers), String.class);
    assertThat(forged.getStatusCode().is4xxClientError()).as(forged.getBody()).isTrue();
    assertThat(indicatorValues.count()).isEqualTo(before);
  }

  // --- Calls that are refused change nothing -----------------------------------------------

  @Test
  void aRefusedJobExecutionUsesUpNoRetries() throws Exception {
    Job deadline = management.createJobQuery().processInstanceId(roundId).timers().list().get(0);
    int retries = deadline.getRetries();
    for (String user : List.of(rektorA(), "samordnare", rektorA(), rektorA())) {
      ResponseEntity<String> refused = rest.as(user).postForEntity("/engine-rest/job/" + deadline.getId() + "/execute", null, String.class);
      assertThat(refused.getStatusCode().is4xxClientError()).as(refused.getBody()).isTrue();
    }
    Job after = management.createJobQuery().jobId(deadline.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(retries);
    assertThat(after.getExceptionMessage()).isNull();
  }

  @Test
  void commentsAreWrittenByThoseWhoWorkOnTheTaskAndReadOnlyByThoseWhoMayReadIt() throws Exception {
    String taskA = writeTask(rektorA());
    ResponseEntity<String> own = rest.as(rektorA()).postForEntity("/engine-rest/task/" + taskA + "/comment/create",
        Map.of("message", "Eget utkast"), String.class);
    assertThat(own.getStatusCode()).as(own.getBody()).isEqualTo(HttpStatus.OK);
    String commentId = json.readTree(own.getBody()).get("id").asText();

    ResponseEntity<String> foreign = rest.as(rektorB()).postForEntity("/engine-rest/task/" + taskA + "/comment/create",
        Map.of("message", "Intrång"), String.class);
    assertThat(foreign.getStatusCode().is4xxClientError()).isTrue();
    ResponseEntity<String> read = rest.as(rektorB()).getForEntity("/engine-rest/task/" + taskA + "/comment/" + commentId, String.class);
    assertThat(read.getStatusCode().is4xxClientError()).isTrue();
    assertThat(read.getBody()).doesNotContain("Eget utkast");
    assertThat(tasks.getTaskComments(taskA)).extracting(c -> c.getFullMessage()).containsExactly("Eget utkast");
  }

  // --- Pages and API: headers, and CSRF for the session cookie ------------------------------

  @Test
  void ourPagesAndApiForbidFramingSniffingAndForeignReferrers() {
    for (ResponseEntity<String> answer : List.of(http.getForEntity("/beslut.html", String.class),
        rest.as(rektorA()).getForEntity("/api/allocation-decisions", String.class))) {
      HttpHeaders headers = answer.getHeaders();
      assertThat(headers.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
      assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(headers.getFirst("Referrer-Policy")).isNotBlank();
    }
  }

  @Test
  void aCrossSitePostRidingOnTheTasklistSessionIsRefusedAndImportsNothing() {
    String session = tasklistSession("samordnare");
    long before = indicatorValues.count();
    String csv = "indikator;omrade;ar;kon;varde;not\nI07;99999999;2024;T;87,5;\n";
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session);
    headers.setContentType(MediaType.TEXT_PLAIN);
    ResponseEntity<String> forged = http.exchange("/api/indicators/import", HttpMethod.POST, new HttpEntity<>(csv, headers), String.class);
    assertThat(forged.getStatusCode()).as(forged.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(indicatorValues.count()).isEqualTo(before);

    ResponseEntity<String> page = http.exchange("/api/indicators", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(page.getStatusCode()).as("the session counts as a login").isEqualTo(HttpStatus.OK);
    String token = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith(WebSecurity.CSRF_COOKIE + "="))
        .findFirst().orElseThrow().split(";")[0];
    headers.set(HttpHeaders.COOKIE, session + "; " + token);
    headers.add(WebSecurity.CSRF_HEADER, token.substring(token.indexOf('=') + 1));
    ResponseEntity<String> same = http.exchange("/api/indicators/import", HttpMethod.POST, new HttpEntity<>(csv, headers), String.class);
    assertThat(same.getStatusCode()).as("the page's own call, with the token, " + same.getBody()).isNotEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aCrossSitePostOfASchoolCalendarRidingOnTheAdministrationsSessionIsRefusedAndChangesNothing() {
    scenario.staff("forvaltningattack", Roles.ADMINISTRATION);
    String session = tasklistSession("forvaltningattack");
    long before = calendarYears.count();
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session);
    headers.setContentType(MediaType.TEXT_PLAIN);

    ResponseEntity<String> forged = http.exchange("/api/calendar/import", HttpMethod.POST,
        new HttpEntity<>("läsår;vad;från;till\n2098/99;HT;2098-08-17;2098-12-18\n2098/99;VT;2099-01-08;2099-06-11\n", headers), String.class);

    assertThat(forged.getStatusCode()).as(forged.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(calendarYears.count()).isEqualTo(before);
    assertThat(calendarYears.findByFirstYear(2098)).isEmpty();
  }

  /** Logs in to Tasklist as a browser does; the session cookie. */
  private String tasklistSession(String user) {
    ResponseEntity<String> app = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    String xsrf = app.getHeaders().getFirst("X-XSRF-TOKEN");
    String cookies = String.join("; ", app.getHeaders().get(HttpHeaders.SET_COOKIE).stream().map(c -> c.split(";")[0]).toList());
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, cookies);
    headers.add("X-XSRF-TOKEN", xsrf);
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
        new HttpEntity<>("username=" + user + "&password=" + Scenario.PASSWORD, headers), String.class);
    assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
    Map<String, String> jar = new LinkedHashMap<>();
    List<String> all = new java.util.ArrayList<>(app.getHeaders().get(HttpHeaders.SET_COOKIE));
    if (login.getHeaders().get(HttpHeaders.SET_COOKIE) != null) {
      all.addAll(login.getHeaders().get(HttpHeaders.SET_COOKIE));
    }
    all.stream().map(c -> c.split(";")[0]).forEach(c -> jar.put(c.substring(0, c.indexOf('=')), c));
    return String.join("; ", jar.values());
  }

  @Test
  void readsByIdObeyTheSameRightsAsLists() throws Exception {
    String taskA = writeTask(rektorA());
    String instanceA = tasks.createTaskQuery().taskId(taskA).singleResult().getProcessInstanceId();
    String variableId = runtime.createVariableInstanceQuery().processInstanceIdIn(instanceA).variableName("needsDescriptionId")
        .singleResult().getId();
    String jobId = management.createJobQuery().processInstanceId(instanceA).list().stream().findFirst()
        .map(Job::getId).orElse(management.createJobQuery().processInstanceId(roundId).timers().list().get(0).getId());
    String attachment = tasks.createAttachment("text", taskA, null, "utkast", null, "http://127.0.0.1/utkast").getId();
    for (String path : List.of("/engine-rest/variable-instance/" + variableId, "/engine-rest/job/" + jobId,
        "/engine-rest/history/task?taskId=" + taskA, "/engine-rest/history/variable-instance/" + variableId,
        "/engine-rest/task/" + taskA + "/attachment/" + attachment, "/engine-rest/task/" + taskA + "/attachment/" + attachment + "/data",
        "/engine-rest/process-instance/" + instanceA + "/variables")) {
      ResponseEntity<String> answer = rest.as(rektorB()).getForEntity(path, String.class);
      boolean refused = answer.getStatusCode().is4xxClientError() || "[]".equals(answer.getBody());
      assertThat(refused).as(path + ": " + answer.getBody()).isTrue();
      assertThat(String.valueOf(answer.getBody())).doesNotContain("utkast", "\"value\"");
    }
  }

  // --- Bad input gets a 4xx with a reason ---------------------------------------------------

  @Test
  void aNulByteDeepNestingAndAFinishedTaskGetA4xxWithAReason() throws Exception {
    String task = writeTask(rektorA());
    ResponseEntity<String> nul = postJson(rektorA(), "/engine-rest/task/" + task + "/submit-form",
        "{\"variables\":{\"needs\":{\"value\":\"a\\u0000b\"}}}");
    assertThat(nul.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(nul.getBody()).contains("NUL");
    ResponseEntity<String> control = postJson(rektorA(), "/engine-rest/task/" + task + "/submit-form",
        "{\"variables\":{\"needs\":{\"value\":\"a\\u0001b\"}}}");
    assertThat(control.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(control.getBody()).contains("styrtecken");
    assertThat(tasks.createTaskQuery().taskId(task).count()).as("the task is still open: nothing was completed").isEqualTo(1);
    ResponseEntity<String> deep = postJson(rektorA(), "/engine-rest/task", "[".repeat(5000) + "]".repeat(5000));
    assertThat(deep.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> gone = postJson(rektorA(), "/engine-rest/task/no-such-task/submit-form", "{\"variables\":{}}");
    assertThat(gone.getStatusCode().is4xxClientError()).as(gone.getBody()).isTrue();
    ResponseEntity<String> serialized = postJson(rektorA(), "/engine-rest/task/" + task + "/submit-form",
        "{\"variables\":{\"needs\":{\"type\":\"Object\",\"value\":\"rO0ABXQAA2FiYw==\",\"valueInfo\":{"
        + "\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}");
    ResponseEntity<String> gadget = postJson(rektorA(), "/engine-rest/task/" + task + "/submit-form",
        "{\"variables\":{\"needs\":{\"type\":\"Object\",\"value\":\"{\\\"command\\\":[\\\"touch\\\"]}\",\"valueInfo\":{"
        + "\"objectTypeName\":\"java.lang.ProcessBuilder\",\"serializationDataFormat\":\"application/json\"}}}}");
    for (ResponseEntity<String> answer : List.of(serialized, gadget)) {
      assertThat(answer.getStatusCode().is4xxClientError()).as(answer.getBody()).isTrue();
    }
    assertThat(tasks.createTaskQuery().taskId(task).count()).as("nothing completed").isOne();
    ResponseEntity<String> misshapen = postJson(rektorA(), "/engine-rest/task", "{\"orQueries\":\"x\"}");
    ResponseEntity<String> broken = postJson(rektorA(), "/engine-rest/task", "{\"orQueries\":[");
    for (ResponseEntity<String> answer : List.of(misshapen, broken)) {
      assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody()).doesNotContain("Dto", "com.fasterxml", "class ");
    }
    for (ResponseEntity<String> answer : List.of(nul, deep, gone, serialized, gadget, misshapen, broken)) {
      assertThat(answer.getBody()).doesNotContain("\tat ", "java.lang.", "org.camunda.bpm.engine.impl");
    }
  }

  private ResponseEntity<String> postJson(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, Scenario.PASSWORD);
    return http.getRestTemplate().exchange(RequestEntity.post(URI.create(http.getRootUri() + path)).headers(headers).body(body), String.class);
  }

  private ResponseEntity<String> deploy(String user, Map<String, String> files) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "attack");
    parts.add("deployment-source", "Camunda Modeler");
    files.forEach((name, content) -> parts.add(name, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    }));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.as(user).postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
  }

  private String roundId() {
    return roundId;
  }

  private static String timerModel(String id, String timeDate) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d\" targetNamespace=\"t\"><bpmn:process id=\"" + id
        + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\"><bpmn:startEvent id=\"Start\"><bpmn:timerEventDefinition>"
        + "<bpmn:timeDate>" + timeDate + "</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent></bpmn:process></bpmn:definitions>";
  }

  private static String process(String id, String element) {
    String elementId = element.replaceAll("(?s).*?id=\"([^\"]+)\".*", "$1");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d\" targetNamespace=\"t\"><bpmn:process id=\"" + id
        + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\"><bpmn:startEvent id=\"Start\"/>"
        + "<bpmn:sequenceFlow id=\"Flow_1\" sourceRef=\"Start\" targetRef=\"" + elementId + "\"/>" + element
        + "<bpmn:sequenceFlow id=\"Flow_2\" sourceRef=\"" + elementId + "\" targetRef=\"End\"/><bpmn:endEvent id=\"End\"/>"
        + "</bpmn:process></bpmn:definitions>";
  }

  private String rektorA() {
    return unitA.getRektorUserId();
  }

  private String rektorB() {
    return unitB.getRektorUserId();
  }

  private String writeTask(String rektor) throws Exception {
    return rest.get(rektor, "/task?assignee=" + rektor + "&taskDefinitionKey=Task_WriteNeedsDescription").get(0).get("id").asText();
  }
}
