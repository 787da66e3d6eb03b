package se.kvalitetsarbete.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.allocation.AllocationDecision;
import se.kvalitetsarbete.allocation.NeedsDescription;
import se.kvalitetsarbete.allocation.NeedsDescriptionRepository;
import se.kvalitetsarbete.indicators.IndicatorImport;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.quality.QualityCycleScenario;
import se.kvalitetsarbete.quality.SchoolYear;
import se.kvalitetsarbete.security.Roles;

/** The pictures on the charts page, drawn from known data: what is withheld is marked as withheld, never drawn as 0. */
@ActiveProfiles("test")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:chart-tests;DB_CLOSE_DELAY=-1", "kvalitet.municipality-code=9999"})
class ChartsTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @Autowired QualityCycleScenario cycle;
  @Autowired IndicatorImport importer;
  @Autowired TaskService tasks;
  @Autowired NeedsDescriptionRepository descriptions;

  @Test
  void anIndicatorsTrendMarksSuppressedAndMissingValuesAndShowsTheMunicipalityBeside() {
    Unit unit = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_7_9).get(0);
    scenario.staff("lararediagram", Roles.STAFF);
    importer.importCsv("kpi;kod;år;kön;värde;status\n"
        + "I07;" + unit.getCode() + ";2022;T;81,5;\n"
        + "I07;" + unit.getCode() + ";2023;T;..;\n"
        + "I07;" + unit.getCode() + ";2024;T;;saknas\n"
        + "I07;" + unit.getCode() + ";2025;T;84;\n"
        + "I07;9999;2022;T;78;\n"
        + "I07;9999;2025;T;80;\n");

    String svg = get("lararediagram", "/api/indicators/trend.svg?area=" + unit.getCode() + "&indicator=I07");

    assertThat(svg).startsWith("<svg").contains("<g class=\"series\" data-series=\"" + unit.getName() + "\">",
        "<g class=\"series\" data-series=\"Kommunen\">",
        "<circle class=\"value\" data-x=\"2022\" data-value=\"81.5\"", "<circle class=\"value\" data-x=\"2025\" data-value=\"84\"",
        "<rect class=\"suppressed\" data-x=\"2023\"", "<text class=\"missing\" data-x=\"2024\"",
        "Undertryckt (för få elever)", "Saknas");
    assertThat(svg).doesNotContain("data-x=\"2023\" data-value", "data-x=\"2024\" data-value", "data-value=\"0\"");
    // the line breaks at the gap: the unit's path is two pieces, not one through 0
    String unitSeries = svg.substring(svg.indexOf("data-series=\"" + unit.getName()), svg.indexOf("data-series=\"Kommunen\""));
    assertThat(unitSeries.split(" M", -1)).hasSize(2);
  }

  @Test
  void anUnknownIndicatorOrGenderIsRefusedInSwedish() {
    scenario.staff("lararediagram", Roles.STAFF);
    ResponseEntity<String> unknown = http.withBasicAuth("lararediagram", Scenario.PASSWORD)
        .getForEntity("/api/indicators/trend.svg?area=1&indicator=X99", String.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody()).contains("Nyckeltalet \\\"X99\\\" finns inte.");
    ResponseEntity<String> gender = http.withBasicAuth("lararediagram", Scenario.PASSWORD)
        .getForEntity("/api/indicators/trend.svg?area=1&indicator=I07&gender=X", String.class);
    assertThat(gender.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void theTeamsCapacityStandsBesideWhatWasGrantedEachTerm() {
    Unit unit = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_F3).get(0);
    scenario.staff("lararediagram", Roles.STAFF);
    AllocationDecision decision = scenario.grantedDecision(unit, List.of("team1", "team2"));
    String term = decision.getNeedsDescription().getRound().getTerm().label();
    NeedsDescription needs = descriptions.findById(decision.getNeedsDescription().getId()).orElseThrow();
    needs.setWishedMembers(3);
    needs.setWishedDays(new java.math.BigDecimal("2.5"));
    descriptions.save(needs);

    String svg = get("lararediagram", "/api/allocation-decisions/capacity.svg");

    String group = svg.substring(svg.indexOf("<g class=\"group\" data-group=\"" + term + "\">"));
    group = group.substring(0, group.indexOf("</g>"));
    // two members, three days a week each
    assertThat(group).contains("data-series=\"Beviljat av rektorsmötet\" data-value=\"6\"",
        "data-series=\"Önskat i behovsbeskrivningarna\" data-value=\"7.5\"",
        "data-series=\"Teamets kapacitet\" data-value=\"");
    assertThat(svg).contains("Kvalitetsteamets kapacitet och efterfrågan per termin", "Önskat i behovsbeskrivningarna");
  }

  @Test
  void everyUnitsPlanStandsAtItsCurrentStepAndARektorSeesOnlyTheirOwn() throws Exception {
    List<Unit> units = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_4_6, SchoolForm.GRUNDSKOLA_7_9);
    scenario.staff("forvaltningdiagram", Roles.ADMINISTRATION);
    scenario.staff(units.get(0).getRektorUserId(), Roles.REKTORER);
    SchoolYear year = cycle.preparedYear(cycle.freshFirstYear());
    ProcessInstance plan = cycle.startPlan(year, units.get(0).getId());
    String step = tasks.createTaskQuery().processInstanceId(plan.getId()).list().get(0).getName();

    String svg = get("forvaltningdiagram", "/api/quality-plans/progress.svg?schoolYear=" + year.getLabel());

    String row = svg.substring(svg.indexOf("data-row=\"" + units.get(0).getName() + "\""));
    row = row.substring(0, row.indexOf("</g>"));
    assertThat(row).contains("<circle class=\"at\" data-column=\"" + step + "\"");
    String other = svg.substring(svg.indexOf("data-row=\"" + units.get(1).getName() + "\""));
    assertThat(other.substring(0, other.indexOf("</g>"))).contains("ingen plan påbörjad").doesNotContain("class=\"at\"");

    String own = get(units.get(0).getRektorUserId(), "/api/quality-plans/progress.svg?schoolYear=" + year.getLabel());
    assertThat(own).contains(units.get(0).getName()).doesNotContain(units.get(1).getName());
  }

  private String get(String user, String path) {
    ResponseEntity<String> answer = http.withBasicAuth(user, Scenario.PASSWORD).getForEntity(path, String.class);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
    return answer.getBody();
  }
}
