package se.kvalitetsarbete.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.common.InvalidInputException;
import se.kvalitetsarbete.organisation.Season;
import se.kvalitetsarbete.organisation.Term;
import se.kvalitetsarbete.security.Roles;

/** The administration's school calendar: imported all or nothing, read by everyone, and what a school day is. */
@ActiveProfiles("test")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:calendar-tests;DB_CLOSE_DELAY=-1",
    "kvalitet.admin.initial-password-file=target/calendar-tests/initial-admin-password.txt",
    "camunda.bpm.job-execution.enabled=false"})
class SchoolCalendarTest {

  static final TestCalendar YEAR = new TestCalendar(2090);

  @Autowired SchoolCalendar calendar;
  @Autowired CalendarImport importer;
  @Autowired CalendarYearRepository years;
  @Autowired HolidayRepository holidays;
  @Autowired Scenario scenario;
  @Autowired TestRestTemplate http;

  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void theAdministrationHasImportedTheYear() {
    importer.importCsv(YEAR.csv());
    scenario.staff("forvaltningkal", Roles.ADMINISTRATION);
    scenario.staff("rektorkal", Roles.REKTORER);
  }

  @Test
  void termDatesComeFromTheCalendar() {
    assertThat(calendar.term(new Term.Key(Season.HT, 2090))).isEqualTo(new TermDates(YEAR.autumnStarts(), YEAR.autumnEnds(), true));
    assertThat(calendar.term(new Term.Key(Season.VT, 2091))).isEqualTo(new TermDates(YEAR.springStarts(), YEAR.springEnds(), true));
  }

