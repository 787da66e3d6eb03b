package se.kvalitetsarbete.security;

import java.sql.Connection;
import java.sql.Statement;
import se.kvalitetsarbete.FreshPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.kvalitetsarbete.KvalitetsarbeteApplication;

/** Profile prod starts only when it is safe, and then runs hardened. */
class ProductionProfileTest {

  static final String STRONG = "Rektorsmöte#Vår2027";

  @Test
  void prodRefusesToStartWithoutAnAdministratorPasswordFromOutside() {
    assertThatThrownBy(() -> start("prod", "")).hasStackTraceContaining("KVALITET_ADMIN_PASSWORD");
  }

  @Test
  void prodRefusesToStartWithAWeakOrKnownPassword() {
    assertThatThrownBy(() -> start("prod", "demo")).hasStackTraceContaining("minst 12 tecken");
    assertThatThrownBy(() -> start("prod", "Admin-Password-1")).hasStackTraceContaining("för lätt att gissa");
    assertThat(ProductionSafety.weakness("admin", "sommarsolen2027")).contains("för lätt att gissa");
    assertThat(ProductionSafety.weakness("admin", "lillaskolan2027")).contains("små och stora bokstäver");
    assertThat(ProductionSafety.weakness("rektor", "Rektor#Skolan2027")).contains("för lätt att gissa");
    assertThat(ProductionSafety.weakness("admin", STRONG)).isNull();
  }

  @Test
  void prodRefusesToStartWithDemoData() {
    assertThatThrownBy(() -> start("prod,demo", STRONG)).hasStackTraceContaining("demodata hör inte hemma i produktion");
  }

  @Test
  void prodStartsHardenedWithItsAdministrator() throws Exception {
    try (ConfigurableApplicationContext app = start("prod", STRONG)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(engine.getIdentityService().createUserQuery().userId("admin").memberOfGroup(Roles.ADMINISTRATORS).count()).isOne();
      assertThat(engine.getIdentityService().checkPassword("admin", STRONG)).isTrue();
      ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      assertThat(configuration.isAuthorizationEnabled()).isTrue();
      assertThat(configuration.isEnablePasswordPolicy()).isTrue();
      assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
      assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
      assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
      assertThat(app.getEnvironment().getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
      assertThat(app.getEnvironment().getProperty("server.servlet.session.cookie.http-only")).isEqualTo("true");
      assertThat(app.getEnvironment().getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie")).isEqualTo("true");

      HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/beslut.html")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));

      HttpResponse<String> weak = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/engine-rest/user/create"))
          .header("Content-Type", "application/json")
          .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + STRONG).getBytes()))
          .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"svag\",\"firstName\":\"S\",\"lastName\":\"V\"},"
              + "\"credentials\":{\"password\":\"abc\"}}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(weak.statusCode()).as(weak.body()).isEqualTo(400);
      assertThat(weak.body()).contains("Lösenordet uppfyller inte");
      assertThat(engine.getIdentityService().createUserQuery().userId("svag").count()).isZero();
    }
  }

  @Test
  void prodOnPostgresRefusesASuperuserAndRunsAsTheApplicationsOwnRole() throws Exception {
    String url = FreshPostgres.create("kvalitetsarbete_prod");
    String database = url.substring(url.lastIndexOf('/') + 1);
    String role = "kvalitet_" + database.substring(database.lastIndexOf('_') + 1);
    assertThatThrownBy(() -> startOn(url, "postgres")).hasStackTraceContaining("är superanvändare");
    try (Connection admin = FreshPostgres.connect(database); Statement sql = admin.createStatement()) {
      // As docker-compose's init script does: a login that owns only its schema.
      sql.execute("create role " + role + " login password 'x' nosuperuser nocreatedb nocreaterole");
      sql.execute("create schema " + role + " authorization " + role);
      sql.execute("alter role " + role + " set search_path = " + role);
      sql.execute("revoke create on schema public from public");
    }
    try {
      try (ConfigurableApplicationContext app = startOn(url, role)) {
        assertThat(app.getBean(ProcessEngine.class).getIdentityService().checkPassword("admin", STRONG)).isTrue();
      }
    } finally {
      try (Connection admin = FreshPostgres.connect(database); Statement sql = admin.createStatement()) {
        sql.execute("drop owned by " + role + " cascade");
        sql.execute("drop role " + role);
      }
    }
  }

  private static ConfigurableApplicationContext startOn(String url, String user) {
    return new SpringApplicationBuilder(KvalitetsarbeteApplication.class).run(
        "--spring.profiles.active=prod,postgres",
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + user,
        "--spring.datasource.password=x",
        "--kvalitet.admin.password=" + STRONG,
        "--kvalitet.admin.initial-password-file=target/prod-postgres/initial-admin-password.txt",
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false");
  }

  private static ConfigurableApplicationContext start(String profiles, String adminPassword) {
    return new SpringApplicationBuilder(KvalitetsarbeteApplication.class).run(
        "--spring.profiles.active=" + profiles,
        "--spring.datasource.url=jdbc:h2:mem:prod-" + profiles.replace(',', '-') + ";DB_CLOSE_DELAY=-1",
        "--kvalitet.admin.password=" + adminPassword,
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false");
  }
}
