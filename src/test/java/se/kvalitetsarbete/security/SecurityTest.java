package se.kvalitetsarbete.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import se.kvalitetsarbete.RestSteps;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.allocation.NeedsDescription;
import se.kvalitetsarbete.allocation.NeedsDescriptionRepository;
import se.kvalitetsarbete.organisation.Unit;

/** Who may do what: each rule has a test that fails when the rule is broken. */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:security-tests;DB_CLOSE_DELAY=-1",
    "kvalitet.admin.initial-password-file=target/security-tests/initial-admin-password.txt",
    "camunda.bpm.job-execution.enabled=false"})
class SecurityTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired Scenario scenario;
  @Autowired NeedsDescriptionRepository descriptions;
  @Autowired RuntimeService runtime;
  @Autowired LoginCache logins;
  @Autowired org.springframework.jdbc.core.JdbcTemplate database;

  final ObjectMapper json = new ObjectMapper();
  Unit unitA;
  Unit unitB;
  String roundId;

  @BeforeEach
  void twoUnitsInAnOpenRound() throws Exception {
    TwoUnitsInARound start = TwoUnitsInARound.open(scenario, http, "team1", Roles.QUALITY_TEAM);
    unitA = start.unitA();
    unitB = start.unitB();
    roundId = start.roundId();
  }

  @Test
  void withoutALoginTheApisAnswer401() {
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("samordnare", "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> decisions = http.getForEntity("/api/allocation-decisions", String.class);
    assertThat(decisions.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(decisions.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE))
        .as("no browser login box over the page's own message").isFalse();
  }

  /**
   * Programs send their password with every request; a successful login is remembered for a short
   * while so that it is not checked against the users each time. That must never let a wrong
   * password in, and a change of password or groups counts at once.
   */
  @Test
  void aRememberedLoginLetsNoWrongPasswordInAndAChangedPasswordOrGroupCountsAtOnce() {
    String user = newUser("Forsta-losenordet-1");
    identity.createMembership(user, Roles.COORDINATORS);
    TestRestTemplate right = http.withBasicAuth(user, "Forsta-losenordet-1");

    assertThat(right.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(logins.check(user, "Forsta-losenordet-1").groups()).contains(Roles.COORDINATORS);
    assertThat(http.withBasicAuth(user, "Forsta-losenordet-2").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .as("a wrong password right after the right one was remembered").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth(user, "Forsta-losenordet-2").getForEntity("/api/allocation-decisions", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    // the wrong passwords locked the user for a few seconds (the engine's protection against guessing)
    identity.unlockUser(user);
    identity.deleteMembership(user, Roles.COORDINATORS);
    assertThat(logins.check(user, "Forsta-losenordet-1").groups()).as("a group taken away counts at once").doesNotContain(Roles.COORDINATORS);
    assertThat(get(user, "Forsta-losenordet-1", "/engine-rest/task?candidateGroup=" + Roles.COORDINATORS))
        .as("what the group could see").isEmpty();

    User changed = identity.createUserQuery().userId(user).singleResult();
    changed.setPassword("Andra-losenordet-1");
    identity.saveUser(changed);
    assertThat(right.getForEntity("/engine-rest/task", String.class).getStatusCode()).as("the old password after a change")
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    identity.unlockUser(user);
    assertThat(http.withBasicAuth(user, "Andra-losenordet-1").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  /** A user removed from the database behind the engine's back is let in for at most the short while, never longer. */
  @Test
  void aRememberedLoginEndsAfterTheShortWhile() {
    String user = newUser("Ett-losenord-1");
    assertThat(logins.check(user, "Ett-losenord-1")).isNotNull();
    database.update("delete from ACT_ID_USER where ID_ = ?", user);

    assertThat(logins.check(user, "Ett-losenord-1")).as("remembered: not asked of the database").isNotNull();
    long now = System.nanoTime();
    logins.clock = () -> now + java.util.concurrent.TimeUnit.SECONDS.toNanos(61);
    try {
      assertThat(logins.check(user, "Ett-losenord-1")).as("after 60 s the database is asked again").isNull();
    } finally {
      logins.clock = System::nanoTime;
    }
  }

  @Test
  void aRektorSeesAndCompletesOnlyTheirOwnUnitsTasks() throws Exception {
    String taskA = writeTask(rektorA());
    assertThat(get(rektorB(), "/engine-rest/task?taskDefinitionKey=Task_WriteNeedsDescription"))
        .extracting(t -> t.get("assignee").asText()).containsOnly(rektorB());

    HttpStatus read = HttpStatus.valueOf(as(rektorB()).getForEntity("/engine-rest/task/" + taskA, String.class).getStatusCode().value());
    assertThat(read).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    ResponseEntity<String> completed = as(rektorB()).postForEntity("/engine-rest/task/" + taskA + "/submit-form",
        RestSteps.variables(Map.of("application", "DECLINE")), String.class);
    assertThat(HttpStatus.valueOf(completed.getStatusCode().value())).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(get(rektorA(), "/engine-rest/task/" + taskA).get("id").asText()).as("the task is still there").isEqualTo(taskA);
    assertThat(get(rektorA(), "/engine-rest/history/task?taskId=" + taskA)).as("its history, for comments in Tasklist").hasSize(1);
    assertThat(get(rektorB(), "/engine-rest/history/task?taskId=" + taskA)).isEmpty();
    assertThat(descriptionOf(unitA).getStatus()).isEqualTo(NeedsDescription.Status.DRAFT);
  }

  @Test
  void aRektorReadsOnlyTheirOwnUnitsProcessInstances() throws Exception {
    String instanceA = get("samordnare", "/engine-rest/task?assignee=" + rektorA()).get(0).get("processInstanceId").asText();

    assertThat(as(rektorA()).getForEntity("/engine-rest/process-instance/" + instanceA, String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(HttpStatus.valueOf(as(rektorB()).getForEntity("/engine-rest/process-instance/" + instanceA, String.class)
        .getStatusCode().value())).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(get(rektorB(), "/engine-rest/process-instance")).extracting(p -> p.get("id").asText())
        .doesNotContain(instanceA, roundId);
    assertThat(get("samordnare", "/engine-rest/process-instance")).extracting(p -> p.get("id").asText())
        .contains(instanceA, roundId);
  }

  @Test
  void aTeamMemberReadsTheAssignmentsTheyWorkInAndNoOthers() throws Exception {
    scenario.staff("team2", Roles.QUALITY_TEAM);
    var decision = scenario.grantedDecision(unitA, List.of("team1"));
    String assignment = runtime.startProcessInstanceByKey("Assignment", Map.of("decisionId", decision.getId())).getId();

    assertThat(as("team1").getForEntity("/engine-rest/process-instance/" + assignment, String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("team1", "/engine-rest/task?processInstanceId=" + assignment)).hasSize(1);
    assertThat(HttpStatus.valueOf(as("team2").getForEntity("/engine-rest/process-instance/" + assignment, String.class)
        .getStatusCode().value())).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(get("team2", "/engine-rest/task?processInstanceId=" + assignment)).isEmpty();
  }

  @Test
  void everyoneLoggedInReadsTheDecidedAllocationsWithTheirGrounds() throws Exception {
    scenario.grantedDecision(unitA, List.of("team1"));

    JsonNode decisions = json.readTree(as("team1").getForObject("/api/allocation-decisions", String.class));
    assertThat(decisions).anySatisfy(d -> {
      assertThat(d.get("unit").asText()).isEqualTo(unitA.getName());
      assertThat(d.get("priorityReason").asText()).isNotBlank();
    });
    assertThat(decisions).noneSatisfy(d -> assertThat(d.get("unit").asText()).isEqualTo(unitB.getName()));
  }

  @Test
  void withoutAConfiguredPasswordAFirstAdministratorIsCreatedWithARandomPasswordInAFile() throws Exception {
    String[] line = Files.readString(Path.of("target/security-tests/initial-admin-password.txt")).trim().split(":", 2);
    assertThat(line[0]).isEqualTo("admin");
    assertThat(identity.createUserQuery().userId("admin").memberOfGroup(Roles.ADMINISTRATORS).count()).isOne();
    assertThat(identity.checkPassword("admin", line[1])).isTrue();
    assertThat(line[1]).hasSizeGreaterThan(20);
  }

  @Test
  void theAdminWebappsSetupCannotCreateAnAdministrator() {
    // Someone has emptied camunda-admin: 7.24.0's setup would then create an administrator for anyone.
    List<String> admins = identity.createUserQuery().memberOfGroup(Roles.ADMINISTRATORS).list().stream().map(u -> u.getId()).toList();
    admins.forEach(admin -> identity.deleteMembership(admin, Roles.ADMINISTRATORS));
    try {
      ResponseEntity<String> page = http.getForEntity("/camunda/app/admin/default/", String.class);
      List<String> cookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
      String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN="))
          .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElse("");
      String session = cookies.stream().filter(c -> c.startsWith("JSESSIONID="))
          .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse("");
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      headers.add("X-XSRF-TOKEN", token);
      headers.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + token + "; " + session);
      Map<String, Object> intruder = Map.of("profile", Map.of("id", "intruder", "firstName", "I", "lastName", "N"),
          "credentials", Map.of("password", "Intruder-2026!"));

      ResponseEntity<String> setup = http.exchange("/camunda/api/admin/setup/default/user/create", HttpMethod.POST,
          new HttpEntity<>(intruder, headers), String.class);

      assertThat(setup.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    } finally {
      admins.forEach(admin -> identity.createMembership(admin, Roles.ADMINISTRATORS));
    }
  }

  @Test
  void expressionsInTaskQueriesAreRefusedAlsoInsideOrQueries() {
    ResponseEntity<String> orQuery = as(rektorA()).postForEntity("/engine-rest/task",
        Map.of("orQueries", List.of(Map.of("assigneeExpression", "${currentUser()}"))), String.class);
    assertThat(orQuery.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(orQuery.getBody()).contains("Uttryck");
    ResponseEntity<String> count = as(rektorA()).postForEntity("/engine-rest/task/count",
        Map.of("orQueries", List.of(Map.of("nameLikeExpression", "#{'x'}"))), String.class);
    assertThat(count.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(as(rektorA()).getForEntity("/engine-rest/task?assigneeExpression={e}", String.class, "${currentUser()}")
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void aSubmissionWithVariablesTheFormDoesNotHaveIsRefusedAndNothingIsWritten() throws Exception {
    String task = writeTask(rektorA());
    Map<String, Object> form = new LinkedHashMap<>(Scenario.needsDescriptionOverRest());
    form.put("roundId", 999999);
    ResponseEntity<String> refused = as(rektorA()).postForEntity("/engine-rest/task/" + task + "/submit-form",
        RestSteps.variables(form), String.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("Formuläret har inga fält med namnen: roundId");
    assertThat(descriptionOf(unitA).getStatus()).isEqualTo(NeedsDescription.Status.DRAFT);
    assertThat(get(rektorA(), "/engine-rest/task/" + task).get("id").asText()).isEqualTo(task);
  }

  @Test
  void oversizedTextsAndWrongTypesAreRefusedWithTheFieldNamed() throws Exception {
    String task = writeTask(rektorA());
    Map<String, Object> bad = new LinkedHashMap<>(Scenario.needsDescriptionOverRest());
    bad.put("needs", "x".repeat(4001));
    bad.put("wishedMembers", "tre");
    ResponseEntity<String> refused = as(rektorA()).postForEntity("/engine-rest/task/" + task + "/submit-form",
        RestSteps.variables(bad), String.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("Utvecklingsbehov: texten får vara högst 4000 tecken.",
        "Önskat antal teammedlemmar: ange ett tal.");
    assertThat(descriptionOf(unitA).getNeeds()).isNull();
  }

  @Test
  void everyChangeIsAttributedToTheLoggedInUser() throws Exception {
    String task = writeTask(rektorA());
    ResponseEntity<String> done = as(rektorA()).postForEntity("/engine-rest/task/" + task + "/submit-form",
        RestSteps.variables(Scenario.needsDescriptionOverRest()), String.class);
    assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

    List<UserOperationLogEntry> log = history.createUserOperationLogQuery().taskId(task)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list();
    assertThat(log).isNotEmpty().allMatch(entry -> rektorA().equals(entry.getUserId()));
    assertThat(history.createUserOperationLogQuery().processInstanceId(roundId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).list())
        .as("the round was started by the coordinator").isNotEmpty().allMatch(entry -> "samordnare".equals(entry.getUserId()));
  }

  private String newUser(String password) {
    String user = "inloggning" + System.nanoTime();
    User created = identity.newUser(user);
    created.setPassword(password);
    identity.saveUser(created);
    return user;
  }

  private String rektorA() {
    return unitA.getRektorUserId();
  }

  private String rektorB() {
    return unitB.getRektorUserId();
  }

  private String writeTask(String rektor) throws Exception {
    return get(rektor, "/engine-rest/task?assignee=" + rektor + "&taskDefinitionKey=Task_WriteNeedsDescription")
        .get(0).get("id").asText();
  }

  private NeedsDescription descriptionOf(Unit unit) {
    return descriptions.findAll().stream()
        .filter(d -> d.getUnit().getId().equals(unit.getId()) && d.getRound() != null
            && roundId.equals(d.getRound().getProcessInstanceId()))
        .findFirst().orElseThrow();
  }

  private JsonNode get(String user, String password, String path) {
    ResponseEntity<String> response = http.withBasicAuth(user, password).getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as("GET " + path + " as " + user + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
    try {
      return json.readTree(response.getBody());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode get(String user, String path) throws Exception {
    ResponseEntity<String> response = as(user).getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as("GET " + path + " as " + user + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, Scenario.PASSWORD);
  }
}
