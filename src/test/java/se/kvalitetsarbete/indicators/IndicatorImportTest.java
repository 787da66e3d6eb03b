package se.kvalitetsarbete.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import se.kvalitetsarbete.common.InvalidInputException;
import se.kvalitetsarbete.indicators.IndicatorValue.Gender;
import se.kvalitetsarbete.indicators.IndicatorValue.Status;
import se.kvalitetsarbete.security.Roles;

/** Importing published indicator values: all or nothing, idempotent, and only for those who may. */
@ActiveProfiles("test")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:indicator-tests;DB_CLOSE_DELAY=-1"})
class IndicatorImportTest {

  static final String PASSWORD = "test-only-password";
  static final String HEADER = "kpi;kod;år;kön;värde;status\n";
  /** A fresh skolenhetskod per use, so tests sharing the database do not see each other's values. */
  static final AtomicInteger CODES = new AtomicInteger(98000001);

  @Autowired IndicatorImport importer;
  @Autowired IndicatorValueRepository values;
  @Autowired IdentityService identity;
  @Autowired TestRestTemplate http;

  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void staff() {
    user("samordnareind", Roles.COORDINATORS);
    user("rektorind", Roles.REKTORER);
    user("forvaltningind", Roles.ADMINISTRATION);
  }

  @Test
  void goodRowsAreStoredWithTheirValues() {
    String unit = newCode();
    String csv = HEADER
        + "I07;" + unit + ";2024;T;87,5;\n"
        + "I07;" + unit + ";2024;K;90.25;\n"
        + "I04;" + unit + ";2024;T;231,4;\n";

    IndicatorImport.Summary summary = importer.importCsv(csv);

    assertThat(summary.rowsRead()).isEqualTo(3);
    assertThat(summary.inserted()).isEqualTo(3);
    assertThat(summary.message()).isEqualTo("Importen klar: 3 nya, 0 ändrade, 0 oförändrade.");
    assertThat(value(unit, "I07", 2024, Gender.T).getValue()).isEqualByComparingTo("87.5");
    assertThat(value(unit, "I07", 2024, Gender.K).getValue()).isEqualByComparingTo("90.25");
    assertThat(value(unit, "I04", 2024, Gender.T).getValue()).isEqualByComparingTo("231.4");
    assertThat(value(unit, "I04", 2024, Gender.T).getStatus()).isEqualTo(Status.REPORTED);
  }

  @Test
  void suppressedAndMissingRowsAreStoredWithoutAValueAndWithTheirStatus() {
    String unit = newCode();
    String csv = HEADER
        + "I01;" + unit + ";2023;K;..;\n"
        + "I01;" + unit + ";2023;M;;<10\n"
        + "I01;" + unit + ";2023;T;..;Suppressed\n"
        + "I02;" + unit + ";2023;T;;Missing\n"
        + "I02;" + unit + ";2023;K;-;saknas\n"
        + "I02;" + unit + ";2023;M;;\n";

    importer.importCsv(csv);

    for (Gender gender : Gender.values()) {
      assertThat(value(unit, "I01", 2023, gender).getStatus()).as("I01 %s", gender).isEqualTo(Status.SUPPRESSED);
      assertThat(value(unit, "I01", 2023, gender).getValue()).isNull();
      assertThat(value(unit, "I02", 2023, gender).getStatus()).as("I02 %s", gender).isEqualTo(Status.MISSING);
      assertThat(value(unit, "I02", 2023, gender).getValue()).isNull();
    }
  }

  @Test
  void importingTheSameFileAgainChangesNothing() {
    String unit = newCode();
    String csv = HEADER
        + "I03;" + unit + ";2022;T;71,0;\n"
        + "I03;" + unit + ";2023;T;72,5;\n"
        + "I03;" + unit + ";2024;T;..;<10\n";
    importer.importCsv(csv);
    long rows = values.count();
    var importedAt = value(unit, "I03", 2023, Gender.T).getImportedAt();

    IndicatorImport.Summary again = importer.importCsv(csv);

    assertThat(again.inserted()).isZero();
    assertThat(again.updated()).isZero();
    assertThat(again.unchanged()).isEqualTo(3);
    assertThat(again.message()).isEqualTo("Importen klar: 0 nya, 0 ändrade, 3 oförändrade.");
    assertThat(values.count()).isEqualTo(rows);
    assertThat(value(unit, "I03", 2023, Gender.T).getImportedAt()).isEqualTo(importedAt);
  }

