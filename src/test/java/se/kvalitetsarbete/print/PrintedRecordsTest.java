package se.kvalitetsarbete.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.allocation.AllocationDecision;
import se.kvalitetsarbete.assignment.Assignment;
import se.kvalitetsarbete.assignment.Assignments;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.quality.QualityCycleScenario;
import se.kvalitetsarbete.quality.QualityPlan;
import se.kvalitetsarbete.quality.QualityPlans;
import se.kvalitetsarbete.quality.SchoolYear;
import se.kvalitetsarbete.quality.SchoolYearRepository;
import se.kvalitetsarbete.security.Roles;

/** Plans, the board report, decisions and an assignment's record as PDF: Swedish, complete, and only for those who may read them. */
@ActiveProfiles("test")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:print-tests;DB_CLOSE_DELAY=-1", "kvalitet.organisation-name=Provstadens kommun"})
class PrintedRecordsTest {

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;
  @Autowired QualityCycleScenario cycle;
  @Autowired QualityPlans plans;
  @Autowired SchoolYearRepository years;
  @Autowired Assignments assignments;

  @Test
  void aUnitsPlanPrintsWithItsHeadingsAndContentForItsRektorAndTheAdministration() throws Exception {
    Unit unit = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_4_6).get(0);
    scenario.staff(unit.getRektorUserId(), Roles.REKTORER);
    scenario.staff("forvaltningprint", Roles.ADMINISTRATION);
    scenario.staff("rektorannan", Roles.REKTORER);
    SchoolYear year = cycle.preparedYear(cycle.freshFirstYear());
    QualityPlan plan = plans.start(unit.getId(), year.getId(), null);
    plans.analyse(plan.getId(), "Måluppfyllelsen i svenska har sjunkit två år i följd.", "Få behöriga lärare i åk 4.\u0001",
        "Ämneslagen träffas varannan vecka.", "Läsgrupper enligt forskningen om läsförståelse.", "Flickor och pojkar läser olika mycket.",
        "Engagerade lärare.", "Lite tid för analys.", "Schemat.", List.of(), unit.getRektorUserId());

    String text = pdfText(get(unit.getRektorUserId(), "/api/quality-plans/" + plan.getId() + "/pdf"));

    assertThat(text).contains("Provstadens kommun", "Plan för systematiskt kvalitetsarbete, " + unit.getName(),
        "läsåret " + year.getLabel(), "Resultatdel", "Analysdel", "Utvecklingsdel", "Historiskt och jämförande",
        "Måluppfyllelsen i svenska har sjunkit två år i följd.", "status: under arbete");
    assertThat(pdfText(get("forvaltningprint", "/api/quality-plans/" + plan.getId() + "/pdf")))
        .contains("Få behöriga lärare i åk 4.");

