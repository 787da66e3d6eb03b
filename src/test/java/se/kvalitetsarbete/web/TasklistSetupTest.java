package se.kvalitetsarbete.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Servlet;
import jakarta.ws.rs.ext.Providers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.ops.OneRestObjectMapper;
import se.kvalitetsarbete.security.AccessSetup;
import se.kvalitetsarbete.security.Roles;

/**
 * What a person meets in Tasklist, checked without a browser (TasklistBrowserTest does the same
 * through Chromium): the root address, the Swedish texts, and the shared filters.
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
  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizationService;
  @Autowired AccessSetup accessSetup;
  @Autowired Scenario scenario;
  @Autowired ServletWebServerApplicationContext webServer;

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

  /**
   * Tasklist opens "Mina uppgifter" (what is assigned to me); what I may take is in the two filters
   * after it: my groups' tasks, and every task I am a candidate for, as a person or through a group.
   * Together they hold every task a person may do, each filter exactly its part, and nothing of
   * anyone else's; the header's counts match the lists.
   */
  @Test
  void theFiltersTogetherListEverythingAPersonMayDoAndNothingElse() throws IOException {
    scenario.staff("setuprektor", "rektorer");
    scenario.staff("setupsamordnare", "coordinators");
    scenario.staff("setupsamordnare2", "coordinators");
    scenario.staff("setuplarare", "personal");
    String assigned = task("Skriv behovsbeskrivning", t -> tasks.setAssignee(t, "setuprektor"));
    String forTheGroup = task("Granska behovsbeskrivning", t -> tasks.addCandidateGroup(t, "coordinators"));
    String forTwoPeople = task("Håll uppföljningssamtal", t -> {
      tasks.addCandidateUser(t, "setupsamordnare");
      tasks.addCandidateUser(t, "setuplarare");
    });
    String forAGroupOrAPerson = task("Återkoppla på planen", t -> {
      tasks.addCandidateGroup(t, "rektorer");
      tasks.addCandidateUser(t, "setuplarare");
    });
    String someoneElses = task("Skriv behovsbeskrivning", t -> tasks.setAssignee(t, "someoneelse"));
    String anotherGroups = task("Planera läsåret", t -> tasks.addCandidateGroup(t, "forvaltning"));

    // Tasklist opens the filter with the lowest priority
    List<JsonNode> filters = new ArrayList<>();
    json.readTree(as("setupsamordnare").getForObject("/engine-rest/filter?resourceType=Task", String.class)).forEach(filters::add);
    filters.sort(java.util.Comparator.comparingInt(filter -> filter.path("properties").path("priority").asInt()));
    assertThat(filters).extracting(filter -> filter.get("name").asText()).as("the filters, the one Tasklist opens first")
        .containsExactly("Mina uppgifter", "Gruppens uppgifter", "Uppgifter där jag är kandidat");
    String mine = filters.get(0).get("id").asText();
    String groups = filters.get(1).get("id").asText();
    String candidate = filters.get(2).get("id").asText();

    assertThat(listed("setuprektor", mine)).containsExactly(assigned);
    assertThat(listed("setuprektor", groups)).containsExactly(forAGroupOrAPerson);
    assertThat(listed("setuprektor", candidate)).containsExactly(forAGroupOrAPerson);
    assertThat(listed("setupsamordnare", mine)).isEmpty();
    assertThat(listed("setupsamordnare", groups)).containsExactly(forTheGroup);
    assertThat(listed("setupsamordnare", candidate)).containsExactlyInAnyOrder(forTheGroup, forTwoPeople);
    assertThat(listed("setuplarare", mine)).isEmpty();
    assertThat(listed("setuplarare", groups)).isEmpty();
    assertThat(listed("setuplarare", candidate)).containsExactlyInAnyOrder(forTwoPeople, forAGroupOrAPerson);
    for (String user : List.of("setuprektor", "setupsamordnare", "setuplarare")) {
      assertThat(counts(user)).as("the header's counts of %s", user).containsExactlyInAnyOrderEntriesOf(Map.of(
          "Mina uppgifter", listed(user, mine).size(), "Gruppens uppgifter", listed(user, groups).size(),
          "Uppgifter där jag är kandidat", listed(user, candidate).size()));
      List<String> all = new ArrayList<>(listed(user, mine));
      all.addAll(listed(user, groups));
      all.addAll(listed(user, candidate));
      assertThat(all).as("what %s sees", user).doesNotContain(someoneElses, anotherGroups);
    }

    tasks.claim(forTheGroup, "setupsamordnare");
    assertThat(listed("setupsamordnare", mine)).as("a task taken is the taker's").containsExactly(forTheGroup);
    assertThat(listed("setupsamordnare", groups)).isEmpty();
    assertThat(listed("setupsamordnare", candidate)).containsExactly(forTwoPeople);
    assertThat(listed("setupsamordnare2", groups)).as("and no longer the group's to take").isEmpty();
    assertThat(listed("setupsamordnare2", candidate)).isEmpty();
    assertThat(listed("setupsamordnare2", mine)).isEmpty();
  }

  /**
   * Every Jersey application of the server (Camunda's /engine-rest, the webapps' /camunda/api that
   * Tasklist calls) hands Camunda's resources one and the same ObjectMapper (ops/OneRestObjectMapper),
   * not a new one per request; what it writes is Camunda's format as before.
   */
  @Test
  void everyRestApplicationReadsAndWritesWithOneMapperInCamundasFormat() throws Exception {
    scenario.staff("setupmapper", "rektorer");
    String assigned = task("Skriv behovsbeskrivning", t -> tasks.setAssignee(t, "setupmapper"));
    String mine = filterService.createFilterQuery().filterName("Mina uppgifter").singleResult().getId();
    assertThat(listed("setupmapper", mine)).containsExactly(assigned);

    ObjectMapper shared = new OneRestObjectMapper().getContext(ObjectMapper.class);
    List<String> applications = new ArrayList<>();
    Context context = (Context) ((TomcatWebServer) webServer.getWebServer()).getTomcat().getHost().findChildren()[0];
    for (Container child : context.findChildren()) {
      Wrapper wrapper = (Wrapper) child;
      Servlet servlet = wrapper.allocate();
      try {
        if (servlet instanceof ServletContainer jersey) {
          Providers providers = jersey.getApplicationHandler().getInjectionManager().getInstance(Providers.class);
          for (MediaType type : List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/hal+json"))) {
            jakarta.ws.rs.core.MediaType asked = jakarta.ws.rs.core.MediaType.valueOf(type.toString());
            ObjectMapper first = providers.getContextResolver(ObjectMapper.class, asked).getContext(ObjectMapper.class);
            ObjectMapper second = providers.getContextResolver(ObjectMapper.class, asked).getContext(ObjectMapper.class);
            assertThat(first).as("%s, %s", wrapper.getName(), type).isSameAs(second).isSameAs(shared);
          }
          applications.add(wrapper.getName());
        }
      } finally {
        wrapper.deallocate(servlet);
      }
    }
    assertThat(applications).as("Camunda's REST API and the webapps' APIs").hasSizeGreaterThanOrEqualTo(2);

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    ResponseEntity<String> hal = as("setupmapper").exchange("/engine-rest/filter/" + mine + "/list?firstResult=0&maxResults=15",
        HttpMethod.POST, new HttpEntity<>(Map.of(), headers), String.class);
    assertThat(hal.getStatusCode()).as(hal.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode listedTask = json.readTree(hal.getBody()).path("_embedded").path("task").get(0);
    assertThat(listedTask.get("id").asText()).isEqualTo(assigned);
    assertThat(listedTask.get("created").asText()).as("Camunda's date format").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}");
  }

  /** The filters are the application's: one changed in Tasklist (or left by an earlier version) is set back at the next start. */
  @Test
  void aChangedFilterIsSetBackAtStart() {
    Filter myTasks = filterService.createFilterQuery().filterName("Mina uppgifter").singleResult();
    filterService.saveFilter(myTasks.setQuery(tasks.createTaskQuery().or()
        .taskAssigneeExpression("${currentUser()}").taskCandidateUserExpression("${currentUser()}").endOr())
        .setProperties(Map.of("priority", 5)));

    accessSetup.onPostDeploy(null);

    Filter after = filterService.getFilter(myTasks.getId());
    TaskQueryImpl query = after.getQuery();
    assertThat(query.getQueries()).as("one query, no OR").hasSize(1);
    assertThat(query.getExpressions()).containsOnlyKeys("taskAssignee").containsEntry("taskAssignee", "${currentUser()}");
    assertThat(query.getCandidateUser()).isNull();
    assertThat(after.getProperties()).containsEntry("priority", -10).containsEntry("description", "Uppgifter som är tilldelade mig");
    assertThat(filterService.createFilterQuery().filterName("Mina uppgifter").count()).isOne();
  }

  /** The rights are the application's too: one taken away (or never given) is given back at the next start, once. */
  @Test
  void aRightTakenAwayIsGivenBackAtStart() {
    Filter myTasks = filterService.createFilterQuery().filterName("Mina uppgifter").singleResult();
    Authorization staffReadsMyTasks = staffOn(Resources.FILTER, myTasks.getId());
    authorizationService.deleteAuthorization(staffReadsMyTasks.getId());
    Authorization coordinatorsOnAssignment = coordinatorsOn("Assignment");
    coordinatorsOnAssignment.removePermission(Permissions.READ_HISTORY);
    authorizationService.saveAuthorization(coordinatorsOnAssignment);
    assertThat(staffOn(Resources.FILTER, myTasks.getId())).isNull();

    accessSetup.onPostDeploy(null);
    accessSetup.onPostDeploy(null);

    assertThat(staffOn(Resources.FILTER, myTasks.getId())).as("staff read 'Mina uppgifter' again").isNotNull()
        .satisfies(a -> assertThat(a.isPermissionGranted(Permissions.READ)).isTrue());
    assertThat(coordinatorsOn("Assignment").getPermissions(new Permission[] {Permissions.READ, Permissions.READ_INSTANCE,
        Permissions.READ_TASK, Permissions.READ_HISTORY})).as("coordinators read Assignment's history again")
        .contains(Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_TASK, Permissions.READ_HISTORY);
  }

  private Authorization staffOn(Resources resource, String resourceId) {
    return authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(Roles.STAFF).resourceType(resource).resourceId(resourceId).singleResult();
  }

  private Authorization coordinatorsOn(String processKey) {
    return authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(Roles.COORDINATORS).resourceType(Resources.PROCESS_DEFINITION).resourceId(processKey).singleResult();
  }

  private Map<String, Integer> counts(String user) throws IOException {
    Map<String, Integer> counts = new java.util.HashMap<>();
    json.readTree(as(user).getForObject("/engine-rest/filter?resourceType=Task&itemCount=true", String.class))
        .forEach(filter -> counts.put(filter.get("name").asText(), filter.get("itemCount").asInt()));
    return counts;
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