  @Test
  void aChangedValueOrStatusUpdatesTheStoredRowAndLeavesTheOthers() {
    String unit = newCode();
    importer.importCsv(HEADER
        + "I06;" + unit + ";2024;T;80,0;\n"
        + "I06;" + unit + ";2024;K;..;<10\n"
        + "I06;" + unit + ";2024;M;79,0;\n");
    long rows = values.count();

    IndicatorImport.Summary summary = importer.importCsv(HEADER
        + "I06;" + unit + ";2024;T;81,5;\n"
        + "I06;" + unit + ";2024;K;83,0;\n"
        + "I06;" + unit + ";2024;M;79,00;\n");

    assertThat(summary.updated()).isEqualTo(2);
    assertThat(summary.unchanged()).isEqualTo(1);
    assertThat(values.count()).isEqualTo(rows);
    assertThat(value(unit, "I06", 2024, Gender.T).getValue()).isEqualByComparingTo("81.5");
    assertThat(value(unit, "I06", 2024, Gender.K).getValue()).isEqualByComparingTo("83");
    assertThat(value(unit, "I06", 2024, Gender.K).getStatus()).isEqualTo(Status.REPORTED);
  }

  @Test
  void theEnglishHeaderAndKoladasKpiIdAreAccepted() {
    String unit = newCode();

    importer.importCsv("kpi;code;year;gender;value;status\r\nN15428;" + unit + ";2025;T;88.1;\r\n");

    assertThat(value(unit, "I07", 2025, Gender.T).getValue()).isEqualByComparingTo("88.1");
  }

  @Test
  void aFileWithBadRowsIsRefusedWholeWithEachProblemByLineNumberAndNothingIsWritten() {
    String unit = newCode();
    String csv = HEADER
        + "I07;" + unit + ";2024;T;87,5;\n"        // 2: good, but must not be written
        + "X99;" + unit + ";2024;T;50;\n"          // 3: unknown indicator
        + "I07;" + unit + ";1999;T;50;\n"          // 4: year out of range
        + "I07;" + unit + ";2024;X;50;\n"          // 5: gender
        + "I07;" + unit + ";2023;T;åttio;\n"       // 6: not a number
        + "I07;" + unit + ";2023;K;12;<10\n"       // 7: value for a suppressed row
        + "I07;" + unit + ";2023;M;101,5;\n"       // 8: a percentage above 100
        + "I07;" + unit + ";2022;T;50\n"           // 9: five columns
        + "I07;" + unit + ";2024;T;88;\n";         // 10: same key as line 2
    long before = values.count();

    assertThatThrownBy(() -> importer.importCsv(csv))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Filen importerades inte och inget sparades.")
        .hasMessageContaining("Rad 3: nyckeltalet \"X99\" finns inte")
        .hasMessageContaining("Rad 4: året \"1999\"")
        .hasMessageContaining("Rad 5: könet \"X\"")
        .hasMessageContaining("Rad 6: värdet \"åttio\" är inte ett tal")
        .hasMessageContaining("Rad 7: värdet \"12\" är angivet fast raden är undertryckt")
        .hasMessageContaining("Rad 8: värdet 101,5 ligger utanför 0–100")
        .hasMessageContaining("Rad 9: raden har 5 kolumner")
        .hasMessageContaining("Rad 10: samma nyckeltal, kod, år och kön som rad 2")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Rad 2:"));
    assertThat(values.count()).isEqualTo(before);
    assertThat(values.countByAreaCode(unit)).isZero();
  }

  @Test
  void atMostTwentyProblemsAreListedAndTheRestCounted() {
    String unit = newCode();
    String csv = HEADER + IntStream.rangeClosed(1, 25)
        .mapToObj(i -> "I07;" + unit + ";" + (2000 + i) + ";T;200;\n").collect(Collectors.joining());

    assertThatThrownBy(() -> importer.importCsv(csv))
        .hasMessageContaining("Rad 21: ")
        .hasMessageNotContaining("Rad 22: ")
        .hasMessageEndingWith("… och 5 till");
  }