    ResponseEntity<byte[]> refused = get("rektorannan", "/api/quality-plans/" + plan.getId() + "/pdf");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(new String(refused.getBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("saknar du behörighet").doesNotContain("%PDF");
  }

  @Test
  void theBoardReportPrintsForTheAdministrationAndIsRefusedToARektor() throws Exception {
    scenario.staff("forvaltningprint", Roles.ADMINISTRATION);
    scenario.staff("rektorrapport", Roles.REKTORER);
    SchoolYear year = cycle.preparedYear(cycle.freshFirstYear());
    year.setBoardReport("Kvalitetsrapport till barn- och utbildningsnämnden, läsåret " + year.getLabel()
        + "\n\nHUVUDMANNENS ANALYS\nLäsförståelsen är årets gemensamma område.\n\nENHETERNAS LÄGE\nÅtta av nio planer är godkända.");
    years.save(year);

    String text = pdfText(get("forvaltningprint", "/api/quality-plans/board-report/pdf?schoolYear=" + year.getLabel()));

    assertThat(text).contains("Provstadens kommun", "Kvalitetsrapport till barn- och utbildningsnämnden", "Huvudmannens analys",
        "Läsförståelsen är årets gemensamma område.", "Enheternas läge", "Åtta av nio planer är godkända.",
        "Ännu inte godkänd av förvaltningen");
    ResponseEntity<byte[]> refused = get("rektorrapport", "/api/quality-plans/board-report/pdf?schoolYear=" + year.getLabel());
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getHeaders().getContentType()).isNotEqualTo(MediaType.APPLICATION_PDF);
    assertThat(new String(refused.getBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("saknar behörighet");
  }

  @Test
  void anAssignmentsRecordPrintsForItsRektorAndTeamAndNotForAnotherRektor() throws Exception {
    Unit unit = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_F3).get(0);
    scenario.staff(unit.getRektorUserId(), Roles.REKTORER);
    scenario.staff("team3", Roles.QUALITY_TEAM);
    scenario.staff("rektorannan", Roles.REKTORER);
    AllocationDecision decision = scenario.grantedDecision(unit, List.of("team3"));
    Assignment assignment = assignments.register(decision.getId(), null);
    assignments.kickOff(assignment.getId(), "Alla elever i åk 2 läser dagligen i par.", List.of(), "Arbetslaget F–3", null, List.of());
    assignments.checkIn(assignment.getId(), "Läsparen är i gång i två av tre klasser.", null, "team3");
    assignments.close(assignment.getId(), "Läsparen är en del av veckoschemat.", "Förstelärarna håller i läsparen.", true, null);
    assignments.planFollowUps(assignment.getId(), "P1M, P3M");

    ResponseEntity<byte[]> printed = get(unit.getRektorUserId(), "/api/assignment-records/" + assignment.getId() + "/pdf");
    String text = pdfText(printed);
    keep(printed, "uppdrag.pdf");

    assertThat(text).contains("Uppdrag vid " + unit.getName(), "Beställning och beslut", "Läsförståelsen i åk 5 behöver stärkas.",
        "Uppstart", "Alla elever i åk 2 läser dagligen i par.", "Avstämningar under terminen",
        "Läsparen är i gång i två av tre klasser.", "Avslut", "Förstelärarna håller i läsparen.", "Uppföljande samtal", "inte hållet ännu");
    assertThat(get("team3", "/api/assignment-records/" + assignment.getId() + "/pdf").getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<byte[]> refused = get("rektorannan", "/api/assignment-records/" + assignment.getId() + "/pdf");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(new String(refused.getBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("saknar behörighet").doesNotContain("%PDF");
    assertThat(http.withBasicAuth("rektorannan", Scenario.PASSWORD).getForObject("/api/assignment-records", String.class))
        .doesNotContain(unit.getName());
  }

  @Test
  void aRoundsDecisionsPrintWithGroundsAndMotivationForAllStaff() throws Exception {
    Unit unit = scenario.municipalityWith(SchoolForm.GRUNDSKOLA_7_9).get(0);
    scenario.staff("larareprint", Roles.STAFF);
    AllocationDecision decision = scenario.grantedDecision(unit, List.of("team4"));
    String term = decision.getNeedsDescription().getRound().getTerm().label();

    ResponseEntity<byte[]> answer = get("larareprint", "/api/allocation-decisions/pdf?term=" + term);
    String text = pdfText(answer);

    assertThat(text).contains("Rektorsmötets beslut om kvalitetsteamet, " + term, unit.getName(), "Beviljas",
        "Behovet vilar på en analys av resultat (+3)", "Motivering");
    assertThat(get("larareprint", "/api/allocation-decisions/pdf?term=VT 2099").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theFontIsEmbeddedSoSwedishLettersPrintEverywhere() throws Exception {
    scenario.staff("larareprint", Roles.STAFF);
    try (PDDocument pdf = Loader.loadPDF(get("larareprint", "/api/allocation-decisions/pdf").getBody())) {
      PDFont font = pdf.getPage(0).getResources().getFont(pdf.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.getName()).contains("DejaVuSans");
      assertThat(font.isEmbedded()).isTrue();
    }
  }

  /** Left under target/print/ to look at (and for the README's picture, see PdfPagePicture). */
  private static void keep(ResponseEntity<byte[]> pdf, String name) throws IOException {
    java.nio.file.Path folder = java.nio.file.Path.of("target", "print");
    java.nio.file.Files.createDirectories(folder);
    java.nio.file.Files.write(folder.resolve(name), pdf.getBody());
  }

  private ResponseEntity<byte[]> get(String user, String path) {
    return http.withBasicAuth(user, Scenario.PASSWORD).getForEntity(path, byte[].class);
  }

  private static String pdfText(ResponseEntity<byte[]> answer) throws IOException {
    assertThat(answer.getStatusCode()).as(() -> new String(answer.getBody() == null ? new byte[0] : answer.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    try (PDDocument pdf = Loader.loadPDF(answer.getBody())) {
      return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }
  }
}
