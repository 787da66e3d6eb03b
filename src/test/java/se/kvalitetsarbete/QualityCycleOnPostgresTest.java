package se.kvalitetsarbete;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;
import se.kvalitetsarbete.quality.ActionFollowUp;
import se.kvalitetsarbete.quality.ActionFollowUpRepository;
import se.kvalitetsarbete.quality.QualityPlan;
import se.kvalitetsarbete.quality.QualityPlanRepository;
import se.kvalitetsarbete.security.Roles;

/**
 * Two school years for three units on PostgreSQL, through the REST API as the administration, the
 * rektorer and the head of school form use it: year two's "Hur blev det?" shows year one's actions.
 */
@RestOnPostgresTest
class QualityCycleOnPostgresTest {

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
    FreshPostgres.use(registry, "kvalitetsarbete_ska_it");
  }

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @Autowired UnitRepository units;
  @Autowired QualityPlanRepository plans;
  @Autowired ActionFollowUpRepository followUps;

  RestSteps rest;

  @Test
  void theApplicationRunsOnADatabaseOfItsOwnOnPostgreSql(@Autowired JdbcTemplate jdbc) {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL ");
    assertThat(jdbc.queryForObject("select current_database()", String.class)).startsWith("kvalitetsarbete_ska_it_");
  }

  @Test
  void theRedThreadRunsFromOneSchoolYearToTheNext() throws Exception {
    rest = new RestSteps(http);
    List<Unit> schools = List.of(
        units.save(new Unit("31000001", "Norrskolan F–3", SchoolForm.GRUNDSKOLA_F3, "rektorA")),
        units.save(new Unit("31000002", "Mellanskolan 4–6", SchoolForm.GRUNDSKOLA_4_6, "rektorB")),
        units.save(new Unit("31000003", "Söderskolan 7–9", SchoolForm.GRUNDSKOLA_7_9, "rektorC")));
    schools.forEach(u -> scenario.staff(u.getRektorUserId(), Roles.REKTORER));
    scenario.staff("forvaltning1", Roles.ADMINISTRATION);
    scenario.staff("verksamhetschef1", Roles.HEADS_OF_SCHOOL_FORMS);
    scenario.staff("verksamhetschef1", Roles.headsOf("GRUNDSKOLA"));
    scenario.staff("forskolechef1", Roles.headsOf("FORSKOLA"));
    scenario.staff(RestSteps.ADMIN, Roles.ADMINISTRATORS);

    runSchoolYear("2031/32", schools, "Lässtrategier i alla ämnen");
    for (Unit school : schools) {
      QualityPlan first = plans.findByUnitIdAndSchoolYearLabel(school.getId(), "2031/32").orElseThrow();
      assertThat(first.getStatus()).isEqualTo(QualityPlan.Status.APPROVED);
    }

    // The records, to print and archive: a rektor reads their own plan; the administration all and the report.
    JsonNode ownPlans = json(rest.as("rektorA").getForEntity("/api/quality-plans?schoolYear=2031/32", String.class));
    assertThat(ownPlans).singleElement().satisfies(p -> assertThat(p.get("unit").asText()).isEqualTo("Norrskolan F–3"));
    JsonNode allPlans = json(rest.as("forvaltning1").getForEntity("/api/quality-plans?schoolYear=2031/32", String.class));
    assertThat(allPlans).hasSize(3);
    String otherPlan = java.util.stream.StreamSupport.stream(allPlans.spliterator(), false)
        .filter(p -> p.get("unit").asText().equals("Söderskolan 7–9")).findFirst().orElseThrow().get("id").asText();
    assertThat(rest.as("rektorA").getForEntity("/api/quality-plans/" + otherPlan + "/text", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.as("forvaltning1").getForObject("/api/quality-plans/" + otherPlan + "/text", String.class))
        .contains("RESULTATDEL", "ANALYSDEL", "UTVECKLINGSDEL", "ÅTERKOPPLING OCH SVAR", "Tack, det gör vi.");
    String norrskolan = ownPlans.get(0).get("id").asText();
    assertThat(rest.as("rektorA").getForObject("/api/quality-plans/" + norrskolan + "/text", String.class))
        .as("the whole exchange is printed with the plan")
        .contains("verksamhetschef1 (analysdelen):\nHur vet ni att lässtrategierna gav effekt?", "rektorA (analysdelen):\nVi jämför screeningarna.");
    assertThat(rest.as("forvaltning1").getForObject("/api/quality-plans/board-report?schoolYear=2031/32", String.class))
        .contains("Kvalitetsrapport till barn- och utbildningsnämnden, läsåret 2031/32");
    assertThat(rest.as("rektorA").getForEntity("/api/quality-plans/board-report?schoolYear=2031/32", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // Year two: each rektor's "Hur blev det?" lists last year's action.
    String year = startAndPrepare("2032/33");
    for (Unit school : schools) {
      String followUp = rest.single(rest.get(school.getRektorUserId(), "/task?assignee=" + school.getRektorUserId()
          + "&taskDefinitionKey=Task_FollowUpLastYear")).get("id").asText();
      ArrayNode lastYear = (ArrayNode) rest.jsonValue(rest.formVariables(school.getRektorUserId(), followUp), "lastYearActions");
      assertThat(lastYear).singleElement().satisfies(row ->
          assertThat(row.get("actionText").asText()).contains("Lässtrategier i alla ämnen " + school.getCode()));
      answerFollowUp(school.getRektorUserId(), followUp, lastYear);
    }
    QualityPlan firstOfNorrskolan = plans.findByUnitIdAndSchoolYearLabel(schools.get(0).getId(), "2031/32").orElseThrow();
    assertThat(followUps.findByActionPlanIdOrderById(firstOfNorrskolan.getId()))
        .filteredOn(f -> f.getKind() == ActionFollowUp.Kind.YEAR_END)
        .singleElement().satisfies(f -> assertThat(f.getEffect()).isEqualTo("Fler elever läser med flyt."));
    assertThat(rest.get("forvaltning1", "/process-instance?superProcessInstance=" + year)).hasSize(3);
  }

  private void runSchoolYear(String label, List<Unit> schools, String action) throws Exception {
    String year = startAndPrepare(label);
    for (Unit school : schools) {
      String rektor = school.getRektorUserId();
      String plan = rest.single(rest.get(rektor, "/task?assignee=" + rektor + "&taskDefinitionKey=Task_FollowUpLastYear"))
          .get("processInstanceId").asText();
      String followUp = rest.task(rektor, plan, "Task_FollowUpLastYear");
      answerFollowUp(rektor, followUp, (ArrayNode) rest.jsonValue(rest.formVariables(rektor, followUp), "lastYearActions"));
      rest.submit(rektor, rest.task(rektor, plan, "Task_SelfAssessManagement"), Map.of("pedagogiskLedning", "3",
          "larandeOrganisation", "2", "malOchResultatstyrning", "3", "kvalitetIUndervisningen", "2", "studieroNotes", "Lugnt."));
      String staff = rest.task(rektor, plan, "Task_SelfAssessStaff");
      rest.post(rektor, "/task/" + staff + "/claim", Map.of("userId", rektor), HttpStatus.NO_CONTENT);
      rest.submit(rektor, staff, Map.of("pedagogiskLedning", "2", "larandeOrganisation", "2", "malOchResultatstyrning", "2",
          "kvalitetIUndervisningen", "3", "staffTeam", "Arbetslag 1"));
      writeAnalysis(rektor, plan);
      String development = rest.task(rektor, plan, "Task_WriteDevelopmentPart");
      ArrayNode rows = (ArrayNode) rest.jsonValue(rest.formVariables(rektor, development), "actions");
      assertThat(rows).as("the shared area is pre-filled").extracting(r -> r.get("areaTitle").asText()).containsExactly("Läsförståelse");
      ObjectNode row = (ObjectNode) rows.get(0);
      row.put("wantedImprovement", "Fler elever når kraven i läsning.");
      row.put("what", action + " " + school.getCode());
      row.put("why", "Analysen visar brister i läsförståelse.");
      row.put("responsible", "Rektor");
      row.put("timeline", "Hela läsåret");
      row.put("followUpHow", "Screening i november och februari.");
      rest.submit(rektor, development, Map.of("actions", RestSteps.json(rows.toString())));
      assertThat(rest.get("forskolechef1", "/task?processInstanceId=" + plan)).as("not the preschools' head").isEmpty();
      String feedback = rest.task("verksamhetschef1", plan, "Task_GiveFeedback");
      assertThat(rest.formVariables("verksamhetschef1", feedback).get("planSummary").get("value").asText()).contains(action);
      if (school == schools.get(0)) {
        // A dialogue, not a gate: back to the analysis, the rektor answers, revises, and it comes again.
        rest.submit("verksamhetschef1", feedback, Map.of("feedbackDecision", "RETURN", "returnTo", "ANALYSIS",
            "feedbackComment", "Hur vet ni att lässtrategierna gav effekt?"));
        rest.submit(rektor, rest.task(rektor, plan, "Task_AnswerFeedback"), Map.of("feedbackAnswer", "Vi jämför screeningarna."));
        writeAnalysis(rektor, plan);
        String again = rest.task(rektor, plan, "Task_WriteDevelopmentPart");
        rest.submit(rektor, again, Map.of("actions", RestSteps.json(rest.jsonValue(rest.formVariables(rektor, again), "actions").toString())));
        feedback = rest.task("verksamhetschef1", plan, "Task_GiveFeedback");
      }
      rest.submit("verksamhetschef1", feedback, Map.of("feedbackDecision", "APPROVE"));
    }
    // Every plan approved: the organiser's plan starts now, not after the units' February follow-ups.
    String summary = rest.task("forvaltning1", year, "Task_WriteOrganiserSummary");
    rest.submit("forvaltning1", summary, Map.of("organiserAnalysis", "Läsförståelsen följs upp i alla enheter.",
        "nextYearAreas", "Läsförståelse", "organiserFeedback", "Fortsätt följa upp läsningen."));
    String approve = rest.task("forvaltning1", year, "Task_ApproveBoardReport");
    assertThat(rest.formVariables("forvaltning1", approve).get("boardReport").get("value").asText()).contains("Planer: 3", "HUVUDMANNENS PLAN");
    rest.submit("forvaltning1", approve, Map.of("reportDecision", "APPROVE"));

    for (Unit school : schools) {
      String rektor = school.getRektorUserId();
      String read = rest.single(rest.get(rektor, "/task?assignee=" + rektor + "&taskDefinitionKey=Task_ReadOrganiserFeedback")).get("id").asText();
      String plan = rest.single(rest.get(rektor, "/task?assignee=" + rektor + "&taskDefinitionKey=Task_ReadOrganiserFeedback"))
          .get("processInstanceId").asText();
      assertThat(rest.formVariables(rektor, read).get("organiserFeedback").get("value").asText()).contains("Fortsätt följa upp läsningen.");
      rest.submit(rektor, read, Map.of("organiserFeedbackReply", "Tack, det gör vi."));
      for (int i = 0; i < 2; i++) {
        rest.executeJob(plan, "Timer_MidYearDue");
        String midYear = rest.task(rektor, plan, "Task_FollowUpActions");
        answer(rektor, midYear, "actionFollowUps", (ArrayNode) rest.jsonValue(rest.formVariables(rektor, midYear), "actionFollowUps"));
      }
    }
    assertThat(rest.get(RestSteps.ADMIN, "/process-instance?processInstanceIds=" + year)).isEmpty();
  }

  private void writeAnalysis(String rektor, String plan) throws Exception {
    rest.submit(rektor, rest.task(rektor, plan, "Task_WriteAnalysis"), Map.of("analysisHistorical", "Över tid: stigande.",
        "analysisResources", "Kompetens finns.", "analysisOrganisation", "Tydlig ledning.", "analysisMethod", "Forskningsstöd.",
        "analysisEquity", "Skillnader mellan grupper."));
  }

  private JsonNode json(org.springframework.http.ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.getBody());
  }

  private String startAndPrepare(String label) throws Exception {
    String year = rest.post("forvaltning1", "/process-definition/key/SkaYearlyCycle/submit-form",
        RestSteps.variables(Map.of("schoolYear", label)), HttpStatus.OK).get("id").asText();
    rest.submit("forvaltning1", rest.task("forvaltning1", year, "Task_PrepareSchoolYear"), Map.of(
        "planDeadline", LocalDate.now().plusWeeks(6).toString(), "sharedAreasGrundskola", "Läsförståelse"));
    return year;
  }

  private void answerFollowUp(String rektor, String task, ArrayNode lastYear) throws Exception {
    for (JsonNode row : lastYear) {
      ((ObjectNode) row).put("done", "Lärgrupper varannan vecka.");
      ((ObjectNode) row).put("effect", "Fler elever läser med flyt.");
    }
    rest.submit(rektor, task, Map.of("lastYearActions", RestSteps.json(lastYear.toString()),
        "followUpSummary", "Vi såg, vi ändrade, det hände."));
  }

  private void answer(String rektor, String task, String list, ArrayNode rows) throws Exception {
    for (JsonNode row : rows) {
      ((ObjectNode) row).put("done", "Påbörjat.");
      ((ObjectNode) row).put("effect", "Tidigt att säga.");
    }
    rest.submit(rektor, task, Map.of(list, RestSteps.json(rows.toString())));
  }
}
