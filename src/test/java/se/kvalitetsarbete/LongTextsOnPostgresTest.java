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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.kvalitetsarbete.common.FormSchema;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Speciality;
import se.kvalitetsarbete.organisation.TeamMember;
import se.kvalitetsarbete.organisation.TeamMemberRepository;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;
import se.kvalitetsarbete.security.Roles;

/**
 * Every field of every form filled to the limit its form states, on PostgreSQL, through the REST
 * API as the real users: a round from needs description to the last follow-up, and a school year
 * from preparation to the board's report. Nothing is refused for being as long as the form allows,
 * and what the application builds from such texts for later forms (summaries, reports) still
 * reaches them.
 */
@RestOnPostgresTest
class LongTextsOnPostgresTest {

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
    FreshPostgres.use(registry, "kvalitetsarbete_long");
  }

  @Autowired TestRestTemplate http;
  @Autowired UnitRepository units;
  @Autowired TeamMemberRepository members;
  @Autowired Scenario scenario;
  @Autowired JdbcTemplate db;
  @Autowired se.kvalitetsarbete.security.StaffGroups staffGroups;
  @Autowired se.kvalitetsarbete.organisation.StaffTeams staffTeams;

  final ObjectMapper json = new ObjectMapper();
  RestSteps rest;
  Unit school;

  @Test
  void aRoundAndASchoolYearTakeEveryFieldAtItsLimit() throws Exception {
    rest = new RestSteps(http);
    school = units.save(new Unit("41000001", "Långa skolan F–3", SchoolForm.GRUNDSKOLA_F3, "rektor1"));
    for (int i = 1; i <= 3; i++) {
      members.save(new TeamMember("team" + i, "Teammedlem " + i, List.of(Speciality.values()[i]), new BigDecimal("3.5")));
      scenario.staff("team" + i, Roles.QUALITY_TEAM);
    }
    scenario.staff("rektor1", Roles.REKTORER);
    scenario.staff("samordnare1", Roles.COORDINATORS);
    scenario.staff("forvaltning1", Roles.ADMINISTRATION);
    scenario.staff("verksamhetschef1", Roles.HEADS_OF_SCHOOL_FORMS);
    scenario.staff("verksamhetschef1", Roles.headsOf("GRUNDSKOLA"));
    scenario.staff(RestSteps.ADMIN, Roles.ADMINISTRATORS);
    scenario.staff("larare41a", staffGroups.ensureFor(school));
    scenario.staff("larare41a", Roles.STAFF);
    staffTeams.create(school, "Arbetslag " + "L".repeat(190), List.of("larare41a"));

    aRound();
    aSchoolYear();
  }

  private void aRound() throws Exception {
    String round = rest.post("samordnare1", "/process-definition/key/TermAllocation/submit-form", RestSteps.variables(Map.of(
        "termSeason", "HT", "termYear", 2033, "applicationDeadline", LocalDate.now().plusWeeks(3).toString())), HttpStatus.OK).get("id").asText();

    // Every field at its limit (before: 500, the summary for the review did not fit a String variable).
    Map<String, Object> needs = full("WriteNeedsDescription", Map.of("application", "APPLY", "targetStage", "F_3"));
    String write = rest.single(rest.get("rektor1", "/task?assignee=rektor1&taskDefinitionKey=Task_WriteNeedsDescription")).get("id").asText();
    rest.submit("rektor1", write, needs);
    assertThat(db.queryForObject("select length(needs) + length(basis) from needs_description", Integer.class)).isEqualTo(8000);

    // Sent back with the longest comment, which the rektor reads with the description as it was.
    String review = reviewTask();
    assertThat(shown(rest.formVariables("samordnare1", review), "needsSummary")).contains((String) needs.get("needs"), (String) needs.get("basis"));
    String comment = longText(4000);
    rest.submit("samordnare1", review, Map.of("reviewOutcome", "REVISE", "reviewComment", comment));
    String again = rest.single(rest.get("rektor1", "/task?assignee=rektor1&taskDefinitionKey=Task_WriteNeedsDescription")).get("id").asText();
    JsonNode writeForm = rest.formVariables("rektor1", again);
    assertThat(shown(writeForm, "reviewComment")).isEqualTo(comment);
    assertThat(shown(writeForm, "needs")).isEqualTo(needs.get("needs"));
    rest.submit("rektor1", again, needs);
    String secondReview = reviewTask();
    assertThat(shown(rest.formVariables("samordnare1", secondReview), "needsSummary")).contains(comment);
    rest.submit("samordnare1", secondReview, Map.of("reviewOutcome", "APPROVE", "analysisConfirmed", "CONFIRMED", "reviewComment", ""));
    rest.executeJob(round, "Timer_ApplicationDeadline");

    // The meeting grants with the longest motivation.
    String meeting = rest.task("samordnare1", round, "Task_DecideAllocation");
    ArrayNode rows = (ArrayNode) rest.jsonValue(rest.formVariables("samordnare1", meeting), "decisions");
    ObjectNode row = (ObjectNode) rows.get(0);
    String motivation = longText(4000);
    row.put("outcome", "GRANTED");
    row.set("members", json.valueToTree(List.of("team1", "team2", "team3")));
    row.put("daysPerWeek", 3.5);
    row.put("motivation", motivation);
    rest.submit("samordnare1", meeting, Map.of("decisions", RestSteps.json(rows.toString()), "meetingAttendees", RestSteps.json("[\"rektor1\"]")));
    String told = rest.single(rest.get("rektor1", "/task?assignee=rektor1&taskDefinitionKey=Task_AcknowledgeDecision")).get("id").asText();
    assertThat(shown(rest.formVariables("rektor1", told), "decisionText")).contains(motivation);
    rest.post("rektor1", "/task/" + told + "/complete", Map.of(), HttpStatus.NO_CONTENT);

    // The assignment: its order, with every check-in, grows far past 4000 characters.
    String assignment = rest.single(rest.get("samordnare1", "/process-instance?superProcessInstance=" + round)).get("id").asText();
    String kickOff = claimed("team1", assignment, "Task_HoldKickOff");
    Map<String, Object> agreed = full("HoldKickOff", Map.of("carrier", scenario.teacherOf(school, "forstelang"),
        "teachers", RestSteps.json("[]")));
    rest.submit("team1", kickOff, agreed);
    for (String next : List.of("CONTINUE", "CONTINUE", "FINISH")) {
      rest.executeJob(assignment, "Timer_CheckInDue");
      String checkIn = claimed("team1", assignment, "Task_HoldCheckIn");
      assertThat(shown(rest.formVariables("team1", checkIn), "orderSummary")).contains((String) agreed.get("goals"));
      rest.submit("team1", checkIn, full("HoldCheckIn", Map.of("continueAssignment", next, "focusChanged", true,
          "staffingChanged", false, "members", RestSteps.json("[]"))));
    }
    String closing = claimed("team1", assignment, "Task_HoldClosingConversation");
    assertThat(shown(rest.formVariables("team1", closing), "orderSummary").length()).isGreaterThan(20_000);
    rest.submit("team1", closing, full("HoldClosingConversation", Map.of("handOverDone", "NO")));
    for (JsonNode survey : rest.get(RestSteps.ADMIN, "/task?processInstanceId=" + assignment + "&taskDefinitionKey=Task_EvaluateAssignment")) {
      rest.submit(survey.get("assignee").asText(), survey.get("id").asText(), full("EvaluateAssignment", Map.of()));
    }
    for (JsonNode timer : rest.get(RestSteps.ADMIN, "/job?processInstanceId=" + assignment + "&activityId=Timer_FollowUpDue")) {
      rest.post(RestSteps.ADMIN, "/job/" + timer.get("id").asText() + "/execute", null, HttpStatus.NO_CONTENT);
    }
    JsonNode followUps = rest.get("team1", "/task?processInstanceId=" + assignment + "&taskDefinitionKey=Task_HoldFollowUpConversation");
    assertThat(followUps).hasSize(3);
    for (JsonNode followUp : followUps) {
      rest.post("team1", "/task/" + followUp.get("id").asText() + "/claim", Map.of("userId", "team1"), HttpStatus.NO_CONTENT);
      rest.submit("team1", followUp.get("id").asText(), full("HoldFollowUpConversation", Map.of("moreSupportNeeded", true)));
    }
    assertThat(rest.get(RestSteps.ADMIN, "/process-instance?processInstanceIds=" + assignment)).isEmpty();
    assertThat(db.queryForList("select length(relation_to_order) from check_in where kind = 'DURING_TERM'", Integer.class))
        .containsExactly(4000, 4000, 4000);
    assertThat(db.queryForObject("select length(closing_summary) + length(continuation_plan) from assignment", Integer.class)).isEqualTo(8000);
    // Three follow-ups asked for more support: the next round's draft holds what its form takes.
    String draft = db.queryForObject("select needs from needs_description where round_id is null and status = 'DRAFT'", String.class);
    assertThat(draft).hasSizeLessThanOrEqualTo(4000).endsWith("(förkortat här; hela texten finns kvar där den skrevs)");
  }

  private void aSchoolYear() throws Exception {
    String year = rest.post("forvaltning1", "/process-definition/key/SkaYearlyCycle/submit-form",
        RestSteps.variables(Map.of("schoolYear", "2033/34")), HttpStatus.OK).get("id").asText();
    // A shared improvement area as long as the form allows (before: refused, the column held 300).
    Map<String, Object> prepared = full("PrepareSchoolYear", Map.of("planDeadline", LocalDate.now().plusWeeks(6).toString(),
        "indicatorCsv", indicatorCsv(FormSchema.application("PrepareSchoolYear").maxLength("indicatorCsv", 0))));
    rest.submit("forvaltning1", rest.task("forvaltning1", year, "Task_PrepareSchoolYear"), prepared);
    assertThat(db.queryForList("select length(title) from shared_improvement_area", Integer.class)).containsOnly(2000).hasSize(4);

    String plan = rest.single(rest.get("rektor1", "/task?assignee=rektor1&taskDefinitionKey=Task_FollowUpLastYear")).get("processInstanceId").asText();
    rest.submit("rektor1", rest.task("rektor1", plan, "Task_FollowUpLastYear"), full("FollowUpLastYear", Map.of("lastYearActions", RestSteps.json("[]"))));
    String management = rest.task("rektor1", plan, "Task_SelfAssessManagement");
    rest.submit("rektor1", management, full("SelfAssessManagement", Map.of("criteria", scored("rektor1", management))));
    String staff = claimed("larare41a", plan, "Task_SelfAssessStaff");
    rest.submit("larare41a", staff, full("SelfAssessStaff", Map.of("criteria", scored("larare41a", staff))));
    String analysis = rest.task("rektor1", plan, "Task_WriteAnalysis");
    ArrayNode views = (ArrayNode) rest.jsonValue(rest.formVariables("rektor1", analysis), "teamViews");
    views.forEach(v -> fillRow((ObjectNode) v, "WriteAnalysis", "teamViews"));
    rest.submit("rektor1", analysis, full("WriteAnalysis", Map.of("teamViews", RestSteps.json(views.toString()))));
    assertThat(db.queryForList("select length(team_feedback) from staff_team_assessment", Integer.class)).containsExactly(4000);

    String development = rest.task("rektor1", plan, "Task_WriteDevelopmentPart");
    ArrayNode actions = (ArrayNode) rest.jsonValue(rest.formVariables("rektor1", development), "areas");
    assertThat(actions).as("the shared area, pre-filled in full").singleElement()
        .satisfies(a -> assertThat(a.get("areaTitle").asText()).isEqualTo(prepared.get("sharedAreasGrundskola")));
    actions.addObject().put("areaTitle", "Enhetens eget område");
    for (JsonNode area : actions) {
      fillRow((ObjectNode) area, "WriteDevelopmentPart", "areas");
      ((ObjectNode) area).put("developmentArea", "kvalitetIUndervisningen");
      fillRow(((ObjectNode) area).putArray("areaActions").addObject(), "WriteDevelopmentPart", "areaActions");
    }
    Map<String, Object> developmentPart = full("WriteDevelopmentPart", Map.of("areas", RestSteps.json(actions.toString())));
    rest.submit("rektor1", development, developmentPart);

    // Sent back with the longest feedback, written again, approved.
    String feedback = rest.task("verksamhetschef1", plan, "Task_GiveFeedback");
    assertThat(shown(rest.formVariables("verksamhetschef1", feedback), "planSummary").length()).isGreaterThan(30_000);
    rest.submit("verksamhetschef1", feedback, full("GiveFeedback", Map.of("feedbackDecision", "RETURN")));
    rest.submit("rektor1", rest.task("rektor1", plan, "Task_AnswerFeedback"), full("AnswerFeedback", Map.of()));
    String rewrite = rest.task("rektor1", plan, "Task_WriteDevelopmentPart");
    assertThat(shown(rest.formVariables("rektor1", rewrite), "feedbackComment")).hasSize(4000);
    ArrayNode kept = (ArrayNode) rest.jsonValue(rest.formVariables("rektor1", rewrite), "areas");
    assertThat(kept).hasSize(2);
    Map<String, Object> rewritten = full("WriteDevelopmentPart", Map.of("areas", RestSteps.json(kept.toString()), "askQualityTeam", false,
        "qualityTeamNeed", ""));
    rest.submit("rektor1", rewrite, rewritten);
    rest.submit("verksamhetschef1", rest.task("verksamhetschef1", plan, "Task_GiveFeedback"), Map.of("feedbackDecision", "APPROVE"));
    for (int i = 0; i < 2; i++) {
      rest.executeJob(plan, "Timer_MidYearDue");
      String midYear = rest.task("rektor1", plan, "Task_FollowUpActions");
      ArrayNode rows = (ArrayNode) rest.jsonValue(rest.formVariables("rektor1", midYear), "actionFollowUps");
      rows.forEach(r -> fillRow((ObjectNode) r, "FollowUpActions", "actionFollowUps"));
      rest.submit("rektor1", midYear, Map.of("actionFollowUps", RestSteps.json(rows.toString())));
    }
    assertThat(db.queryForList("select length(done) from action_follow_up", Integer.class)).containsOnly(4000).hasSize(4);

    // The organiser's summary and the report: sent back without a comment is a Swedish message, not a crash.
    String summary = rest.task("forvaltning1", year, "Task_WriteOrganiserSummary");
    rest.submit("forvaltning1", summary, full("WriteOrganiserSummary", Map.of()));
    String approve = rest.task("forvaltning1", year, "Task_ApproveBoardReport");
    assertThat(shown(rest.formVariables("forvaltning1", approve), "boardReport")).contains((String) prepared.get("sharedAreasGrundskola"));
    ResponseEntity<String> noComment = rest.postRaw("forvaltning1", "/task/" + approve + "/submit-form",
        RestSteps.variables(Map.of("reportDecision", "REVISE", "reportComment", "")));
    assertThat(noComment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(noComment.getBody()).get("message").asText()).contains("Kommentar: fältet måste fyllas i.");
    rest.submit("forvaltning1", approve, full("ApproveBoardReport", Map.of("reportDecision", "REVISE")));
    String again = rest.task("forvaltning1", year, "Task_WriteOrganiserSummary");
    assertThat(shown(rest.formVariables("forvaltning1", again), "reportComment")).hasSize(4000);
    rest.submit("forvaltning1", again, full("WriteOrganiserSummary", Map.of()));
    rest.submit("forvaltning1", rest.task("forvaltning1", year, "Task_ApproveBoardReport"), Map.of("reportDecision", "APPROVE"));
    rest.submit("rektor1", rest.task("rektor1", plan, "Task_ReadOrganiserFeedback"), full("ReadOrganiserFeedback", Map.of()));
    assertThat(rest.get(RestSteps.ADMIN, "/process-instance?processInstanceIds=" + year)).isEmpty();
    assertThat(db.queryForList("select length(text) from plan_message", Integer.class)).as("the whole dialogue, each at its limit")
        .containsOnly(4000).hasSize(4);
    assertThat(db.queryForObject("select length(analysis_historical) + length(analysis_equity) from quality_plan", Integer.class)).isEqualTo(8000);
  }

  /** The task's criteria, each scored 4. */
  private Map<String, Object> scored(String user, String task) throws Exception {
    ArrayNode criteria = (ArrayNode) rest.jsonValue(rest.formVariables(user, task), "criteria");
    criteria.forEach(c -> ((ObjectNode) c).put("score", "4"));
    return RestSteps.json(criteria.toString());
  }

  private String reviewTask() throws Exception {
    String review = rest.single(rest.get("samordnare1", "/task?candidateGroup=coordinators&taskDefinitionKey=Task_ReviewNeedsDescription")).get("id").asText();
    rest.post("samordnare1", "/task/" + review + "/claim", Map.of("userId", "samordnare1"), HttpStatus.NO_CONTENT);
    return review;
  }

  private String claimed(String user, String processInstanceId, String taskDefinitionKey) throws Exception {
    String task = rest.task(user, processInstanceId, taskDefinitionKey);
    rest.post(user, "/task/" + task + "/claim", Map.of("userId", user), HttpStatus.NO_CONTENT);
    return task;
  }

  /**
   * What Tasklist submits for this form with every field at its limit: each text as long as its
   * maxLength, each number at its max, each checklist with every option, each choice its last option.
   */
  private Map<String, Object> full(String formId, Map<String, Object> given) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (FormSchema.Field f : FormSchema.application(formId).fields()) {
      if (!f.input() || f.parentKey() != null) {
        continue;
      }
      Object value = switch (f.type()) {
        case "textfield", "textarea" -> longText(f.maxLength());
        case "checkbox" -> true;
        case "checklist", "taglist" -> f.options() == null ? null : RestSteps.json(json.valueToTree(f.options()).toString());
        case "radio", "select" -> f.options() == null ? null : f.options().get(f.options().size() - 1);
        case "number" -> f.max();
        default -> null;
      };
      if (value != null) {
        values.put(f.key(), value);
      }
    }
    values.putAll(given);
    return values;
  }

  /** A dynamic list's row with each of its editable fields at the limit (a shared area's title kept). */
  private void fillRow(ObjectNode row, String formId, String list) {
    for (FormSchema.Field f : FormSchema.application(formId).fields()) {
      if (!f.input() || !list.equals(f.parentKey()) || row.hasNonNull(f.key()) && !row.get(f.key()).asText().isBlank()) {
        continue;
      }
      if (f.maxLength() != null) {
        row.put(f.key(), longText(f.maxLength()));
      } else if (f.max() != null) {
        row.put(f.key(), f.max());
      }
    }
  }

  /** Swedish prose of exactly this length, no line breaks, nothing for a trim to take. */
  static String longText(int length) {
    String words = "Läsförståelsen i åk 2 stärks när lärarna prövar nya arbetssätt tillsammans; ";
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      text.append(words);
    }
    text.setLength(length);
    text.setCharAt(length - 1, '.');
    return text.toString();
  }

  /** A valid indicator file of (nearly) this many characters: one value per line. */
  private String indicatorCsv(int length) {
    StringBuilder csv = new StringBuilder("kpi;kod;år;kön;värde;status\n");
    int year = 2000;
    String[] genders = {"T", "K", "M"};
    for (int i = 0; ; i++) {
      String line = "I01;" + school.getCode() + ";" + (year + i / 3) + ";" + genders[i % 3] + ";55,5;\n";
      if (csv.length() + line.length() > length) {
        return csv.toString().trim();
      }
      csv.append(line);
    }
  }

  /** A text as the form shows it: Tasklist parses a Json variable, and takes a String as it is. */
  private String shown(JsonNode formVariables, String name) throws Exception {
    JsonNode variable = formVariables.get(name);
    assertThat(variable).as(name).isNotNull();
    if ("Json".equals(variable.path("type").asText())) {
      return json.readTree(variable.get("value").asText()).asText();
    }
    return variable.get("value").asText();
  }
}
