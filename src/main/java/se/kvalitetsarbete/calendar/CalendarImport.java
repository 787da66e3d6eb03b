package se.kvalitetsarbete.calendar;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.common.InvalidInputException;
import se.kvalitetsarbete.common.Texts;

/**
 * Reads the school calendar as the administration keeps it (CSV, {@code ;} separated, UTF-8):
 * {@code läsår;vad;från;till}, e.g. {@code 2026/27;HT;2026-08-17;2026-12-18} or
 * {@code 2026/27;sportlov;2027-02-15;2027-02-19}. Every läsår in the file needs its HT and VT; its
 * lov (höstlov, jullov, sportlov, påsklov, sommarlov) and single days off (lovdag, "till" may be
 * empty) follow. All or nothing: one bad line refuses the file, every problem listed by line, and
 * nothing is written. A good file replaces the läsår it names; other läsår stay as they are.
 */
@Service
public class CalendarImport {

  public record Summary(List<String> schoolYears, int holidays, String message) {}

  static final List<String> HEADER = List.of("läsår", "vad", "från", "till");
  static final int MIN_YEAR = 2000;
  static final int MAX_YEAR = 2100;
  private static final int MAX_LISTED = 20;
  private static final Pattern SCHOOL_YEAR = Pattern.compile("(\\d{4})\\s*/\\s*(\\d{2}|\\d{4})");

  private final CalendarYearRepository years;
  private final HolidayRepository holidays;
  private final Texts texts;
  private final Clock clock;
  private final SchoolCalendar calendar;

  public CalendarImport(CalendarYearRepository years, HolidayRepository holidays, Texts texts, Clock clock, SchoolCalendar calendar) {
    this.calendar = calendar;
    this.years = years;
    this.holidays = holidays;
    this.texts = texts;
    this.clock = clock;
  }

  /** One läsår as read from the file. */
  private static final class Read {
    TermDates autumn;
    TermDates spring;
    int autumnLine;
    final List<Holiday> holidays = new ArrayList<>();
  }