  @Test
  void aYearTheCalendarDoesNotHoldFallsBackToTheUsualDatesWithWeekendsOff() {
    TermDates autumn = calendar.term(new Term.Key(Season.HT, 2080));
    TermDates spring = calendar.term(new Term.Key(Season.VT, 2081));

    assertThat(autumn).isEqualTo(new TermDates(LocalDate.of(2080, 8, 15), LocalDate.of(2080, 12, 20), false));
    assertThat(spring).isEqualTo(new TermDates(LocalDate.of(2081, 1, 8), LocalDate.of(2081, 6, 12), false));
    LocalDate saturday = LocalDate.of(2080, 10, 5);
    assertThat(saturday.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    assertThat(calendar.nextSchoolDay(saturday)).isEqualTo(LocalDate.of(2080, 10, 7));
  }

  @Test
  void weekendsLovAndDaysOffAreNoSchoolDays() {
    LocalDate saturday = YEAR.autumnStarts().plusWeeks(3).with(DayOfWeek.SATURDAY);
    assertThat(calendar.nextSchoolDay(saturday)).as("a Saturday moves to Monday").isEqualTo(saturday.plusDays(2));
    assertThat(calendar.nextSchoolDay(YEAR.sportlovStarts().plusDays(2))).as("sportlov moves to the Monday after")
        .isEqualTo(YEAR.sportlovStarts().plusWeeks(1));
    assertThat(calendar.nextSchoolDay(YEAR.hostlovStarts())).isEqualTo(YEAR.hostlovStarts().plusWeeks(1));
    assertThat(calendar.isSchoolDay(YEAR.lovdag())).isFalse();
    assertThat(calendar.isSchoolDay(YEAR.lovdag().minusDays(1))).isTrue();
    assertThat(calendar.nextSchoolDay(YEAR.autumnEnds().plusDays(3))).as("jullov ends when VT starts").isEqualTo(YEAR.springStarts());
    assertThat(calendar.nextSchoolDay(YEAR.autumnStarts().minusDays(10))).as("before the term starts").isEqualTo(YEAR.autumnStarts());
    assertThat(calendar.nextSchoolDay(LocalDate.of(2091, 7, 10))).as("sommarlov: the next läsår's first day (fallback for 2091/92)")
        .isEqualTo(LocalDate.of(2091, 8, 15));
  }

  @Test
  void schoolDaysAreCountedPastLov() {
    LocalDate fridayBeforeSportlov = YEAR.sportlovStarts().minusDays(3);

    assertThat(calendar.schoolDaysAfter(fridayBeforeSportlov, 1)).isEqualTo(YEAR.sportlovStarts().plusWeeks(1));
    assertThat(calendar.schoolDaysAfter(fridayBeforeSportlov, 5)).isEqualTo(YEAR.sportlovStarts().plusWeeks(1).plusDays(4));
  }

  @Test
  void importingAgainReplacesTheYearAndNothingElse() {
    TestCalendar other = new TestCalendar(2092);
    importer.importCsv(other.csv());

    CalendarImport.Summary summary = importer.importCsv("läsår;vad;från;till\n2090/91;HT;2090-08-20;2090-12-19\n2090/91;VT;2091-01-09;2091-06-10\n");

    assertThat(summary.message()).isEqualTo("Kalendern för läsåret 2090/91 är sparad, med 0 lov och lovdagar.");
    assertThat(calendar.term(new Term.Key(Season.HT, 2090)).starts()).isEqualTo(LocalDate.of(2090, 8, 20));
    assertThat(holidays.findByFirstYearOrderByStartsOn(2090)).isEmpty();
    assertThat(holidays.findByFirstYearOrderByStartsOn(2092)).hasSize(6);
    assertThat(calendar.term(new Term.Key(Season.HT, 2092)).fromCalendar()).isTrue();
  }

  @Test
  void aFileWithOneBadLineOrAMissingTermIsRefusedWholeWithLineNumbersInSwedish() {
    long yearsBefore = years.count();
    long holidaysBefore = holidays.count();
    String csv = "läsår;vad;från;till\n"
        + "2093/94;HT;2093-08-17;2093-12-18\n"
        + "2093/94;sportlov;2094-02-22;2094-02-19\n"
        + "2093/94;midsommar;2094-06-19;2094-06-19\n"
        + "2093/94;VT;2094-01-08;2094-06-31\n"
        + "2094/95;HT;2094-08-17;2094-12-18\n";

    assertThatThrownBy(() -> importer.importCsv(csv))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Kalendern importerades inte och inget sparades.")
        .hasMessageContaining("Rad 3: sista dagen 2094-02-19 ligger före första dagen 2094-02-22.")
        .hasMessageContaining("Rad 4: \"midsommar\" känns inte igen")
        .hasMessageContaining("Rad 5: \"2094-06-31\" är inget datum")
        .hasMessageContaining("Läsåret 2094/95 saknar VT: ange vårterminens första och sista skoldag");
    assertThat(years.count()).isEqualTo(yearsBefore);
    assertThat(holidays.count()).isEqualTo(holidaysBefore);
    assertThat(years.findByFirstYear(2093)).isEmpty();
  }

  @Test
  void theAdministrationImportsThroughTheApiAndEveryoneLoggedInReadsTheCalendar() throws Exception {
    ResponseEntity<String> response = http.withBasicAuth("forvaltningkal", Scenario.PASSWORD)
        .postForEntity("/api/calendar/import", csv(new TestCalendar(2095).csv()), String.class);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(response.getBody()).get("message").asText())
        .isEqualTo("Kalendern för läsåret 2095/96 är sparad, med 6 lov och lovdagar.");
    JsonNode read = json.readTree(http.withBasicAuth("rektorkal", Scenario.PASSWORD).getForObject("/api/calendar", String.class));
    JsonNode year = null;
    for (JsonNode y : read.get("schoolYears")) {
      year = y.get("schoolYear").asText().equals("2095/96") ? y : year;
    }
    assertThat(year).isNotNull();
    assertThat(year.get("autumnStarts").asText()).isEqualTo(new TestCalendar(2095).autumnStarts().toString());
    assertThat(year.get("holidays")).extracting(h -> h.get("kind").asText())
        .containsExactly("höstlov", "jullov", "sportlov", "påsklov", "lovdag", "sommarlov");
    assertThat(read.get("warnings")).as("this läsår and the next two are not in the test calendar")
        .extracting(JsonNode::asText).anyMatch(w -> w.startsWith("Läsåret ") && w.contains("saknas i kalendern"));
  }

  @Test
  void aRektorMayNotImportAndABadFileAnswers400WritingNothing() throws Exception {
    long before = years.count();

    ResponseEntity<String> refused = http.withBasicAuth("rektorkal", Scenario.PASSWORD)
        .postForEntity("/api/calendar/import", csv(new TestCalendar(2097).csv()), String.class);
    ResponseEntity<String> bad = http.withBasicAuth("forvaltningkal", Scenario.PASSWORD)
        .postForEntity("/api/calendar/import", csv("läsår;vad;från;till\n2097/98;HT;2097-08-17;\n"), String.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(bad.getBody()).get("message").asText()).contains("Rad 2: \"\" är inget datum");
    assertThat(years.count()).isEqualTo(before);
    assertThat(years.findByFirstYear(2097)).isEmpty();
  }

  private static HttpEntity<byte[]> csv(String text) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
    return new HttpEntity<>(text.getBytes(StandardCharsets.UTF_8), headers);
  }
}
