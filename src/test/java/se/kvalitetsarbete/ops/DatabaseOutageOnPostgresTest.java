package se.kvalitetsarbete.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.kvalitetsarbete.FreshPostgres;
import se.kvalitetsarbete.RestSteps;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.security.Roles;

/**
 * The database goes away (the line to PostgreSQL is cut): readiness says 503, requests fail with
 * a Swedish "try again" within the pool's timeout instead of hanging, and when the database is
 * back everything answers again without a restart.
 */
// One process engine per JVM is registered by name: each class closes its own.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.webapp.enabled=false",
    "kvalitet.admin.initial-password-file=target/postgres-test/initial-admin-password.txt"})
@ActiveProfiles("postgres")
class DatabaseOutageOnPostgresTest {

  static CuttableProxy line;

  @DynamicPropertySource
  static void databaseBehindAProxy(DynamicPropertyRegistry registry) throws SQLException, IOException {
    String url = FreshPostgres.create("kvalitetsarbete_outage");
    java.net.URI server = java.net.URI.create(url.substring("jdbc:".length()));
    line = new CuttableProxy(server.getHost(), server.getPort());
    registry.add("spring.datasource.url", () -> url.replace(":" + server.getPort() + "/", ":" + line.port() + "/"));
  }

  @AfterAll
  static void closeTheLine() throws IOException {
    line.close();
  }

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;

  @Test
  void duringAnOutageRequestsFailFastInSwedishAndAfterwardsEverythingAnswersAgain() throws Exception {
    scenario.staff(RestSteps.ADMIN, Roles.ADMINISTRATORS);
    TestRestTemplate admin = http.withBasicAuth(RestSteps.ADMIN, Scenario.PASSWORD);
    assertThat(admin.getForEntity("/engine-rest/process-definition?key=TermAllocation", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    line.cut();
    long before = System.nanoTime();
    ResponseEntity<String> refused = admin.getForEntity("/engine-rest/process-definition?key=TermAllocation", String.class);
    double seconds = (System.nanoTime() - before) / 1e9;
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(refused.getBody()).contains("Databasen svarar inte just nu, försök igen om en stund.").doesNotContain("Exception\"", "java.");
    assertThat(seconds).as("fails within the pool's timeout, not Hikari's default 30 s").isLessThan(20);
    System.out.printf("OUTAGE request answered 503 after %.1f s%n", seconds);
    assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    before = System.nanoTime();
    ResponseEntity<String> ownApi = admin.getForEntity("/api/allocation-decisions", String.class);
    seconds = (System.nanoTime() - before) / 1e9;
    System.out.printf("OUTAGE own API answered %d after %.1f s (a new connection that is never answered)%n", ownApi.getStatusCode().value(), seconds);
    assertThat(seconds).isLessThan(20);
    assertThat(ownApi.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(ownApi.getBody()).contains("Databasen svarar inte just nu");

    line.restore();
    long restored = System.nanoTime();
    long end = System.nanoTime() + 60_000_000_000L;
    while (http.getForEntity("/actuator/health/readiness", String.class).getStatusCode() != HttpStatus.OK) {
      assertThat(System.nanoTime()).as("ready again after the outage").isLessThan(end);
      Thread.sleep(500);
    }
    System.out.printf("OUTAGE ready again %.1f s after the database came back%n", (System.nanoTime() - restored) / 1e9);
    assertThat(admin.getForEntity("/engine-rest/process-definition?key=TermAllocation", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
