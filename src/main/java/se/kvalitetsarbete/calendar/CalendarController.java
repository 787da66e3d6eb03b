package se.kvalitetsarbete.calendar;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.security.Roles;
import se.kvalitetsarbete.security.StaffUser;

/**
 * The school calendar: every logged-in member of staff reads it; the administration (and
 * administrators) import it as CSV ({@link CalendarImport}).
 */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

  static final int MAX_FILE_KB = 256;
  /** The current läsår and this many after it should be in the calendar; the answer warns when one is not. */
  static final int YEARS_AHEAD = 2;

  private final CalendarYearRepository years;
  private final HolidayRepository holidays;
  private final CalendarImport importer;
  private final StaffUser staff;
  private final Texts texts;
  private final Clock clock;

  public CalendarController(CalendarYearRepository years, HolidayRepository holidays, CalendarImport importer,
      StaffUser staff, Texts texts, Clock clock) {
    this.years = years;
    this.holidays = holidays;
    this.importer = importer;
    this.staff = staff;
    this.texts = texts;
    this.clock = clock;
  }

  public record HolidayView(String kind, LocalDate from, LocalDate to) {}

  public record YearView(String schoolYear, LocalDate autumnStarts, LocalDate autumnEnds, LocalDate springStarts,
      LocalDate springEnds, List<HolidayView> holidays) {}

  public record CalendarView(List<YearView> schoolYears, List<String> warnings) {}

  @GetMapping
  @Transactional(readOnly = true)
  public CalendarView calendar() {
    List<YearView> views = years.findAllByOrderByFirstYear().stream().map(y -> new YearView(CalendarYear.label(y.getFirstYear()),
        y.autumn().starts(), y.autumn().ends(), y.spring().starts(), y.spring().ends(),
        holidays.findByFirstYearOrderByStartsOn(y.getFirstYear()).stream()
            .map(h -> new HolidayView(h.getKind().word(), h.getStartsOn(), h.getEndsOn())).toList())).toList();
    List<String> warnings = new ArrayList<>();
    int current = SchoolCalendar.schoolYearOf(LocalDate.now(clock));
    for (int year = current; year <= current + YEARS_AHEAD; year++) {
      if (years.findByFirstYear(year).isEmpty()) {
        warnings.add(texts.get("calendar.yearMissing", CalendarYear.label(year)));
      }
    }
    return new CalendarView(views, warnings);
  }

  /** Body: the CSV file itself (text/csv, UTF-8). */
  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
  public CalendarImport.Summary importCsv(HttpServletRequest request) throws IOException {
    staff.requireOneOf(request, Roles.ADMINISTRATION, Roles.ADMINISTRATORS);
    int limit = MAX_FILE_KB * 1024;
    byte[] file = request.getInputStream().readNBytes(limit + 1);
    if (file.length > limit) {
      throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, texts.get("calendar.tooBig", MAX_FILE_KB));
    }
    return importer.importCsv(file);
  }
}
