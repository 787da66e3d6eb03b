package se.kvalitetsarbete.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import se.kvalitetsarbete.RestSteps;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Unit;

/** Where the security tests start: two units with their rektorer, a coordinator, and a round the coordinator opened through REST. */
record TwoUnitsInARound(Unit unitA, Unit unitB, String roundId) {

  static TwoUnitsInARound open(Scenario scenario, TestRestTemplate http, String... moreStaff) throws Exception {
    List<Unit> units = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_F3, SchoolForm.GRUNDSKOLA_7_9);
    scenario.staff(units.get(0).getRektorUserId(), Roles.REKTORER);
    scenario.staff(units.get(1).getRektorUserId(), Roles.REKTORER);
    scenario.staff("samordnare", Roles.COORDINATORS);
    for (int i = 0; i + 1 < moreStaff.length; i += 2) {
      scenario.staff(moreStaff[i], moreStaff[i + 1]);
    }
    ResponseEntity<String> started = http.withBasicAuth("samordnare", Scenario.PASSWORD).postForEntity(
        "/engine-rest/process-definition/key/TermAllocation/submit-form",
        RestSteps.variables(Map.of("termSeason", "VT", "termYear", scenario.freshYear(),
            "applicationDeadline", LocalDate.now().plusWeeks(2).toString())), String.class);
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    String roundId = new ObjectMapper().readTree(started.getBody()).get("id").asText();
    scenario.runAsyncJobs();
    return new TwoUnitsInARound(units.get(0), units.get(1), roundId);
  }
}
