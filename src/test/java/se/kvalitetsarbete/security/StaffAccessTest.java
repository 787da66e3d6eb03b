package se.kvalitetsarbete.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.allocation.NeedsDescription;
import se.kvalitetsarbete.allocation.NeedsDescriptionRepository;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Unit;

/**
 * Teachers and other staff (group personal, and their unit's staff group) through REST: Tasklist
 * with the shared filters, every decision with its grounds, and their own unit's needs
 * descriptions once submitted, never drafts or other units'.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:staff-tests;DB_CLOSE_DELAY=-1",
    "kvalitet.admin.initial-password-file=target/staff-tests/initial-admin-password.txt",
    "camunda.bpm.job-execution.enabled=false"})
class StaffAccessTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired Scenario scenario;
  @Autowired StaffGroups staffGroups;
  @Autowired NeedsDescriptionRepository descriptions;
  @Autowired AuthorizationService authorizations;

  /** This class's own database: its terms need not come from the run's shared supply. */
  private static final java.util.concurrent.atomic.AtomicInteger NEXT_YEAR = new java.util.concurrent.atomic.AtomicInteger(2040);

  final ObjectMapper json = new ObjectMapper();
  Unit unitA;
  Unit unitB;
  String teacherA;
  String teacherB;
  ProcessInstance round;

  /** Unit A has sent its needs description; unit B's is still a draft. Each has a teacher. */
  @BeforeEach
  void twoUnitsWithATeacherEachInAnOpenRound() {
    List<Unit> units = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_F3, SchoolForm.GRUNDSKOLA_7_9);
    unitA = units.get(0);
    unitB = units.get(1);
    teacherA = "larare" + unitA.getCode();
    teacherB = "larare" + unitB.getCode();
    scenario.staff(teacherA, Roles.STAFF);
    scenario.staff(teacherA, staffGroups.ensureFor(unitA));
    scenario.staff(teacherB, Roles.STAFF);
    scenario.staff(teacherB, staffGroups.ensureFor(unitB));
    scenario.staff(unitA.getRektorUserId(), Roles.REKTORER);
    round = scenario.startRound(NEXT_YEAR.incrementAndGet());
    scenario.submitNeeds(scenario.needsDescriptionOf(round, unitA));
  }

  @Test
  void everyUnitGetsAStaffGroupWithAValidIdAtStartAndOnlyOnce() {
    Unit later = scenario.municipalityWith(SchoolForm.FORSKOLA).get(0);
    assertThat(identity.createGroupQuery().groupId(Roles.staffOf(later.getCode())).count()).isZero();

    staffGroups.onPostDeploy(null);
    staffGroups.onPostDeploy(null);

    List<Group> groups = identity.createGroupQuery().groupId(Roles.staffOf(later.getCode())).list();
    assertThat(groups).singleElement().satisfies(g -> {
      assertThat(g.getId()).matches("[a-z0-9]+").isEqualTo("personal" + later.getCode());
      assertThat(g.getName()).isEqualTo("Personal – " + later.getName());
    });
    assertThat(identity.createGroupQuery().groupId(Roles.STAFF).singleResult().getName()).isEqualTo("Personal");
    assertThat(Roles.staffOf("1234-56 01")).isEqualTo("personal12345601");
  }

  @Test
  void aTeacherUsesTasklistWithTheSharedFilters() throws Exception {
    ResponseEntity<String> filters = as(teacherA).getForEntity("/engine-rest/filter?resourceType=Task", String.class);
    assertThat(filters.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(filters.getBody())).extracting(f -> f.get("name").asText())
        .contains(AccessSetup.MY_TASKS, AccessSetup.GROUP_TASKS, AccessSetup.CANDIDATE_TASKS);
    String myTasks = json.readTree(filters.getBody()).findParents("name").stream()
        .filter(f -> f.get("name").asText().equals(AccessSetup.MY_TASKS)).findFirst().orElseThrow().get("id").asText();
    assertThat(as(teacherA).getForEntity("/engine-rest/filter/" + myTasks + "/list", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(identity.createUserQuery().userId(teacherA).memberOfGroup(Roles.STAFF).count()).isOne();
    assertThat(teacherMay("tasklist")).as("Tasklist").isTrue();
    assertThat(teacherMay("cockpit")).as("not Cockpit").isFalse();
  }

  @Test
  void aTeacherReadsEveryDecisionWithItsGrounds() throws Exception {
    scenario.grantedDecision(unitB, List.of("team1"));

    ResponseEntity<String> answer = as(teacherA).getForEntity("/api/allocation-decisions", String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(answer.getBody())).anySatisfy(d -> {
      assertThat(d.get("unit").asText()).isEqualTo(unitB.getName());
      assertThat(d.get("outcomeLabel").asText()).isEqualTo("Beviljas");
      assertThat(d.get("priorityReason").asText()).contains("analys av resultat");
    });
    assertThat(as(teacherA).getForEntity("/beslut.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aTeacherReadsTheirOwnUnitsSubmittedNeedsDescriptionButNoDraftAndNoOtherUnits() throws Exception {
    JsonNode ownA = list(teacherA);
    assertThat(ownA).hasSize(1);
    JsonNode submitted = ownA.get(0);
    assertThat(submitted.get("unit").asText()).isEqualTo(unitA.getName());
    assertThat(submitted.get("needs").asText()).contains("Läsförståelsen i åk 2");
    assertThat(submitted.get("basis").asText()).contains("nationella delproven");
    assertThat(submitted.get("targetGroup").asText()).isEqualTo("Åk 2, arbetslag Lila");
    assertThat(submitted.get("wantedSupport").asText()).isNotBlank().doesNotContain("SAMUNDERVISNING");
    assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(submitted.get("statusLabel").asText()).isEqualTo("Inskickad, granskas av samordnare");

    assertThat(descriptions.findAll()).as("unit B's draft exists")
        .anyMatch(d -> d.getUnit().getId().equals(unitB.getId()) && d.getStatus() == NeedsDescription.Status.DRAFT);
    assertThat(list(teacherB)).as("a draft of one's own unit is not shown").isEmpty();

    assertThat(list(unitA.getRektorUserId())).as("the rektor reads it too").hasSize(1);
    scenario.staff("team1", Roles.QUALITY_TEAM);
    assertThat(list("team1")).as("someone without a unit").isEmpty();
  }

  @Test
  void onceApprovedTheTeacherStillReadsItAndAnotherUnitsTeacherNever() throws Exception {
    scenario.review(scenario.needsDescriptionOf(round, unitA), "APPROVE", null);

    assertThat(list(teacherA)).singleElement().satisfies(d -> assertThat(d.get("status").asText()).isEqualTo("APPROVED"));
    assertThat(list(teacherB)).isEmpty();
  }

  private boolean teacherMay(String application) {
    List<String> groups = identity.createGroupQuery().groupMember(teacherA).list().stream().map(Group::getId).toList();
    return authorizations.isUserAuthorized(teacherA, groups, Permissions.ACCESS, Resources.APPLICATION, application);
  }

  private JsonNode list(String user) throws Exception {
    ResponseEntity<String> answer = as(user).getForEntity("/api/needs-descriptions", String.class);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(answer.getBody());
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, Scenario.PASSWORD);
  }
}
