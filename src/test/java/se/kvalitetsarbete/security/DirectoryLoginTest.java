package se.kvalitetsarbete.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;

/**
 * The municipality's directory as the source of users and groups: a real LDAP server (UnboundID,
 * in memory, on a free port) with a rektor, a teacher and a coordinator in groups named the
 * directory's way. The application starts against it (read-only identity), people log in to the
 * REST API with their directory passwords, and the mapped groups carry our roles' rights.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:directory-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "kvalitet.ldap.enabled=true",
    "kvalitet.ldap.manager-dn=cn=Kvalitetsarbete,dc=kommun,dc=test",
    "kvalitet.ldap.base-dn=dc=kommun,dc=test",
    "kvalitet.ldap.user-search-base=ou=people",
    "kvalitet.ldap.user-search-filter=(objectclass=inetOrgPerson)",
    "kvalitet.ldap.user-id-attribute=uid",
    "kvalitet.ldap.user-firstname-attribute=givenName",
    "kvalitet.ldap.user-lastname-attribute=sn",
    "kvalitet.ldap.user-email-attribute=mail",
    "kvalitet.ldap.group-search-base=ou=groups",
    "kvalitet.ldap.group-search-filter=(objectclass=groupOfNames)",
    "kvalitet.ldap.group-id-attribute=cn",
    "kvalitet.ldap.group-name-attribute=cn",
    "kvalitet.ldap.group-member-attribute=member",
    "kvalitet.ldap.group-map[Kvalitet-Rektorer]=rektorer",
    "kvalitet.ldap.group-map[Kvalitet-Samordnare]=coordinators",
    "kvalitet.ldap.group-map[Personal]=personal",
    // A directory group's name may have spaces (escaped here, as in any properties file; in YAML: "[Personal Tornets forskola]").
    "kvalitet.ldap.group-map[Personal\\ Tornets\\ forskola]=personal" + DirectoryLoginTest.UNIT_CODE})
class DirectoryLoginTest {

  static final String UNIT_CODE = "77700001";
  private static final String MANAGER_PASSWORD = "Verktyg-losen-0";
  private static final InMemoryDirectoryServer DIRECTORY = startDirectory();

  @DynamicPropertySource
  static void directory(DynamicPropertyRegistry properties) {
    properties.add("kvalitet.ldap.server-url", () -> "ldap://127.0.0.1:" + DIRECTORY.getListenPort() + "/");
    properties.add("kvalitet.ldap.manager-password", () -> MANAGER_PASSWORD);
  }

  @AfterAll
  static void stopDirectory() {
    DIRECTORY.shutDown(true);
  }

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired UnitRepository units;
  @Autowired Scenario scenario;

  final ObjectMapper json = new ObjectMapper();

  @Test
  void theDirectorysGroupsAreOurRolesAndItsUsersComeWithNamesAndAddresses() {
    assertThat(identity.isReadOnly()).isTrue();
    assertThat(identity.createGroupQuery().groupMember("anna.lindqvist").list()).extracting(Group::getId).containsExactly("rektorer");
    assertThat(identity.createGroupQuery().groupMember("ida.nilsson").list()).as("a list named 'rektorer' is not our rektorer")
        .extracting(Group::getId).containsExactlyInAnyOrder("personal", "personal" + UNIT_CODE, "katalog:rektorer");
    assertThat(identity.createUserQuery().memberOfGroup("rektorer").list()).extracting(u -> u.getId()).containsExactly("anna.lindqvist");
    assertThat(identity.createUserQuery().memberOfGroup("coordinators").list()).extracting(u -> u.getId() + " " + u.getEmail())
        .containsExactly("sara.samordnare sara.samordnare@kommun.test");
    assertThat(identity.createUserQuery().userId("anna.lindqvist").singleResult().getFirstName()).isEqualTo("Anna");
  }

  @Test
  void peopleLogInWithTheirDirectoryPasswordAndTheMappedGroupsGiveThemTheirRolesRights() throws Exception {
    Unit unit = units.findByCode(UNIT_CODE).orElseGet(() -> units.save(new Unit(UNIT_CODE, "Tornets förskola", SchoolForm.FORSKOLA,
        "anna.lindqvist")));
    units.findAll().stream().filter(other -> !other.getId().equals(unit.getId())).forEach(other -> {
      other.setActive(false);
      units.save(other);
    });
    ProcessInstance needs = scenario.needsDescriptionOf(scenario.startRound(scenario.freshYear()), unit);
    Task write = scenario.task(needs, "Task_WriteNeedsDescription");

    JsonNode annasTasks = get("anna.lindqvist", "Rektor-losen-1", "/task?processInstanceId=" + needs.getId());
    assertThat(annasTasks).extracting(task -> task.get("id").asText()).containsExactly(write.getId());

    ResponseEntity<String> teacherCompletes = http.withBasicAuth("ida.nilsson", "Larare-losen-2")
        .postForEntity("/engine-rest/task/" + write.getId() + "/complete", Map.of("variables", Map.of()), String.class);
    assertThat(teacherCompletes.getStatusCode().is4xxClientError()).as(teacherCompletes.getBody()).isTrue();
    assertThat(get("ida.nilsson", "Larare-losen-2", "/task?processInstanceId=" + needs.getId())).isEmpty();
    assertThat(tasks.createTaskQuery().taskId(write.getId()).count()).as("the task is still the rektor's to do").isOne();

    assertThat(get("sara.samordnare", "Samordnare-losen-3", "/task?processInstanceId=" + needs.getId()))
        .as("coordinators follow all the allocation's work").extracting(task -> task.get("id").asText()).containsExactly(write.getId());
  }

  @Test
  void aWrongPasswordOrAnUnknownUserIsRefused() {
    assertThat(http.withBasicAuth("anna.lindqvist", "fel-losenord").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("anna.lindqvist", "").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("okand.person", "Rektor-losen-1").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("anna.lindqvist", "Rektor-losen-1").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  private JsonNode get(String user, String password, String path) throws Exception {
    ResponseEntity<String> response = http.withBasicAuth(user, password).getForEntity("/engine-rest" + path, String.class);
    assertThat(response.getStatusCode()).as("GET " + path + " as " + user + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  private static InMemoryDirectoryServer startDirectory() {
    try {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=kommun,dc=test");
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", java.net.InetAddress.getLoopbackAddress(), 0, null));
      config.addAdditionalBindCredentials("cn=Kvalitetsarbete,dc=kommun,dc=test", MANAGER_PASSWORD);
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
      server.importFromLDIF(true, DirectoryLoginTest.class.getResource("/ldap/kommun.ldif").getPath());
      server.startListening();
      return server;
    } catch (Exception e) {
      throw new IllegalStateException("The in-memory LDAP server did not start", e);
    }
  }
}
