package se.kvalitetsarbete;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.kvalitetsarbete.allocation.AllocationDecision;
import se.kvalitetsarbete.allocation.AllocationDecisionRepository;
import se.kvalitetsarbete.allocation.NeedsDescription;
import se.kvalitetsarbete.allocation.NeedsDescriptionRepository;
import se.kvalitetsarbete.assignment.Assignment;
import se.kvalitetsarbete.assignment.AssignmentRepository;
import se.kvalitetsarbete.assignment.CheckIn;
import se.kvalitetsarbete.assignment.CheckInRepository;
import se.kvalitetsarbete.assignment.EvaluationRepository;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Speciality;
import se.kvalitetsarbete.organisation.TeamMember;
import se.kvalitetsarbete.organisation.TeamMemberRepository;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;
import se.kvalitetsarbete.security.Roles;

/**
 * The whole application on PostgreSQL: one round, driven through the REST API the way Tasklist
 * drives it (read form variables, claim, submit the form), from needs descriptions through the
 * meeting to an assignment and its follow-up conversations.
 */
// One process engine per JVM is registered by name: each class closes its own.
@RestOnPostgresTest
class TermAllocationOnPostgresTest {

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
    FreshPostgres.use(registry, "kvalitetsarbete_it");
  }

  @Autowired TestRestTemplate http;
  @Autowired UnitRepository units;
  @Autowired TeamMemberRepository members;
  @Autowired NeedsDescriptionRepository descriptions;
  @Autowired AllocationDecisionRepository decisions;
  @Autowired AssignmentRepository assignments;
  @Autowired CheckInRepository checkIns;
  @Autowired EvaluationRepository evaluations;

  @Autowired Scenario scenario;

  static final String ADMIN = RestSteps.ADMIN;
  RestSteps rest;

  final ObjectMapper json = new ObjectMapper();

  @Test
  void theApplicationRunsOnADatabaseOfItsOwnOnPostgreSql(@Autowired JdbcTemplate jdbc) {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL ");
    assertThat(jdbc.queryForObject("select current_database()", String.class)).startsWith("kvalitetsarbete_it_");
  }

  /**
   * Tasklist's lists and counts are planned with their values, on statistics of the permission
   * bits (EngineTuning): otherwise a group's task count takes seconds (docs/benchmarks.md). Other
   * statements keep PostgreSQL's own choice, which spares planning them every time.
   */
  @Test
  void tasklistsQueriesArePlannedWithTheirValuesOnStatisticsOfThePermissions(@Autowired JdbcTemplate jdbc,
      @Autowired org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engine) {
    assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("auto");
    String[] seen = new String[1];
    org.camunda.bpm.engine.impl.TaskQueryImpl tasklistQuery = new org.camunda.bpm.engine.impl.TaskQueryImpl(engine.getCommandExecutorTxRequired()) {
      @Override
      public long executeCount(org.camunda.bpm.engine.impl.interceptor.CommandContext context) {
        try (var statement = context.getDbSqlSession().getSqlSession().getConnection().createStatement();
            var result = statement.executeQuery("show plan_cache_mode")) {
          result.next();
          seen[0] = result.getString(1);
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
        return super.executeCount(context);
      }
    };
    tasklistQuery.taskCandidateGroup("coordinators").count();
    assertThat(seen[0]).isEqualTo("force_custom_plan");
    assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).as("only for that transaction").isEqualTo("auto");
    assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
    assertThat(jdbc.queryForObject("select count(*) from pg_statistic_ext where stxname = 'kv_stat_auth_perms'", Integer.class))
        .isOne();
  }

  @Test
  void oneRoundFromNeedsDescriptionsToFollowedUpAssignment() throws Exception {
    rest = new RestSteps(http);
    Unit school = units.save(new Unit("21000001", "Ängsskolan F–3", SchoolForm.GRUNDSKOLA_F3, "rektor1"));
    Unit preschool = units.save(new Unit("21000002", "Solrosens förskola", SchoolForm.FORSKOLA, "rektor2"));
    for (int i = 1; i <= 7; i++) {
      members.save(new TeamMember("team" + i, "Teammedlem " + i, List.of(Speciality.values()[i % 6]), new BigDecimal("3.5")));
      scenario.staff("team" + i, Roles.QUALITY_TEAM);
    }
    scenario.staff("rektor1", Roles.REKTORER);
    scenario.staff("rektor2", Roles.REKTORER);
    scenario.staff("samordnare1", Roles.COORDINATORS);
    scenario.staff(ADMIN, Roles.ADMINISTRATORS);

    // A coordinator opens the round from Tasklist's start form.
    JsonNode round = rest.post("samordnare1", "/process-definition/key/TermAllocation/submit-form", RestSteps.variables(Map.of(
        "termSeason", "HT", "termYear", 2031, "applicationDeadline", LocalDate.now().plusWeeks(3).toString())), HttpStatus.OK);
    String roundId = round.get("id").asText();

    // rektor1 writes: first incomplete (refused, nothing stored), then complete.
    String write = rest.single(rest.get("rektor1", "/task?assignee=rektor1&taskDefinitionKey=Task_WriteNeedsDescription")).get("id").asText();
    JsonNode form = rest.get("rektor1", "/task/" + write + "/form-variables?deserializeValues=false");
    assertThat(form.get("unitName").get("value").asText()).isEqualTo("Ängsskolan F–3");
    assertThat(form.get("wantedSupport").get("type").asText()).as("Tasklist submits a checklist with the variable's type").isEqualTo("Json");
    assertThat(form.get("restsOnAnalysis").get("type").asText()).isEqualTo("Boolean");
    ResponseEntity<String> refused = rest.postRaw("rektor1", "/task/" + write + "/submit-form",
        RestSteps.variables(Map.of("application", "APPLY")));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(refused.getBody()).get("message").asText())
        .contains("Utvecklingsbehov: fältet måste fyllas i.", "Målgrupp: fältet måste fyllas i.");
    assertThat(descriptions.findAll()).allMatch(d -> d.getStatus() == NeedsDescription.Status.DRAFT && d.getNeeds() == null);

    Map<String, Object> needs = Scenario.needsDescriptionOverRest();
    needs.put("basis", "Kartläggningen Hitta språket visar att en tredjedel behöver extra stöd.");
    rest.post("rektor1", "/task/" + write + "/submit-form", RestSteps.variables(needs), HttpStatus.NO_CONTENT);

    // rektor2 does not apply this term.
    String other = rest.single(rest.get("rektor2", "/task?assignee=rektor2&taskDefinitionKey=Task_WriteNeedsDescription")).get("id").asText();
    rest.post("rektor2", "/task/" + other + "/submit-form", RestSteps.variables(Map.of("application", "DECLINE")), HttpStatus.NO_CONTENT);

    // A coordinator claims the review from the group's list and approves.
    String review = rest.single(rest.get("samordnare1", "/task?candidateGroup=coordinators&taskDefinitionKey=Task_ReviewNeedsDescription")).get("id").asText();
    rest.post("samordnare1", "/task/" + review + "/claim", Map.of("userId", "samordnare1"), HttpStatus.NO_CONTENT);
    assertThat(rest.get("samordnare1", "/task/" + review + "/form-variables?deserializeValues=false").get("needsSummary").get("value").asText()).contains("Hitta språket");
    rest.post("samordnare1", "/task/" + review + "/submit-form", RestSteps.variables(Map.of("reviewOutcome", "APPROVE", "analysisConfirmed", "CONFIRMED", "reviewComment", "")), HttpStatus.NO_CONTENT);

    // The deadline passes.
    rest.executeJob(roundId, "Timer_ApplicationDeadline");

    // The meeting: days out of range are refused with the field named, then the decision is recorded.
    String meeting = rest.single(rest.get("samordnare1", "/task?processInstanceId=" + roundId + "&taskDefinitionKey=Task_DecideAllocation")).get("id").asText();
    JsonNode meetingForm = rest.get("samordnare1", "/task/" + meeting + "/form-variables?deserializeValues=false");
    JsonNode decisionsValue = meetingForm.get("decisions").get("value");
    ArrayNode rows = (ArrayNode) (decisionsValue.isTextual() ? json.readTree(decisionsValue.asText()) : decisionsValue);
    assertThat(rows).hasSize(1);
    ObjectNode row = (ObjectNode) rows.get(0);
    row.put("outcome", "GRANTED");
    row.set("members", json.valueToTree(List.of("team1", "team2")));
    row.put("daysPerWeek", 4.5);
    ResponseEntity<String> outOfRange = rest.postRaw("samordnare1", "/task/" + meeting + "/submit-form",
        RestSteps.variables(Map.of("decisions", RestSteps.json(rows.toString()), "meetingAttendees", RestSteps.json("[\"rektor1\"]"))));
    assertThat(outOfRange.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(outOfRange.getBody()).contains("ange ett värde mellan 0,5 och 4");
    row.put("daysPerWeek", 2.5);
    row.put("motivation", "");
    rest.post("samordnare1", "/task/" + meeting + "/submit-form", RestSteps.variables(Map.of("decisions", RestSteps.json(rows.toString()), "meetingAttendees", RestSteps.json("[\"rektor1\"]"))), HttpStatus.NO_CONTENT);

    AllocationDecision decision = decisions.findAll().get(0);
    assertThat(decision.getOutcome()).isEqualTo(AllocationDecision.Outcome.GRANTED);
    assertThat(decision.memberIds()).containsExactly("team1", "team2");
    assertThat(decision.getMotivation()).as("an empty text box is no motivation").isNull();
    JsonNode published = json.readTree(rest.as("rektor2").getForObject("/api/allocation-decisions", String.class));
    assertThat(published.get(0).get("unit").asText()).isEqualTo("Ängsskolan F–3");
    assertThat(published.get(0).get("priorityReason").asText()).contains("analys av resultat");

    // The rektor is told.
    String told = rest.single(rest.get("rektor1", "/task?assignee=rektor1&taskDefinitionKey=Task_AcknowledgeDecision")).get("id").asText();
    assertThat(rest.get("rektor1", "/task/" + told + "/form-variables?deserializeValues=false").get("decisionText").get("value").asText()).contains("Beviljas");
    rest.post("rektor1", "/task/" + told + "/complete", Map.of(), HttpStatus.NO_CONTENT);

    // The assignment: kick-off, the term ends, closing, evaluation by all three.
    String assignmentId = rest.single(rest.get("samordnare1", "/process-instance?superProcessInstance=" + roundId)).get("id").asText();
    String kickOff = rest.single(rest.get("team1", "/task?candidateUser=team1&processInstanceId=" + assignmentId)).get("id").asText();
    rest.post("team1", "/task/" + kickOff + "/claim", Map.of("userId", "team1"), HttpStatus.NO_CONTENT);
    JsonNode kickOffForm = rest.get("team1", "/task/" + kickOff + "/form-variables?deserializeValues=false");
    assertThat(kickOffForm.get("supportForms").get("type").asText()).isEqualTo("Json");
    assertThat(kickOffForm.get("orderSummary").get("value").asText()).contains("Beviljat: Teammedlem 1, Teammedlem 2, 2,5 dagar per vecka var.");
    String carrier = scenario.teacherOf(school, "forsteangs");
    String teacher = scenario.teacherOf(school, "larareangs");
    // Only the unit's own staff can be named to carry the work on: the preschool's teacher is refused.
    String otherUnitsTeacher = scenario.teacherOf(preschool, "lararesolros");
    ResponseEntity<String> stranger = rest.postRaw("team1", "/task/" + kickOff + "/submit-form", RestSteps.variables(Map.of(
        "goals", "Samtal i smågrupp.", "supportForms", RestSteps.json("[\"SAMUNDERVISNING\"]"), "kickOffParticipants", "Arbetslag F-klass",
        "carrier", carrier, "teachers", RestSteps.json("[\"" + otherUnitsTeacher + "\"]"))));
    assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(stranger.getBody()).get("message").asText())
        .contains(otherUnitsTeacher + " hör inte till personalen på Ängsskolan F–3");
    assertThat(assignments.findAll()).singleElement().satisfies(a -> assertThat(a.getGoals()).as("nothing written").isNull());
    rest.post("team1", "/task/" + kickOff + "/submit-form", RestSteps.variables(Map.of("goals", "Alla barn i F-klass deltar i samtal i smågrupp.",
        "supportForms", RestSteps.json("[\"SAMUNDERVISNING\"]"), "kickOffParticipants", "Arbetslag F-klass",
        "carrier", carrier, "teachers", RestSteps.json("[\"" + teacher + "\"]"))), HttpStatus.NO_CONTENT);
    rest.executeJob(assignmentId, "Timer_TermEnds");
    String closing = rest.single(rest.get("team1", "/task?processInstanceId=" + assignmentId + "&taskDefinitionKey=Task_HoldClosingConversation")).get("id").asText();
    rest.post("team1", "/task/" + closing + "/submit-form", RestSteps.variables(Map.of("closingSummary", "Samtalsgrupper är införda.",
        "continuationPlan", "Arbetslaget fortsätter med samtalsgrupper varje vecka.", "handOverDone", "YES")), HttpStatus.NO_CONTENT);
    // Everyone named answers in a task of their own: the rektor, the team, who carries the work on, the teacher.
    JsonNode surveys = rest.get(ADMIN, "/task?processInstanceId=" + assignmentId + "&taskDefinitionKey=Task_EvaluateAssignment");
    assertThat(surveys).extracting(t -> t.get("assignee").asText()).containsExactlyInAnyOrder("rektor1", "team1", "team2", carrier, teacher);
    for (JsonNode survey : surveys) {
      rest.post(survey.get("assignee").asText(), "/task/" + survey.get("id").asText() + "/submit-form",
          RestSteps.variables(Scenario.evaluation()), HttpStatus.NO_CONTENT);
    }

    // Follow-up conversations: 1, 3 and 6 months after closing; the last asks for more support.
    JsonNode followUpTimers = rest.get(ADMIN, "/job?processInstanceId=" + assignmentId + "&activityId=Timer_FollowUpDue");
    assertThat(followUpTimers).hasSize(3);
    for (JsonNode timer : followUpTimers) {
      rest.post(ADMIN, "/job/" + timer.get("id").asText() + "/execute", null, HttpStatus.NO_CONTENT);
    }
    JsonNode followUps = rest.get("team1", "/task?processInstanceId=" + assignmentId + "&taskDefinitionKey=Task_HoldFollowUpConversation");
    assertThat(followUps).hasSize(3);
    for (int i = 0; i < 3; i++) {
      boolean more = i == 2;
      rest.post("team1", "/task/" + followUps.get(i).get("id").asText() + "/submit-form", RestSteps.variables(Map.of(
          "followUpOutcome", "Samtalsgrupperna fortsätter.", "moreSupportNeeded", more,
          "supportNeeded", more ? "Stöd att införa samtalsgrupper i åk 1." : "")), HttpStatus.NO_CONTENT);
    }

    assertThat(rest.get(ADMIN, "/process-instance?processInstanceIds=" + assignmentId)).isEmpty();
    assertThat(rest.get(ADMIN, "/process-instance?processInstanceIds=" + roundId)).isEmpty();
    Assignment stored = assignments.findAll().get(0);
    assertThat(stored.getStatus()).isEqualTo(Assignment.Status.CLOSED);
    assertThat(stored.getContinuationPlan()).startsWith("Arbetslaget fortsätter");
    assertThat(checkIns.findByAssignmentIdAndKindOrderByIdAsc(stored.getId(), CheckIn.Kind.FOLLOW_UP))
        .hasSize(3).allMatch(f -> f.getHeldAt() != null);
    assertThat(evaluations.findByAssignmentId(stored.getId())).extracting(se.kvalitetsarbete.assignment.Evaluation::getRole)
        .containsExactlyInAnyOrder("REKTOR", "TEAM_MEMBER", "TEAM_MEMBER", "CARRIER", "TEACHER");
    assertThat(descriptions.findFirstByUnitIdAndRoundIsNullAndStatus(school.getId(), NeedsDescription.Status.DRAFT))
        .get().extracting(NeedsDescription::getNeeds).asString().contains("åk 1");
    assertThat(descriptions.findAll()).filteredOn(d -> d.getUnit().getId().equals(preschool.getId()))
        .extracting(NeedsDescription::getStatus).containsExactly(NeedsDescription.Status.DECLINED);
  }
}
