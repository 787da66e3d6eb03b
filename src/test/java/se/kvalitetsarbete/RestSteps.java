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

  public RestSteps(TestRestTemplate http) {
    this.http = http;
  }

  public TestRestTemplate as(String user) {
    return http.withBasicAuth(user, Scenario.PASSWORD);
  }

  public JsonNode get(String user, String path) throws Exception {
    ResponseEntity<String> response = as(user).getForEntity(api(path), String.class);
    assertThat(response.getStatusCode()).as("GET " + path + " as " + user + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  public JsonNode post(String user, String path, Object body, HttpStatus expected) throws Exception {
    ResponseEntity<String> response = as(user).postForEntity(api(path), body == null ? Map.of() : body, String.class);
    assertThat(response.getStatusCode()).as("POST " + path + " as " + user + ": " + response.getBody()).isEqualTo(expected);
    return response.getBody() == null ? null : json.readTree(response.getBody());
  }

  public ResponseEntity<String> postRaw(String user, String path, Object body) {
    return as(user).postForEntity(api(path), body, String.class);
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