  @Test
  void aFileWithoutTheHeaderLineIsRefused() {
    assertThatThrownBy(() -> importer.importCsv("I07;" + newCode() + ";2024;T;87,5;\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Rad 1: rubrikraden ska vara kpi;kod;år;kön;värde;status");
  }

  @Test
  void theDemoFileImportsWithoutProblems() throws Exception {
    try (InputStream in = new ClassPathResource(DemoIndicators.FILE).getInputStream()) {
      IndicatorImport.Summary summary = importer.importCsv(in.readAllBytes());
      assertThat(summary.rowsRead()).isGreaterThan(100);
    }
    assertThat(values.findByAreaCodeIn(List.of("1231"))).extracting(IndicatorValue::getStatus)
        .contains(Status.REPORTED, Status.MISSING);
    assertThat(values.findByAreaCodeIn(List.of("12345606"))).extracting(IndicatorValue::getStatus)
        .contains(Status.SUPPRESSED);
  }

  @Test
  void withoutALoginTheImportAnswers401() {
    ResponseEntity<String> response = http.postForEntity("/api/indicators/import", csvBody(HEADER), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aRektorMayNotImport() {
    String unit = newCode();
    long before = values.count();

    ResponseEntity<String> response = http.withBasicAuth("rektorind", PASSWORD)
        .postForEntity("/api/indicators/import", csvBody(HEADER + "I07;" + unit + ";2024;T;87,5;\n"), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(values.count()).isEqualTo(before);
  }

  @Test
  void aCoordinatorImportsAndEveryoneLoggedInReadsTheValuesInOrder() throws Exception {
    String unit = newCode();
    String csv = HEADER
        + "I07;" + unit + ";2024;M;85,0;\n"
        + "I07;" + unit + ";2023;T;86,0;\n"
        + "I03;" + unit + ";2024;T;70,0;\n"
        + "I07;" + unit + ";2024;T;87,5;\n"
        + "I07;" + unit + ";2024;K;..;<10\n";

    ResponseEntity<String> response = http.withBasicAuth("samordnareind", PASSWORD)
        .postForEntity("/api/indicators/import", csvBody(csv), String.class);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode summary = json.readTree(response.getBody());
    assertThat(summary.get("rowsRead").asInt()).isEqualTo(5);
    assertThat(summary.get("inserted").asInt()).isEqualTo(5);
    assertThat(summary.get("message").asText()).isEqualTo("Importen klar: 5 nya, 0 ändrade, 0 oförändrade.");

    JsonNode read = json.readTree(http.withBasicAuth("rektorind", PASSWORD)
        .getForObject("/api/indicators/values?area=" + unit + "&fromYear=2024", String.class));
    assertThat(read).extracting(v -> v.get("indicator").asText() + " " + v.get("year").asInt() + " " + v.get("gender").asText())
        .containsExactly("I03 2024 T", "I07 2024 T", "I07 2024 K", "I07 2024 M");
    assertThat(read.get(1).get("value").decimalValue()).isEqualByComparingTo(new BigDecimal("87.5"));
    assertThat(read.get(2).get("value").isNull()).isTrue();
    assertThat(read.get(2).get("status").asText()).isEqualTo("SUPPRESSED");
  }

  @Test
  void everyoneLoggedInReadsTheCatalogueOfThirteenIndicators() throws Exception {
    JsonNode catalogue = json.readTree(http.withBasicAuth("rektorind", PASSWORD).getForObject("/api/indicators", String.class));

    assertThat(catalogue).hasSize(13);
    assertThat(catalogue.get(0).get("code").asText()).isEqualTo("I01");
    assertThat(catalogue.get(6).get("koladaKpi").asText()).isEqualTo("N15428");
  }

  @Test
  void aBadFileThroughTheApiAnswers400WithTheLineNumbersInSwedish() throws Exception {
    String unit = newCode();
    long before = values.count();

    ResponseEntity<String> response = http.withBasicAuth("samordnareind", PASSWORD)
        .postForEntity("/api/indicators/import", csvBody(HEADER
            + "I07;" + unit + ";2024;T;87,5;\n"
            + "I07;" + unit + ";2024;Q;87,5;\n"), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(response.getBody()).get("message").asText())
        .contains("Rad 3: könet \"Q\" ska vara T (totalt), K (kvinnor) eller M (män).");
    assertThat(values.count()).isEqualTo(before);
  }

  @Test
  void theAdministrationUploadsACommaSeparatedFile() throws Exception {
    String unit = newCode();

    ResponseEntity<String> response = upload("forvaltningind", "kpi,kod,år,kön,värde,status\n"
        + "I07," + unit + ",2024,T,87.5,\n"
        + "I07," + unit + ",2023,T,..,\n");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(response.getBody()).get("message").asText()).isEqualTo("Importen klar: 2 nya, 0 ändrade, 0 oförändrade.");
    assertThat(value(unit, "I07", 2024, Gender.T).getValue()).isEqualByComparingTo("87.5");
    assertThat(value(unit, "I07", 2023, Gender.T).getStatus()).isEqualTo(Status.SUPPRESSED);
  }

  @Test
  void anExcelFileWithSemicolonsQuotesAByteOrderMarkAndCrlfIsUploaded() throws Exception {
    String unit = newCode();

    ResponseEntity<String> response = upload("samordnareind", "\uFEFF\"kpi\";\"kod\";\"år\";\"kön\";\"värde\";\"status\"\r\n"
        + "\"I07\";\"" + unit + "\";2024;\"K\";\"90,25\";\"\"\r\n"
        + "I07;" + unit + ";2024;M;\"\";\"saknas\"\r\n"
        + "\r\n");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(value(unit, "I07", 2024, Gender.K).getValue()).isEqualByComparingTo("90.25");
    assertThat(value(unit, "I07", 2024, Gender.M).getStatus()).isEqualTo(Status.MISSING);
  }

  @Test
  void anUploadWithABadLineAnswers400NamingTheLineAndWritesNothing() throws Exception {
    String unit = newCode();
    long before = values.count();

    ResponseEntity<String> response = upload("forvaltningind", HEADER
        + "I07;" + unit + ";2024;T;87,5;\r\n"
        + "I07;" + unit + ";2024;T;\"87,5;\r\n"
        + "I07;" + unit + ";2023;T;80;\r\n");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(response.getBody()).get("message").asText())
        .startsWith("Filen importerades inte och inget sparades.").contains("Rad 3: citattecknen stämmer inte");
    assertThat(values.count()).isEqualTo(before);

    ResponseEntity<String> wrongValue = upload("forvaltningind", HEADER
        + "I07;" + unit + ";2024;T;87,5;\n"
        + "I07;" + unit + ";2023;T;\"åttio\";\n");
    assertThat(wrongValue.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(wrongValue.getBody()).get("message").asText()).contains("Rad 3: värdet \"åttio\" är inte ett tal");
    assertThat(values.countByAreaCode(unit)).isZero();
  }

  @Test
  void aRektorMayNotUploadAndNothingIsWritten() throws Exception {
    String unit = newCode();

    ResponseEntity<String> response = upload("rektorind", HEADER + "I07;" + unit + ";2024;T;87,5;\n");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json.readTree(response.getBody()).get("message").asText()).contains("saknar behörighet");
    assertThat(values.countByAreaCode(unit)).isZero();
  }

  @Test
  void anUploadWithoutAFileIsRefusedInSwedish() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> response = http.withBasicAuth("forvaltningind", PASSWORD).postForEntity("/api/indicators/upload",
        new HttpEntity<>(new org.springframework.util.LinkedMultiValueMap<String, Object>(), headers), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(response.getBody()).get("message").asText()).startsWith("Välj en fil");
  }

