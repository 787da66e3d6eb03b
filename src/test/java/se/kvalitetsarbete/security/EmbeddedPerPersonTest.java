package se.kvalitetsarbete.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.hal.HalResource;
import org.camunda.bpm.engine.rest.hal.user.HalUser;
import org.camunda.bpm.engine.rest.hal.user.HalUserResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kvalitetsarbete.common.ApplicationTimeZone;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The users Camunda REST embeds in a task list, remembered per person: what one person may read is
 * never shown to another, and a revoked right or a changed name applies at once.
 */
class EmbeddedPerPersonTest {

  private static ProcessEngine engine;
  private static EmbeddedPerPerson embedded;

  @BeforeAll
  static void engine() {
    // The application's zone before H2 starts: H2 keeps the JVM's zone of its first use, and the
    // application's tests in this JVM store dates in Swedish time.
    ApplicationTimeZone.apply(ApplicationTimeZone.DEFAULT);
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:embedded-per-person;DB_CLOSE_DELAY=1000")
        .setProcessEngineName("embedded-per-person");
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    embedded = new EmbeddedPerPerson(beans.getBeanProvider(IdentityService.class), 60);
    configuration.setProcessEnginePlugins(List.of(embedded));
    engine = configuration.buildProcessEngine();
    beans.addBean("identityService", engine.getIdentityService());
    embedded.register();

    IdentityService identities = engine.getIdentityService();
    for (String id : List.of("anna", "bertil", "cecilia")) {
      User user = identities.newUser(id);
      user.setFirstName(id);
      user.setLastName("Lärare");
      identities.saveUser(user);
    }
    grantRead("anna", "cecilia");
    grantRead("bertil", "bertil");
    engine.getProcessEngineConfiguration().setAuthorizationEnabled(true);
  }

  private static Authorization grantRead(String who, String user) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setUserId(who);
    read.setResource(Resources.USER);
    read.setResourceId(user);
    read.addPermission(Permissions.READ);
    return authorizations.saveAuthorization(read);
  }

  @AfterAll
  static void close() {
    embedded.unregister();
    engine.close();
  }

  @AfterEach
  void nobody() {
    engine.getIdentityService().clearAuthentication();
  }

  /** What Camunda REST embeds for these user ids when the person asks, as HalUser ids and names. */
  private static Map<String, String> embeddedFor(String person, String... userIds) {
    engine.getIdentityService().setAuthentication(person, List.of("lärare"));
    List<HalResource<?>> users = new HalUserResolver().resolveLinks(userIds, engine);
    return users.stream().map(HalUser.class::cast).collect(java.util.stream.Collectors.toMap(HalUser::getId, HalUser::getLastName));
  }

  @Test
  void aUserOnePersonMayReadIsNeverShownToAnotherWhoMayNot() {
    assertThat(embeddedFor("anna", "cecilia")).containsOnlyKeys("cecilia");
    assertThat(embeddedFor("anna", "cecilia")).as("now remembered for anna").containsOnlyKeys("cecilia");
    assertThat(embedded.cacheOf(HalUser.class).get("cecilia")).as("remembered for anna").isNotNull();
    engine.getIdentityService().setAuthentication("bertil", List.of("lärare"));
    assertThat(embedded.cacheOf(HalUser.class).get("cecilia")).as("for anna only").isNull();
    engine.getIdentityService().setAuthentication("anna", List.of("lärare", "rektorer"));
    assertThat(embedded.cacheOf(HalUser.class).get("cecilia")).as("for anna with these groups only").isNull();

    assertThat(embeddedFor("bertil", "cecilia")).isEmpty();
    assertThat(embeddedFor("bertil", "cecilia", "bertil")).containsOnlyKeys("bertil");
  }

  @Test
  void aRevokedRightAndAChangedNameApplyAtOnce() {
    Authorization read = grantRead("cecilia", "anna");
    assertThat(embeddedFor("cecilia", "anna")).containsEntry("anna", "Lärare");

    engine.getIdentityService().clearAuthentication();
    User anna = engine.getIdentityService().createUserQuery().userId("anna").singleResult();
    anna.setLastName("Rektor");
    engine.getIdentityService().saveUser(anna);
    assertThat(embeddedFor("cecilia", "anna")).containsEntry("anna", "Rektor");

    engine.getIdentityService().clearAuthentication();
    engine.getAuthorizationService().deleteAuthorization(read.getId());
    assertThat(embeddedFor("cecilia", "anna")).isEmpty();
  }

  @Test
  void aNewReadOfAProcessInstanceKeepsWhatIsRememberedANewRightOnUsersDoesNot() {
    assertThat(embeddedFor("anna", "cecilia")).containsOnlyKeys("cecilia");
    engine.getIdentityService().clearAuthentication();
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization instance = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    instance.setUserId("anna");
    instance.setResource(Resources.PROCESS_INSTANCE);
    instance.setResourceId("some-instance");
    instance.addPermission(Permissions.READ);
    authorizations.saveAuthorization(instance);
    engine.getIdentityService().setAuthentication("anna", List.of("lärare"));
    assertThat(embedded.cacheOf(HalUser.class).get("cecilia")).as("still remembered").isNotNull();

    engine.getIdentityService().clearAuthentication();
    Authorization onUsers = grantRead("anna", "bertil");
    engine.getIdentityService().setAuthentication("anna", List.of("lärare"));
    assertThat(embedded.cacheOf(HalUser.class).get("cecilia")).as("forgotten after a change of rights on users").isNull();
    engine.getIdentityService().clearAuthentication();
    authorizations.deleteAuthorization(onUsers.getId());
    authorizations.deleteAuthorization(instance.getId());
  }

  @Test
  void nothingIsRememberedWithoutAPerson() {
    embedded.cacheOf(HalUser.class).put("anna", "someone's");
    assertThat(embedded.cacheOf(HalUser.class).get("anna")).isNull();
  }
}
