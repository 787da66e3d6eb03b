package se.kvalitetsarbete;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import javax.sql.DataSource;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;
import se.kvalitetsarbete.quality.ActionFollowUp;
import se.kvalitetsarbete.quality.ActionFollowUpRepository;
import se.kvalitetsarbete.quality.QualityPlan;
import se.kvalitetsarbete.quality.QualityPlanRepository;
import se.kvalitetsarbete.quality.SchoolYear;
import se.kvalitetsarbete.quality.SchoolYears;
import se.kvalitetsarbete.quality.StaffTeamAssessmentRepository;
import se.kvalitetsarbete.quality.UnitPlanStarts;
import se.kvalitetsarbete.security.StaffGroups;
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
  @Autowired StaffGroups staffGroups;
  @Autowired StaffTeamAssessmentRepository teamAssessments;

  RestSteps rest;

  @Test
  void theApplicationRunsOnADatabaseOfItsOwnOnPostgreSql(@Autowired JdbcTemplate jdbc) {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL ");
    assertThat(jdbc.queryForObject("select current_database()", String.class)).startsWith("kvalitetsarbete_ska_it_");
  }

  /**
   * A batch (or a plan) telling its school year it is done takes the year's lock, and waits only
   * for another such report, never for the plans being started meanwhile, each of which inserts
   * rows that refer to the year: a lock that waited for them also held up every plan started after
   * it, and a country's school year started at a crawl (docs/benchmarks.md).
   */
  @Test
  void aReportToTheSchoolYearDoesNotWaitForThePlansBeingStarted(@Autowired SchoolYears years, @Autowired UnitPlanStarts starts,
      @Autowired DataSource data, @Autowired PlatformTransactionManager transactions, @Autowired JdbcTemplate jdbc) throws Exception {
    SchoolYear year = years.open(SchoolYear.label(2090), null);
    Unit unit = units.save(new Unit("31000090", "Lasskolan", SchoolForm.GRUNDSKOLA_F3, "rektorL"));
    jdbc.update("update school_year set open_plan_batches = 1 where id = ?", year.getId());

    try (Connection starting = data.getConnection()) {
      starting.setAutoCommit(false);
      try (PreparedStatement insert = starting.prepareStatement(
          "insert into unit_plan_start (school_year_id, unit_id, process_instance_id, started_at) values (?, ?, 'plan-being-started', now())")) {
        insert.setLong(1, year.getId());
        insert.setLong(2, unit.getId());
        insert.executeUpdate();
      }
      // Before, this waited for the uncommitted insert above and failed after the lock timeout.
      new TransactionTemplate(transactions).executeWithoutResult(status -> {
        jdbc.execute("set local lock_timeout = '3s'");
        starts.batchDone(year.getId());
      });
      starting.rollback();
    } finally {
      units.delete(unit); // not a unit of the other tests' school years
    }
    assertThat(starts.openBatches(year.getId())).isZero();
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
    Map<Unit, Long> teams = new java.util.HashMap<>();
    for (Unit school : schools) {
      scenario.staff(teacherOf(school), staffGroups.ensureFor(school));
      scenario.staff(teacherOf(school), Roles.STAFF);
      teams.put(school, arbetslag(school));
    }

    runSchoolYear("2031/32", schools, "Lässtrategier i alla ämnen");
    // The arbetslag reads the rektor's feedback on its self-assessment; another unit's teacher does not.
    JsonNode own = json(rest.as(teacherOf(schools.get(0))).getForEntity("/api/staff-teams/" + teams.get(schools.get(0))
        + "/self-assessments", String.class));
    assertThat(own).singleElement().satisfies(a -> {
      assertThat(a.get("feedback").asText()).isEqualTo("Tack för en ärlig skattning.");
      assertThat(a.get("scores")).isNotEmpty();
    });
    assertThat(rest.as(teacherOf(schools.get(2))).getForEntity("/api/staff-teams/" + teams.get(schools.get(0))
        + "/self-assessments", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
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
    assertThat(schools).as("the year started every school's plan").allSatisfy(school ->
        assertThat(plans.findByUnitIdAndSchoolYearLabel(school.getId(), "2032/33")).isPresent());
    assertThat(rest.get("forvaltning1", "/process-instance?superProcessInstance=" + year))
        .as("each plan an instance of its own, none called by the year").isEmpty();
    assertThat(followUps.goodExamples("2032/33")).as("the good examples named this year, for the organiser's plan")
        .extracting(ActionFollowUpRepository.GoodExample::unit)
        .containsExactly("Mellanskolan 4–6", "Norrskolan F–3", "Söderskolan 7–9");
  }

  @Test
  void theAdministrationKeepsTheNormallagenAndEveryoneReadsThem() throws Exception {
    rest = new RestSteps(http);
    scenario.staff("forvaltning2", Roles.ADMINISTRATION);
    scenario.staff("rektorZ", Roles.REKTORER);
    JsonNode catalogue = json(rest.as("rektorZ").getForEntity("/api/normal-criteria", String.class));
    assertThat(catalogue).as("the seed's default").hasSizeGreaterThanOrEqualTo(13);
    JsonNode studiero = java.util.stream.StreamSupport.stream(catalogue.spliterator(), false)
        .filter(c -> c.get("description").asText().contains("studiero")).findFirst().orElseThrow();
    assertThat(studiero.get("schoolForms").toString()).doesNotContain("FORSKOLA");
    String path = "/api/normal-criteria/" + studiero.get("id").asText();
    Map<String, Object> change = Map.of("area", "kvalitetIUndervisningen", "sortOrder", 12,
        "description", "Det råder studiero och trygghet i undervisningen.", "schoolForms", List.of("GRUNDSKOLA_7_9", "GYMNASIESKOLA"));

    assertThat(rest.as("rektorZ").exchange(path, org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(change),
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> bad = rest.as("forvaltning2").exchange(path, org.springframework.http.HttpMethod.PUT,
        new org.springframework.http.HttpEntity<>(Map.of("area", "studiero", "description", "", "schoolForms", List.of("SKOLA"))), String.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("Utvecklingsområde: ange ett av", "Normalläge: skriv 1–1000 tecken.", "Skolform SKOLA finns inte.");
    assertThat(json(rest.as("rektorZ").getForEntity("/api/normal-criteria", String.class)).toString())
        .as("nothing written by the refusals").doesNotContain("studiero och trygghet i undervisningen");

    JsonNode changed = json(rest.as("forvaltning2").exchange(path, org.springframework.http.HttpMethod.PUT,
        new org.springframework.http.HttpEntity<>(change), String.class));
    assertThat(changed.get("description").asText()).isEqualTo("Det råder studiero och trygghet i undervisningen.");
    assertThat(changed.get("schoolForms").toString()).isEqualTo("[\"GRUNDSKOLA_7_9\",\"GYMNASIESKOLA\"]");
    JsonNode added = json(rest.as("forvaltning2").postForEntity("/api/normal-criteria", Map.of("area", "larandeOrganisation",
        "sortOrder", 20, "description", "Förstelärarna leder lärgrupper.", "schoolForms", List.of()), String.class), HttpStatus.CREATED);
    assertThat(added.get("active").asBoolean()).isTrue();
  }

  private void runSchoolYear(String label, List<Unit> schools, String action) throws Exception {
    String year = startAndPrepare(label);
    for (Unit school : schools) {
      String rektor = school.getRektorUserId();
      String plan = rest.single(rest.get(rektor, "/task?assignee=" + rektor + "&taskDefinitionKey=Task_FollowUpLastYear"))
          .get("processInstanceId").asText();
      String followUp = rest.task(rektor, plan, "Task_FollowUpLastYear");
      answerFollowUp(rektor, followUp, (ArrayNode) rest.jsonValue(rest.formVariables(rektor, followUp), "lastYearActions"));
      String management = rest.task(rektor, plan, "Task_SelfAssessManagement");
      rest.submit(rektor, management, Map.of("criteria", scored(rektor, management, "3"), "studieroNotes", "Lugnt."));

      // The arbetslag's own member sees and does its self-assessment; a teacher of another unit cannot read or complete it.
      String teacher = teacherOf(school);
      String staff = rest.single(rest.get(teacher, "/task?taskDefinitionKey=Task_SelfAssessStaff&processInstanceId=" + plan))
          .get("id").asText();
      String stranger = teacherOf(schools.get((schools.indexOf(school) + 1) % schools.size()));
      assertThat(rest.get(stranger, "/task?processInstanceId=" + plan)).as("another unit's arbetslag sees nothing").isEmpty();
      assertThat(rest.as(stranger).getForEntity("/engine-rest/task/" + staff + "/form-variables", String.class)
          .getStatusCode().is4xxClientError()).isTrue();
      assertThat(rest.postRaw(stranger, "/task/" + staff + "/claim", Map.of("userId", stranger)).getStatusCode().is4xxClientError()).isTrue();
      assertThat(rest.postRaw(stranger, "/task/" + staff + "/submit-form",
          RestSteps.variables(Map.of("criteria", scored(teacher, staff, "1")))).getStatusCode().is4xxClientError()).isTrue();
      Long planId = plans.findByUnitIdAndSchoolYearLabel(school.getId(), label).orElseThrow().getId();
      assertThat(teamAssessments.findByPlanIdOrderByTeamName(planId)).as("nothing was written").isEmpty();
      rest.post(teacher, "/task/" + staff + "/claim", Map.of("userId", teacher), HttpStatus.NO_CONTENT);
      rest.submit(teacher, staff, Map.of("criteria", scored(teacher, staff, "2"), "staffNotes", "Vi ser mer studiero."));
      assertThat(teamAssessments.findByPlanIdOrderByTeamName(planId)).singleElement()
          .satisfies(a -> assertThat(a.getAssessedBy()).isEqualTo(teacher));

      String analysis = rest.task(rektor, plan, "Task_WriteAnalysis");
      JsonNode analysisForm = rest.formVariables(rektor, analysis);
      assertThat(analysisForm.get("assessmentsCompared").get("value").asText())
          .contains("Pedagogisk ledning: Ledningen 3,0 · Arbetslag 1 2,0 · skillnad 1,0");
      ArrayNode views = (ArrayNode) rest.jsonValue(analysisForm, "teamViews");
      ((ObjectNode) views.get(0)).put("teamFeedback", "Tack för en ärlig skattning.");
      Map<String, Object> analysisInput = new java.util.HashMap<>(Map.of("analysisHistorical", "Över tid: stigande.",
          "analysisResources", "Kompetens finns.", "analysisOrganisation", "Tydlig ledning.", "analysisMethod", "Forskningsstöd.",
          "analysisEquity", "Skillnader mellan grupper.", "analysisStrengths", "Engagerade lärare.",
          "analysisWeaknesses", "Lite tid för analys.", "analysisObstacles", "Schemat."));
      analysisInput.put("teamViews", RestSteps.json(views.toString()));
      rest.submit(rektor, analysis, analysisInput);
      String development = rest.task(rektor, plan, "Task_WriteDevelopmentPart");
      JsonNode developmentForm = rest.formVariables(rektor, development);
      assertThat(developmentForm.get("analysisSummary").get("value").asText()).contains("Hinder: Schemat.");
      ArrayNode rows = (ArrayNode) rest.jsonValue(developmentForm, "areas");
      assertThat(rows).as("the shared area is pre-filled").extracting(r -> r.get("areaTitle").asText()).containsExactly("Läsförståelse");
      ObjectNode row = (ObjectNode) rows.get(0);
      row.put("developmentArea", "kvalitetIUndervisningen");
      row.put("wantedImprovement", "Fler elever når kraven i läsning.");
      ObjectNode actionRow = row.putArray("areaActions").addObject();
      actionRow.put("what", action + " " + school.getCode());
      actionRow.put("why", "Analysen visar brister i läsförståelse.");
      actionRow.put("responsible", "Rektor");
      actionRow.put("timeline", "Hela läsåret");
      actionRow.put("followUpHow", "Screening i november och februari.");
      rest.submit(rektor, development, Map.of("areas", RestSteps.json(rows.toString()),
          "focusPedagogiskLedning", "Pedagogiska samtal.", "focusLarandeOrganisation", "Kollegialt lärande.",
          "focusMalOchResultatstyrning", "Analys av delprov.", "focusKvalitetIUndervisningen", "Lässtrategier."));
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
        rest.submit(rektor, again, Map.of("areas", RestSteps.json(rest.jsonValue(rest.formVariables(rektor, again), "areas").toString()),
            "focusPedagogiskLedning", "Pedagogiska samtal.", "focusLarandeOrganisation", "Kollegialt lärande.",
            "focusMalOchResultatstyrning", "Analys av delprov.", "focusKvalitetIUndervisningen", "Lässtrategier."));
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
    String analysis = rest.task(rektor, plan, "Task_WriteAnalysis");
    Map<String, Object> input = new java.util.HashMap<>(Map.of("analysisHistorical", "Över tid: stigande.",
        "analysisResources", "Kompetens finns.", "analysisOrganisation", "Tydlig ledning.", "analysisMethod", "Forskningsstöd.",
        "analysisEquity", "Skillnader mellan grupper.", "analysisStrengths", "Engagerade lärare.",
        "analysisWeaknesses", "Lite tid för analys.", "analysisObstacles", "Schemat."));
    input.put("teamViews", RestSteps.json(rest.jsonValue(rest.formVariables(rektor, analysis), "teamViews").toString()));
    rest.submit(rektor, analysis, input);
  }

  private JsonNode json(ResponseEntity<String> response) throws Exception {
    return json(response, response.getStatusCode() == HttpStatus.CREATED ? HttpStatus.CREATED : HttpStatus.OK);
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
      ((ObjectNode) row).put("seen", "Många elever gav upp vid långa texter.");
      ((ObjectNode) row).put("done", "Lärgrupper varannan vecka.");
      ((ObjectNode) row).put("effect", "Fler elever läser med flyt.");
      ((ObjectNode) row).put("nextStep", "Vi fortsätter.");
      ((ObjectNode) row).put("goodExample", true);
      ((ObjectNode) row).put("goodExampleText", "Lärgrupper om lässtrategier.");
    }
    rest.submit(rektor, task, Map.of("lastYearActions", RestSteps.json(lastYear.toString()),
        "followUpSummary", "Vi såg, vi ändrade, det hände."));
  }

  private static String teacherOf(Unit school) {
    return "larare" + school.getCode();
  }

  /** An arbetslag of the school's teacher, kept by its rektor through the REST API. */
  private Long arbetslag(Unit school) throws Exception {
    ResponseEntity<String> refused = rest.as(teacherOf(school)).postForEntity("/api/staff-teams",
        Map.of("unitId", school.getId(), "name", "Arbetslag 1", "members", List.of(teacherOf(school))), String.class);
    assertThat(refused.getStatusCode()).as("a teacher does not keep the arbetslag").isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> notStaff = rest.as(school.getRektorUserId()).postForEntity("/api/staff-teams",
        Map.of("unitId", school.getId(), "name", "Arbetslag 1", "members", List.of("forvaltning1")), String.class);
    assertThat(notStaff.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notStaff.getBody()).contains("forvaltning1 hör inte till personalen på " + school.getName());
    ResponseEntity<String> created = rest.as(school.getRektorUserId()).postForEntity("/api/staff-teams",
        Map.of("unitId", school.getId(), "name", "Arbetslag 1", "members", List.of(teacherOf(school))), String.class);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(json(rest.as(school.getRektorUserId()).getForEntity("/api/staff-teams?unitId=" + school.getId(), String.class)))
        .as("nothing written by the refusals").singleElement();
    return json(created).get("id").asLong();
  }

  /** The task's criteria, each scored. */
  private Map<String, Object> scored(String user, String task, String score) throws Exception {
    ArrayNode criteria = (ArrayNode) rest.jsonValue(rest.formVariables(user, task), "criteria");
    criteria.forEach(c -> ((ObjectNode) c).put("score", score));
    return RestSteps.json(criteria.toString());
  }

  private JsonNode json(ResponseEntity<String> response, HttpStatus expected) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.getBody());
  }

  private void answer(String rektor, String task, String list, ArrayNode rows) throws Exception {
    for (JsonNode row : rows) {
      ((ObjectNode) row).put("done", "Påbörjat.");
      ((ObjectNode) row).put("effect", "Tidigt att säga.");
    }
    rest.submit(rektor, task, Map.of(list, RestSteps.json(rows.toString())));
  }
}
