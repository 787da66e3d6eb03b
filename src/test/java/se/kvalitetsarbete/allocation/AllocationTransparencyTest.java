package se.kvalitetsarbete.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.security.Roles;
import se.kvalitetsarbete.security.StaffGroups;

/**
 * What the allocation shows to whom, through REST as real users: the draft to the teachers who
 * write it with their rektor (and to nobody else), the meeting pack to rektorer and coordinators,
 * the criteria to everyone logged in.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:transparency-tests;DB_CLOSE_DELAY=-1",
    "kvalitet.admin.initial-password-file=target/transparency-tests/initial-admin-password.txt",
    "camunda.bpm.job-execution.enabled=false"})
class AllocationTransparencyTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @Autowired StaffGroups staffGroups;
  @Autowired NeedsCommentRepository comments;
  @Autowired NeedsDescriptionRepository descriptions;
  @Autowired TaskService tasks;

  /** This class's own database: its terms need not come from the run's shared supply. */
  private static final java.util.concurrent.atomic.AtomicInteger NEXT_YEAR = new java.util.concurrent.atomic.AtomicInteger(2060);

  final ObjectMapper json = new ObjectMapper();
  Unit unitA;
  Unit unitB;
  String coWriter;
  String colleague;
  String teacherB;
  ProcessInstance round;
  ProcessInstance needsA;
  Long draftA;

  /** Unit A's rektor has shared a draft with one of the unit's teachers; unit B has a teacher too. */
  @BeforeEach
  void aRektorSharesTheDraftWithOneTeacher() {
    List<Unit> units = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_F3, SchoolForm.GRUNDSKOLA_7_9);
    unitA = units.get(0);
    unitB = units.get(1);
    coWriter = teacher("larare" + unitA.getCode() + "a", unitA);
    colleague = teacher("larare" + unitA.getCode() + "b", unitA);
    teacherB = teacher("larare" + unitB.getCode(), unitB);
    scenario.staff(unitA.getRektorUserId(), Roles.REKTORER);
    scenario.staff(unitB.getRektorUserId(), Roles.REKTORER);
    scenario.staff("samordnare", Roles.COORDINATORS);
    round = scenario.startRound(NEXT_YEAR.incrementAndGet());
    needsA = scenario.needsDescriptionOf(round, unitA);
    scenario.complete(scenario.task(needsA, "Task_WriteNeedsDescription"), Map.of("application", "SHARE_DRAFT",
        "needs", "Läsförståelsen i åk 2, första utkast.", "coWriters", SpinValues.jsonValue("[\"" + coWriter + "\"]").create()));
    draftA = (Long) se.kvalitetsarbete.Scenario.formValue(scenario.task(needsA, "Task_WriteNeedsDescription").getId(), "needsDescriptionId");
  }

  @Test
  void aNamedTeacherReadsTheDraftAndCommentsAndTheRektorSeesItInTheOpenForm() throws Exception {
    JsonNode drafts = read(as(coWriter).getForEntity("/api/needs-descriptions/drafts", String.class), HttpStatus.OK);
    assertThat(drafts).singleElement().satisfies(d -> {
      assertThat(d.get("unit").asText()).isEqualTo(unitA.getName());
      assertThat(d.get("summary").asText()).contains("Läsförståelsen i åk 2, första utkast.");
    });

    JsonNode answer = read(as(coWriter).postForEntity("/api/needs-descriptions/" + draftA + "/comments",
        Map.of("text", "Nämn arbetslag Lila och resultaten från i våras."), String.class), HttpStatus.CREATED);
    assertThat(answer.get("comments")).singleElement().satisfies(c -> assertThat(c.get("author").asText()).isEqualTo(coWriter));

    String openForm = scenario.shown(scenario.task(needsA, "Task_WriteNeedsDescription").getId(), "draftComments");
    assertThat(openForm).contains(coWriter, "Nämn arbetslag Lila och resultaten från i våras.");
    assertThat(read(as(unitA.getRektorUserId()).getForEntity("/api/needs-descriptions/" + draftA + "/draft", String.class), HttpStatus.OK)
        .get("comments")).as("the rektor reads the comments too").hasSize(1);
    assertThat(as(coWriter).getForEntity("/utkast.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void attackAnotherUnitsRektorOrAnUnnamedTeacherCanNeitherReadNorCommentOnTheDraft() throws Exception {
    for (String intruder : List.of(unitB.getRektorUserId(), teacherB, colleague, "samordnare")) {
      ResponseEntity<String> readAttempt = as(intruder).getForEntity("/api/needs-descriptions/" + draftA + "/draft", String.class);
      assertThat(readAttempt.getStatusCode()).as(intruder + " reads").isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(readAttempt.getBody()).contains("inte namngiven som medskribent").doesNotContain("Läsförståelsen");
      ResponseEntity<String> commentAttempt = as(intruder).postForEntity("/api/needs-descriptions/" + draftA + "/comments",
          Map.of("text", "Ni borde inte få teamet."), String.class);
      assertThat(commentAttempt.getStatusCode()).as(intruder + " comments").isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(read(as(intruder).getForEntity("/api/needs-descriptions/drafts", String.class), HttpStatus.OK)).isEmpty();
    }
    assertThat(comments.findByNeedsDescriptionIdOrderByWrittenAtAscIdAsc(draftA)).as("nothing written").isEmpty();
    assertThat(scenario.shown(scenario.task(needsA, "Task_WriteNeedsDescription").getId(), "draftComments")).isNullOrEmpty();
  }

  @Test
  void aBlankOrUnknownCommentIsRefusedInSwedishAndNothingIsWritten() throws Exception {
    ResponseEntity<String> blank = as(coWriter).postForEntity("/api/needs-descriptions/" + draftA + "/comments", Map.of("text", "  "), String.class);
    assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(blank.getBody()).contains("Skriv en kommentar.");
    ResponseEntity<String> tooLong = as(coWriter).postForEntity("/api/needs-descriptions/" + draftA + "/comments",
        Map.of("text", "x".repeat(CoWriting.MAX_COMMENT + 1)), String.class);
    assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooLong.getBody()).contains("högst 2000 tecken");
    ResponseEntity<String> unknown = as(coWriter).getForEntity("/api/needs-descriptions/99999999/draft", String.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody()).contains("finns inte");
    assertThat(http.postForEntity("/api/needs-descriptions/" + draftA + "/comments", Map.of("text", "Anonym"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(comments.findByNeedsDescriptionIdOrderByWrittenAtAscIdAsc(draftA)).isEmpty();
  }

  @Test
  void everyRektorAndCoordinatorReadsTheMeetingPackWithEveryReviewedDescriptionInFull() throws Exception {
    ProcessInstance needsB = scenario.needsDescriptionOf(round, unitB);
    scenario.applyAndApprove(needsB);
    Long roundId = scenario.roundId(round);

    for (String reader : List.of(unitA.getRektorUserId(), unitB.getRektorUserId(), "samordnare")) {
      JsonNode pack = read(as(reader).getForEntity("/api/allocation-rounds/" + roundId + "/meeting-pack", String.class), HttpStatus.OK);
      assertThat(pack.get("descriptions")).as(reader).singleElement().satisfies(d -> {
        assertThat(d.get("unit").asText()).isEqualTo(unitB.getName());
        assertThat(d.get("description").asText()).contains("Läsförståelsen i åk 2", "nationella delproven", "Åk 2, arbetslag Lila",
            "Önskat stöd", "Önskade specialiteter", "Antal revideringar: 0");
      });
      assertThat(read(as(reader).getForEntity("/api/allocation-rounds", String.class), HttpStatus.OK))
          .anySatisfy(r -> assertThat(r.get("id").asLong()).isEqualTo(roundId));
    }
    assertThat(read(as(unitA.getRektorUserId()).getForEntity("/api/allocation-rounds/" + roundId + "/meeting-pack", String.class),
        HttpStatus.OK).toString()).as("a draft is not in the pack").doesNotContain("första utkast");
    assertThat(as("samordnare").getForEntity("/motesunderlag.html", String.class).getBody()).contains("@media print");
  }

  @Test
  void attackTeachersAndAnonymousCallersCannotReadTheMeetingPack() throws Exception {
    scenario.applyAndApprove(scenario.needsDescriptionOf(round, unitB));
    Long roundId = scenario.roundId(round);
    for (String outsider : List.of(teacherB, coWriter)) {
      ResponseEntity<String> attempt = as(outsider).getForEntity("/api/allocation-rounds/" + roundId + "/meeting-pack", String.class);
      assertThat(attempt.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(attempt.getBody()).contains("rektorerna och samordnarna").doesNotContain("Läsförståelsen");
      assertThat(as(outsider).getForEntity("/api/allocation-rounds", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(http.getForEntity("/api/allocation-rounds/" + roundId + "/meeting-pack", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> unknown = as("samordnare").getForEntity("/api/allocation-rounds/99999999/meeting-pack", String.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody()).contains("finns inte");
  }

  @Test
  void everyoneLoggedInReadsTheCriteriaAsTheDeployedTableStatesThem() throws Exception {
    JsonNode criteria = read(as(teacherB).getForEntity("/api/allocation-criteria", String.class), HttpStatus.OK);
    assertThat(criteria.get("rules")).anySatisfy(rule -> {
      assertThat(rule.get("points").asInt()).isEqualTo(3);
      assertThat(rule.get("reason").asText()).isEqualTo("Målgruppen är lågstadiet (förskoleklass–åk 3), kvalitetsteamets fokus");
      assertThat(rule.get("when").toString()).contains("Målgruppens årskurser: Förskoleklass–åk 3");
      assertThat(rule.get("note").asText()).contains("Lågstadiesatsningen");
    }).anySatisfy(rule -> assertThat(rule.get("when").toString()).contains("Vilar på resultatanalys (bekräftat av samordnaren): Ja"));
    assertThat(as(teacherB).getForEntity("/beslut.html", String.class).getBody()).contains("api/allocation-criteria");
    assertThat(http.getForEntity("/api/allocation-criteria", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private String teacher(String userId, Unit unit) {
    scenario.staff(userId, Roles.STAFF);
    scenario.staff(userId, staffGroups.ensureFor(unit));
    return userId;
  }

  private JsonNode read(ResponseEntity<String> answer, HttpStatus expected) throws Exception {
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(expected);
    return json.readTree(answer.getBody());
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, Scenario.PASSWORD);
  }
}