  /** A file as uploaded: refused unless it is UTF-8. */
  @Transactional
  public Summary importCsv(byte[] file) {
    try {
      return importCsv(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(file)).toString());
    } catch (CharacterCodingException e) {
      throw texts.invalid("calendar.notUtf8");
    }
  }

  @Transactional
  public Summary importCsv(String csv) {
    Map<Integer, Read> read = parse(csv);
    LocalDateTime now = LocalDateTime.now(clock);
    int holidayCount = 0;
    for (Map.Entry<Integer, Read> year : read.entrySet()) {
      years.deleteByFirstYear(year.getKey());
      holidays.deleteByFirstYear(year.getKey());
      years.flush();
      years.save(new CalendarYear(year.getKey(), year.getValue().autumn, year.getValue().spring, now));
      holidays.saveAll(year.getValue().holidays);
      holidayCount += year.getValue().holidays.size();
    }
    calendar.forget();
    List<String> labels = read.keySet().stream().map(CalendarYear::label).toList();
    return new Summary(labels, holidayCount, texts.get("calendar.done", String.join(", ", labels), holidayCount));
  }

  private Map<Integer, Read> parse(String csv) {
    String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    String[] lines = text.split("\\r\\n|\\n|\\r", -1);
    if (lines.length == 0 || lines[0].isBlank()) {
      throw texts.invalid("calendar.empty");
    }
    List<String> problems = new ArrayList<>();
    List<String> header = fields(lines[0]).stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
    if (!header.equals(HEADER)) {
      problems.add(problem(1, texts.get("calendar.header", lines[0].trim())));
      throw refused(problems);
    }
    Map<Integer, Read> read = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        parseLine(i + 1, fields(lines[i]), read, problems);
      }
    }
    for (Map.Entry<Integer, Read> year : read.entrySet()) {
      String label = CalendarYear.label(year.getKey());
      Read r = year.getValue();
      if (r.autumn == null) {
        problems.add(texts.get("calendar.termMissing", label, "HT", texts.get("calendar.autumn")));
      }
      if (r.spring == null) {
        problems.add(texts.get("calendar.termMissing", label, "VT", texts.get("calendar.spring")));
      }
      if (r.autumn != null && r.spring != null && !r.autumn.ends().isBefore(r.spring.starts())) {
        problems.add(problem(r.autumnLine, texts.get("calendar.termsOverlap", label)));
      }
    }
    if (!problems.isEmpty()) {
      throw refused(problems);
    }
    if (read.isEmpty()) {
      throw texts.invalid("calendar.noRows");
    }
    return read;
  }

  private void parseLine(int line, List<String> f, Map<Integer, Read> read, List<String> problems) {
    if (f.size() != HEADER.size()) {
      problems.add(problem(line, texts.get("calendar.columns", f.size())));
      return;
    }
    Integer firstYear = schoolYear(f.get(0));
    if (firstYear == null) {
      problems.add(problem(line, texts.get("calendar.badSchoolYear", f.get(0))));
      return;
    }
    String what = f.get(1);
    String term = what.toUpperCase(Locale.ROOT);
    boolean isTerm = term.equals("HT") || term.equals("VT");
    Holiday.Kind kind = isTerm ? null : Holiday.Kind.of(what).orElse(null);
    if (!isTerm && kind == null) {
      problems.add(problem(line, texts.get("calendar.badWhat", what)));
      return;
    }
    LocalDate from = date(f.get(2));
    String toText = f.get(3).isEmpty() && kind == Holiday.Kind.LOVDAG ? f.get(2) : f.get(3);
    LocalDate to = date(toText);
    if (from == null || to == null) {
      problems.add(problem(line, texts.get("calendar.badDate", from == null ? f.get(2) : toText)));
      return;
    }
    if (to.isBefore(from)) {
      problems.add(problem(line, texts.get("calendar.endBeforeStart", f.get(2), toText)));
      return;
    }
    LocalDate earliest = LocalDate.of(firstYear, 7, 1);
    LocalDate latest = LocalDate.of(firstYear + 1, 8, 31);
    if (from.isBefore(earliest) || to.isAfter(latest)) {
      problems.add(problem(line, texts.get("calendar.outsideSchoolYear", CalendarYear.label(firstYear), earliest, latest)));
      return;
    }
    Read year = read.computeIfAbsent(firstYear, y -> new Read());
    if (kind != null) {
      year.holidays.add(new Holiday(firstYear, kind, from, to));
    } else if (term.equals("HT")) {
      if (year.autumn != null) {
        problems.add(problem(line, texts.get("calendar.termTwice", "HT", CalendarYear.label(firstYear))));
      }
      year.autumn = new TermDates(from, to, true);
      year.autumnLine = line;
    } else {
      if (year.spring != null) {
        problems.add(problem(line, texts.get("calendar.termTwice", "VT", CalendarYear.label(firstYear))));
      }
      year.spring = new TermDates(from, to, true);
    }
  }

  /** 2026 for "2026/27" or "2026/2027"; null when it is not a läsår. */
  private static Integer schoolYear(String text) {
    Matcher m = SCHOOL_YEAR.matcher(text);
    if (!m.matches()) {
      return null;
    }
    int first = Integer.parseInt(m.group(1));
    int second = Integer.parseInt(m.group(2));
    boolean follows = m.group(2).length() == 2 ? second == (first + 1) % 100 : second == first + 1;
    return follows && first >= MIN_YEAR && first <= MAX_YEAR ? first : null;
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private InvalidInputException refused(List<String> problems) {
    StringBuilder message = new StringBuilder(texts.get("calendar.refused"));
    problems.stream().limit(MAX_LISTED).forEach(p -> message.append('\n').append(p));
    if (problems.size() > MAX_LISTED) {
      message.append('\n').append(texts.get("calendar.more", problems.size() - MAX_LISTED));
    }
    return new InvalidInputException(message.toString());
  }

  private String problem(int line, String what) {
    return texts.get("calendar.line", String.valueOf(line), what);
  }

  private static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    for (String field : line.split(";", -1)) {
      String f = field.trim();
      if (f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")) {
        f = f.substring(1, f.length() - 1).trim();
      }
      fields.add(f);
    }
    return fields;
  }
}
