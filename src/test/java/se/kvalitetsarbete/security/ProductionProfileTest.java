package se.kvalitetsarbete.security;

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
    }
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
