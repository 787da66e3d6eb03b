package se.kvalitetsarbete;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.kvalitetsarbete.allocation.NeedsDescription;
import se.kvalitetsarbete.allocation.NeedsDescriptionRepository;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;
import se.kvalitetsarbete.security.Roles;

/**
 * Many people at the same second, on PostgreSQL through REST, with the job executor running as in
 * production: six rektorer read the meeting's decision at once, two coordinators act on the same
 * description at once, a round is started twice. Everyone gets a clear answer; nothing is half-written.
 */
// One process engine per JVM is registered by name: each class closes its own.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.webapp.enabled=false",
    "kvalitet.admin.initial-password-file=target/postgres-test/initial-admin-password.txt"})
@ActiveProfiles("postgres")
class ManyPeopleAtOnceOnPostgresTest {

  static final int REKTORER = 6;
  static final String ADMIN = RestSteps.ADMIN;

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
    FreshPostgres.use(registry, "kvalitetsarbete_race");
  }

  @Autowired TestRestTemplate http;
  @Autowired UnitRepository units;
  @Autowired NeedsDescriptionRepository descriptions;
  @Autowired Scenario scenario;
  @Autowired se.kvalitetsarbete.organisation.TeamMemberRepository teamMembers;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  final ObjectMapper json = new ObjectMapper();
  RestSteps rest;

  @Test
  void everyoneActingAtTheSameSecondGetsAClearAnswerAndNothingIsHalfWritten() throws Exception {
    rest = new RestSteps(http, false);
    for (int i = 1; i <= REKTORER; i++) {
      units.save(new Unit("2200000" + i, "Skola " + i, SchoolForm.GRUNDSKOLA_4_6, "rektor" + i));
      scenario.staff("rektor" + i, Roles.REKTORER);
    }
    scenario.staff("samordnare1", Roles.COORDINATORS);
    scenario.staff("samordnare2", Roles.COORDINATORS);
    scenario.staff(ADMIN, Roles.ADMINISTRATORS);

    // A year no other test of this run has taken (assignments' tests take many).
    int year = scenario.freshYear();
    String roundId = rest.post("samordnare1", "/process-definition/key/TermAllocation/submit-form", RestSteps.variables(Map.of(
        "termSeason", "HT", "termYear", year, "applicationDeadline", LocalDate.now().plusWeeks(3).toString())), HttpStatus.OK).get("id").asText();

    // A second round for the same term, and a year out of range: 400 with the reason in Swedish.
    ResponseEntity<String> twice = rest.postRaw("samordnare2", "/process-definition/key/TermAllocation/start",
        RestSteps.variables(Map.of("termSeason", "HT", "termYear", year)));
    assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(twice)).isEqualTo("Det finns redan en ansökningsomgång för HT " + year + ".");
    ResponseEntity<String> farAhead = rest.postRaw("samordnare2", "/process-definition/key/TermAllocation/submit-form",
        RestSteps.variables(Map.of("termSeason", "VT", "termYear", 2200)));
    assertThat(farAhead.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(farAhead)).isEqualTo("År: ange ett år mellan 2020 och 2100.");

    // The job executor invites each unit in its own transaction.
    awaitTasks("Task_WriteNeedsDescription", REKTORER);
    for (int i = 1; i <= REKTORER; i++) {
      String write = rest.single(rest.get("rektor" + i, "/task?assignee=rektor" + i + "&taskDefinitionKey=Task_WriteNeedsDescription")).get("id").asText();
      rest.submit("rektor" + i, write, Scenario.needsDescriptionOverRest());
    }
    awaitTasks("Task_ReviewNeedsDescription", REKTORER);
    List<String> reviews = new ArrayList<>();
    rest.get("samordnare1", "/task?candidateGroup=coordinators&taskDefinitionKey=Task_ReviewNeedsDescription&sortBy=id&sortOrder=asc")
        .forEach(task -> reviews.add(task.get("id").asText()));

    // Two coordinators claim the same review at once: one has it, the other is told so.
    List<ResponseEntity<String>> claims = atOnce(List.of(
        () -> rest.postRaw("samordnare1", "/task/" + reviews.get(0) + "/claim", Map.of("userId", "samordnare1")),
        () -> rest.postRaw("samordnare2", "/task/" + reviews.get(0) + "/claim", Map.of("userId", "samordnare2"))));
    assertThat(claims).extracting(ResponseEntity::getStatusCode).containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
    assertSwedishRefusal(claims.stream().filter(c -> c.getStatusCode() == HttpStatus.CONFLICT).findFirst().orElseThrow());

    // Two coordinators approve the same description at once: one approval, the other a clear 404 or 409.
    Map<String, Object> approve = RestSteps.variables(Map.of("reviewOutcome", "APPROVE", "analysisConfirmed", "CONFIRMED", "reviewComment", ""));
    List<ResponseEntity<String>> approvals = atOnce(List.of(
        () -> rest.postRaw("samordnare1", "/task/" + reviews.get(1) + "/submit-form", approve),
        () -> rest.postRaw("samordnare2", "/task/" + reviews.get(1) + "/submit-form", approve)));
    assertThat(approvals).extracting(ResponseEntity::getStatusCode).contains(HttpStatus.NO_CONTENT);
    for (ResponseEntity<String> refused : approvals.stream().filter(a -> a.getStatusCode() != HttpStatus.NO_CONTENT).toList()) {
      assertThat(refused.getStatusCode().value()).isIn(404, 409);
      assertSwedishRefusal(refused);
    }
    // The task is gone for whoever comes late.
    ResponseEntity<String> late = rest.postRaw("samordnare2", "/task/" + reviews.get(1) + "/submit-form", approve);
    assertThat(late.getStatusCode().value()).isIn(404, 409);
    assertSwedishRefusal(late);
    Long round = (Long) runtime.getVariable(roundId, "roundId");
    assertThat(descriptions.countByRoundIdAndStatus(round, NeedsDescription.Status.APPROVED)).as("approved once").isEqualTo(1);
    assertThat(descriptions.findAll()).filteredOn(d -> d.getStatus() == NeedsDescription.Status.APPROVED && d.getPriorityPoints() == null).isEmpty();

    rest.post("samordnare1", "/task/" + reviews.get(0) + "/submit-form", approve, HttpStatus.NO_CONTENT);
    for (String review : reviews.subList(2, REKTORER)) {
      rest.post("samordnare1", "/task/" + review + "/submit-form", approve, HttpStatus.NO_CONTENT);
    }
    rest.executeJob(roundId, "Timer_ApplicationDeadline");

    // The meeting decides (no team this term), and every rektor gets the decision to read.
    await(() -> count(rest.getQuietly("samordnare1", "/task?processInstanceId=" + roundId + "&taskDefinitionKey=Task_DecideAllocation")) == 1);
    String meeting = rest.single(rest.get("samordnare1", "/task?processInstanceId=" + roundId + "&taskDefinitionKey=Task_DecideAllocation")).get("id").asText();
    JsonNode value = rest.get("samordnare1", "/task/" + meeting + "/form-variables?deserializeValues=false").get("decisions").get("value");
    ArrayNode rows = (ArrayNode) (value.isTextual() ? json.readTree(value.asText()) : value);
    rows.forEach(row -> ((ObjectNode) row).put("outcome", "NOT_GRANTED").put("motivation", "Teamet arbetar inte i skolorna denna termin.").putNull("daysPerWeek").set("members", json.createArrayNode()));
    rest.post("samordnare1", "/task/" + meeting + "/submit-form", RestSteps.variables(Map.of("decisions", RestSteps.json(rows.toString()), "meetingAttendees", RestSteps.json("[\"rektor1\"]"))), HttpStatus.NO_CONTENT);
    awaitTasks("Task_AcknowledgeDecision", REKTORER);

    // Six rektorer read the decision in the same second: all succeed.
    List<Callable<ResponseEntity<String>>> reads = new ArrayList<>();
    for (int i = 1; i <= REKTORER; i++) {
      String rektor = "rektor" + i;
      String told = rest.single(rest.get(rektor, "/task?assignee=" + rektor + "&taskDefinitionKey=Task_AcknowledgeDecision")).get("id").asText();
      reads.add(() -> rest.postRaw(rektor, "/task/" + told + "/complete", Map.of()));
    }
    long released = System.nanoTime();
    assertThat(atOnce(reads)).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.NO_CONTENT);
    double answered = (System.nanoTime() - released) / 1e9;

    // The joins run as jobs; a job that collides is retried by the job executor, never seen by a person.
    await(() -> count(rest.getQuietly(ADMIN, "/process-instance?processInstanceIds=" + roundId)) == 0);
    System.out.printf("RACE %d simultaneous completions all answered within %.2f s; round ended %.2f s after the release%n",
        REKTORER, answered, (System.nanoTime() - released) / 1e9);
    assertThat(rest.get(ADMIN, "/history/process-instance?processInstanceId=" + roundId).get(0).get("state").asText()).isEqualTo("COMPLETED");
    assertThat(rest.get(ADMIN, "/incident")).isEmpty();
  }

  @Test
  void theRektorAndTheTeamMembersEvaluatingAtTheSameSecondAllSucceed() throws Exception {
    rest = new RestSteps(http, false);
    Unit unit = units.save(new Unit("22100001", "Skola E", SchoolForm.GRUNDSKOLA_7_9, "rektore"));
    scenario.staff("rektore", Roles.REKTORER);
    scenario.staff(ADMIN, Roles.ADMINISTRATORS);
    List<String> members = List.of("teame1", "teame2", "teame3");
    for (String member : members) {
      scenario.staff(member, Roles.QUALITY_TEAM);
    }
    scenario.municipalityWith(); // no unit is invited to rounds: this test needs only the assignment
    for (String member : members) {
      teamMembers.save(new se.kvalitetsarbete.organisation.TeamMember(member, "Teammedlem " + member,
          List.of(se.kvalitetsarbete.organisation.Speciality.KOLLEGIALT_LARANDE)));
    }
    Long decisionId = scenario.grantedDecision(unit, members).getId();
    String assignment = runtime.startProcessInstanceByKey("Assignment", org.camunda.bpm.engine.variable.Variables.putValue("decisionId", decisionId)).getId();

    String kickOff = rest.single(rest.get("teame1", "/task?candidateUser=teame1&processInstanceId=" + assignment)).get("id").asText();
    rest.post("teame1", "/task/" + kickOff + "/claim", Map.of("userId", "teame1"), HttpStatus.NO_CONTENT);
    rest.post("teame1", "/task/" + kickOff + "/submit-form", RestSteps.variables(Map.of("goals", "Samtal i smågrupp.",
        "supportForms", RestSteps.json("[\"SAMUNDERVISNING\"]"), "kickOffParticipants", "Arbetslag 7",
        "carrier", scenario.teacherOf(unit, "forstee"))), HttpStatus.NO_CONTENT);
    rest.executeJob(assignment, "Timer_TermEnds");
    String closing = rest.single(rest.get("teame1", "/task?processInstanceId=" + assignment + "&taskDefinitionKey=Task_HoldClosingConversation")).get("id").asText();
    rest.post("teame1", "/task/" + closing + "/submit-form", RestSteps.variables(Map.of("closingSummary", "Klart.",
        "continuationPlan", "Arbetslaget fortsätter.", "handOverDone", "YES")), HttpStatus.NO_CONTENT);

    List<Callable<ResponseEntity<String>>> evaluations = new ArrayList<>();
    for (JsonNode survey : rest.get(ADMIN, "/task?processInstanceId=" + assignment + "&taskDefinitionKey=Task_EvaluateAssignment")) {
      String respondent = survey.get("assignee").asText();
      String id = survey.get("id").asText();
      evaluations.add(() -> rest.postRaw(respondent, "/task/" + id + "/submit-form", RestSteps.variables(Scenario.evaluation())));
    }
    assertThat(evaluations).as("the rektor, three team members and who carries the work on").hasSize(5);
    assertThat(atOnce(evaluations)).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.NO_CONTENT);

    // The join runs as a job: then the follow-up conversations are planned.
    await(() -> count(rest.getQuietly(ADMIN, "/job?processInstanceId=" + assignment + "&activityId=Timer_FollowUpDue")) == 3);
    assertThat(rest.get(ADMIN, "/incident?processInstanceId=" + assignment)).isEmpty();
  }

  private void awaitTasks(String taskDefinitionKey, int expected) throws Exception {
    await(() -> count(rest.getQuietly(ADMIN, "/task?taskDefinitionKey=" + taskDefinitionKey)) == expected);
  }

  private static int count(JsonNode list) {
    return list == null ? -1 : list.size();
  }

  /** Waits for the job executor (it runs in the background), at most a minute. */
  private static void await(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + 60_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("the job executor finished in time").isLessThan(end);
      Thread.sleep(100);
    }
  }

  /** All the requests, released at the same moment from their own threads. */
  private static List<ResponseEntity<String>> atOnce(List<Callable<ResponseEntity<String>>> requests) throws Exception {
    CyclicBarrier start = new CyclicBarrier(requests.size());
    ExecutorService threads = Executors.newFixedThreadPool(requests.size());
    try {
      List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
      for (Callable<ResponseEntity<String>> request : requests) {
        answers.add(threads.submit(() -> {
          start.await();
          return request.call();
        }));
      }
      List<ResponseEntity<String>> result = new ArrayList<>();
      for (Future<ResponseEntity<String>> answer : answers) {
        result.add(answer.get());
      }
      return result;
    } finally {
      threads.shutdownNow();
    }
  }

  private String message(ResponseEntity<String> response) throws Exception {
    return json.readTree(response.getBody()).get("message").asText();
  }

  /** A Swedish reason, without exception class names or stack traces. */
  private void assertSwedishRefusal(ResponseEntity<String> response) throws Exception {
    assertThat(message(response).toLowerCase(java.util.Locale.ROOT)).as(response.getBody()).containsAnyOf("någon annan", "finns inte längre", "redan");
    assertThat(response.getBody()).doesNotContain("Exception\"", "org.camunda", "ENGINE-", "\tat ", "java.");
  }
}
