package se.kvalitetsarbete.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import se.kvalitetsarbete.Scenario;

/**
 * What a person meets in Tasklist, checked without a browser (TasklistBrowserTest does the same
 * through Chromium): the root address, the Swedish texts, and the default filter.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tasklist-setup-tests;DB_CLOSE_DELAY=-1",
    "kvalitet.admin.initial-password-file=target/tasklist-setup-tests/initial-admin-password.txt",
    "camunda.bpm.job-execution.enabled=false"})
class TasklistSetupTest {

  static final String WEBAPPS = "META-INF/resources/webjars/camunda/app/";

  @Autowired TestRestTemplate http;
  @Autowired TaskService tasks;
  @Autowired Scenario scenario;

  final ObjectMapper json = new ObjectMapper();
  final List<String> created = new ArrayList<>();

  @AfterEach
  void removeTasks() {
    created.forEach(id -> tasks.deleteTask(id, true));
  }

  @Test
  void theRootAddressOpensTasklistNotCamundasWelcomePage() throws Exception {
    HttpResponse<Void> root = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
        .send(HttpRequest.newBuilder(URI.create(http.getRootUri() + "/")).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(root.statusCode()).isEqualTo(HttpStatus.FOUND.value());
    assertThat(URI.create(root.headers().firstValue("Location").orElseThrow())).hasPath("/camunda/app/tasklist/");
  }

  /** Camunda's webapps ship English and German; ours adds Swedish, and must say everything the English does. */
  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyWebappHasASwedishTextForEveryEnglishOne(String app) throws IOException {
    JsonNode english = resource(WEBAPPS + app + "/locales/en.json").get("labels");
    JsonNode swedish = resource(WEBAPPS + app + "/locales/sv.json").get("labels");
    List<String> missing = new ArrayList<>();
    english.fieldNames().forEachRemaining(key -> {
      boolean said = !english.get(key).asText().isBlank();
      if (said && (!swedish.hasNonNull(key) || swedish.get(key).asText().isBlank())) {
        missing.add(key);
      }
    });
    assertThat(missing).as("labels of %s without a Swedish text", app).isEmpty();
  }

  @Test
  void theWelcomePageIsSwedishAndLinksToTheDecisions() {
    String config = http.getForObject("/camunda/app/welcome/scripts/config.js", String.class);
    assertThat(config).contains("availableLocales: ['sv']").contains("beslut.html");
    assertThat(http.getForObject("/camunda/app/welcome/styles/user-styles.css", String.class)).contains(".ce-eol-banner");
    assertThat(http.getForObject("/camunda/app/tasklist/scripts/config.js", String.class)).contains("'scripts/kv-header'");
    assertThat(http.getForEntity("/camunda/app/tasklist/scripts/kv-header.js", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theDefaultFilterListsEverythingAPersonMayDoAndNothingElse() throws IOException {
    scenario.staff("setuprektor", "rektorer");
    scenario.staff("setupsamordnare", "coordinators");
    String assigned = task("Skriv behovsbeskrivning", t -> tasks.setAssignee(t, "setuprektor"));
    String forTheGroup = task("Granska behovsbeskrivning", t -> tasks.addCandidateGroup(t, "coordinators"));
    String forThePerson = task("Håll uppföljningssamtal", t -> tasks.addCandidateUser(t, "setupsamordnare"));
    String someoneElses = task("Skriv behovsbeskrivning", t -> tasks.setAssignee(t, "someoneelse"));

    // Tasklist opens the filter with the lowest priority
    List<JsonNode> filters = new ArrayList<>();
    json.readTree(as("setupsamordnare").getForObject("/engine-rest/filter?resourceType=Task", String.class)).forEach(filters::add);
    filters.sort(java.util.Comparator.comparingInt(filter -> filter.path("properties").path("priority").asInt()));
    assertThat(filters).isNotEmpty();
    assertThat(filters.get(0).get("name").asText()).as("the filter Tasklist opens first").isEqualTo("Mina uppgifter");
    String defaultFilter = filters.get(0).get("id").asText();

    assertThat(listed("setupsamordnare", defaultFilter)).contains(forTheGroup, forThePerson).doesNotContain(assigned, someoneElses);
    assertThat(listed("setuprektor", defaultFilter)).contains(assigned).doesNotContain(forTheGroup, forThePerson, someoneElses);

    tasks.claim(forTheGroup, "setupsamordnare");
    assertThat(listed("setupsamordnare", defaultFilter)).as("a task taken stays in the list").contains(forTheGroup);
  }

  private String task(String name, java.util.function.Consumer<String> assign) {
    Task task = tasks.newTask();
    task.setName(name);
    tasks.saveTask(task);
    created.add(task.getId());
    assign.accept(task.getId());
    return task.getId();
  }

  private List<String> listed(String user, String filterId) throws IOException {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> list = as(user).exchange("/engine-rest/filter/" + filterId + "/list", HttpMethod.POST,
        new HttpEntity<>(Map.of(), headers), String.class);
    assertThat(list.getStatusCode()).as(list.getBody()).isEqualTo(HttpStatus.OK);
    List<String> ids = new ArrayList<>();
    json.readTree(list.getBody()).forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, Scenario.PASSWORD);
  }

  private JsonNode resource(String path) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return json.readTree(in);
    }
  }
}
