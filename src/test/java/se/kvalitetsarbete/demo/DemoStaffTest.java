package se.kvalitetsarbete.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import se.kvalitetsarbete.security.Roles;

/** The demo's teachers log in and belong to all staff and to their own unit, as the README's table says. */
@DirtiesContext
@ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:demo-staff-tests;DB_CLOSE_DELAY=-1",
    "kvalitet.admin.initial-password-file=target/demo-staff-tests/initial-admin-password.txt",
    "camunda.bpm.job-execution.enabled=false"})
class DemoStaffTest {

  @Autowired IdentityService identity;
  @Autowired TestRestTemplate http;

  @Test
  void everyDemoUnitHasTeachersInItsStaffGroup() {
    for (int unit = 1; unit <= 6; unit++) {
      String group = Roles.staffOf("1234560" + unit);
      assertThat(identity.createUserQuery().memberOfGroup(group).list()).as(group).hasSize(2)
          .allSatisfy(user -> assertThat(identity.createUserQuery().userId(user.getId()).memberOfGroup(Roles.STAFF).count()).isOne());
    }
    assertThat(identity.createUserQuery().userId("larare1a").memberOfGroup(Roles.staffOf("12345601")).count()).isOne();
    assertThat(identity.createGroupQuery().groupId(Roles.staffOf("12345601")).singleResult().getName())
        .isEqualTo("Personal – Tornets förskola");
  }

  @Test
  void aDemoUnitHasTwoArbetslagThatItsOwnStaffSee() {
    ResponseEntity<String> teams = http.withBasicAuth("larare1a", DemoDataGenerator.PASSWORD)
        .getForEntity("/api/staff-teams?unitId=" + unitIdOf("12345601"), String.class);
    assertThat(teams.getStatusCode().is2xxSuccessful()).as(teams.getBody()).isTrue();
    assertThat(teams.getBody()).contains("\"name\":\"Arbetslag Räven\"", "\"members\":[\"larare1b\"]",
        "\"name\":\"Arbetslag Ugglan\"", "\"members\":[\"larare1a\"]");
    assertThat(http.withBasicAuth("larare2a", DemoDataGenerator.PASSWORD)
        .getForEntity("/api/staff-teams?unitId=" + unitIdOf("12345601"), String.class).getStatusCode().value()).isEqualTo(404);
  }

  @Autowired se.kvalitetsarbete.organisation.UnitRepository units;

  private Long unitIdOf(String code) {
    return units.findByCode(code).orElseThrow().getId();
  }

  @Test
  void aDemoTeacherLogsInWithTheDemoPassword() {
    ResponseEntity<String> own = http.withBasicAuth("larare1a", DemoDataGenerator.PASSWORD).getForEntity("/api/needs-descriptions", String.class);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(own.getBody()).as("the demo round has only drafts so far").isEqualTo("[]");
    assertThat(http.withBasicAuth("larare1a", "wrong").getForEntity("/api/needs-descriptions", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theDemoShowsATeachersViewADraftSharedWithLarare1aWithTheirComment() throws Exception {
    ResponseEntity<String> drafts = http.withBasicAuth("larare1a", DemoDataGenerator.PASSWORD)
        .getForEntity("/api/needs-descriptions/drafts", String.class);
    assertThat(drafts.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(drafts.getBody()).contains("Tornets förskola", "Läsförståelsen i åk 2", "arbetslag Lila");
    assertThat(http.withBasicAuth("larare1b", DemoDataGenerator.PASSWORD).getForEntity("/api/needs-descriptions/drafts", String.class)
        .getBody()).as("not named").isEqualTo("[]");
  }
}