  @Test
  void aBrokenMultipartBodyIsRefusedWithAReasonNotA500() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, "multipart/form-data");
    ResponseEntity<String> response = http.withBasicAuth("forvaltningind", PASSWORD).postForEntity("/api/indicators/upload",
        new HttpEntity<>("--cut-off\r\nContent-Disposition: form-data; name=\"file\"", headers), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(response.getBody()).get("message").asText()).startsWith("Filen kunde inte läsas");
  }

  private ResponseEntity<String> upload(String user, String csv) {
    org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
    form.add("file", new org.springframework.core.io.ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "indikatorer.csv";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, PASSWORD).postForEntity("/api/indicators/upload", new HttpEntity<>(form, headers), String.class);
  }

  private static String newCode() {
    return String.valueOf(CODES.getAndIncrement());
  }

  private IndicatorValue value(String area, String indicator, int year, Gender gender) {
    return values.findForArea(area, year, year).stream()
        .filter(v -> v.getIndicator().getCode().equals(indicator) && v.getYear() == year && v.getGender() == gender)
        .findFirst().orElseThrow(() -> new AssertionError("no value for " + indicator + " " + year + " " + gender));
  }

  private static HttpEntity<byte[]> csvBody(String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
    return new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers);
  }

  private void user(String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(id);
      user.setLastName("Test");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }
}
