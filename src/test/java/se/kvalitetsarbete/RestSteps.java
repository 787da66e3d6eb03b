package se.kvalitetsarbete;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What Tasklist and a REST client do against /engine-rest, as a given logged-in user. */
public class RestSteps {

  /** Stands in for the passing of time: runs timer jobs. */
  public static final String ADMIN = "admin1";

  private final TestRestTemplate http;
  private final ObjectMapper json = new ObjectMapper();
  private final boolean runsJobs;

  /** For an application without a job executor: after each step, the administrator runs the due asynchronous jobs. */
  public RestSteps(TestRestTemplate http) {
    this(http, true);
  }

  /** runsJobs false: the application's own job executor runs them. */
  public RestSteps(TestRestTemplate http, boolean runsJobs) {
    this.http = http;
    this.runsJobs = runsJobs;
  }

  /**
   * What the job executor does: the asynchronous continuations that are due (a unit's invitation,
   * the join after parallel tasks), run by the administrator until none is left. Timers wait.
   */
  public void runAsyncJobs() throws Exception {
    if (!runsJobs) {
      return;
    }
    for (int round = 0; round < 100; round++) {
      ResponseEntity<String> due = as(ADMIN).getForEntity(api("/job?messages=true&executable=true"), String.class);
      if (due.getStatusCode() != HttpStatus.OK || json.readTree(due.getBody()).isEmpty()) {
        return;
      }
      for (JsonNode job : json.readTree(due.getBody())) {
        as(ADMIN).postForEntity(api("/job/" + job.get("id").asText() + "/execute"), null, String.class);
      }
    }
  }

  public TestRestTemplate as(String user) {
    return http.withBasicAuth(user, Scenario.PASSWORD);
  }

  public JsonNode get(String user, String path) throws Exception {
    ResponseEntity<String> response = as(user).getForEntity(api(path), String.class);
    assertThat(response.getStatusCode()).as("GET " + path + " as " + user + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  /** The list, or null when the request did not answer 200 (while waiting for the job executor). */
  public JsonNode getQuietly(String user, String path) {
    try {
      ResponseEntity<String> response = as(user).getForEntity(api(path), String.class);
      return response.getStatusCode() == HttpStatus.OK ? json.readTree(response.getBody()) : null;
    } catch (Exception e) {
      return null;
    }
  }

  public JsonNode post(String user, String path, Object body, HttpStatus expected) throws Exception {
    ResponseEntity<String> response = as(user).postForEntity(api(path), body == null ? Map.of() : body, String.class);
    assertThat(response.getStatusCode()).as("POST " + path + " as " + user + ": " + response.getBody()).isEqualTo(expected);
    if (response.getStatusCode().is2xxSuccessful()) {
      runAsyncJobs();
    }
    return response.getBody() == null ? null : json.readTree(response.getBody());
  }

  public ResponseEntity<String> postRaw(String user, String path, Object body) throws Exception {
    ResponseEntity<String> response = as(user).postForEntity(api(path), body, String.class);
    if (response.getStatusCode().is2xxSuccessful()) {
      runAsyncJobs();
    }
    return response;
  }

  public JsonNode single(JsonNode list) {
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  /** The one task of this definition in the process instance. */
  public String task(String user, String processInstanceId, String taskDefinitionKey) throws Exception {
    return single(get(user, "/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + taskDefinitionKey)).get("id").asText();
  }

  /** Like Tasklist: the form's variables with JSON values left serialized. */
  public JsonNode formVariables(String user, String taskId) throws Exception {
    return get(user, "/task/" + taskId + "/form-variables?deserializeValues=false");
  }

  /** A JSON form value (a dynamic list, a checklist) as a tree. */
  public JsonNode jsonValue(JsonNode formVariables, String name) throws Exception {
    JsonNode value = formVariables.get(name).get("value");
    return value.isTextual() ? json.readTree(value.asText()) : value;
  }

  public void submit(String user, String taskId, Map<String, Object> values) throws Exception {
    post(user, "/task/" + taskId + "/submit-form", variables(values), HttpStatus.NO_CONTENT);
  }

  /** Time passes: an administrator runs the timer's job. */
  public void executeJob(String processInstanceId, String activityId) throws Exception {
    String job = single(get(ADMIN, "/job?processInstanceId=" + processInstanceId + "&activityId=" + activityId)).get("id").asText();
    post(ADMIN, "/job/" + job + "/execute", null, HttpStatus.NO_CONTENT);
  }

  /** A Json-typed variable, as Tasklist submits checklists and dynamic lists. */
  public static Map<String, Object> json(String value) {
    return Map.of("value", value, "type", "Json");
  }

  /** Tasklist's body: {"variables": {"name": {"value": ...}}}, values untyped unless given a type. */
  public static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      Map<String, Object> untyped = new LinkedHashMap<>();
      untyped.put("value", value);
      variables.put(name, value instanceof Map<?, ?> typed ? typed : untyped);
    });
    return Map.of("variables", variables);
  }

  private static String api(String path) {
    return "/engine-rest" + path;
  }
}
