package se.kvalitetsarbete.indicators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.common.InvalidInputException;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.indicators.IndicatorValue.Gender;
import se.kvalitetsarbete.indicators.IndicatorValue.Status;

/**
 * Reads indicator values in Kolada's long format (one value a line, UTF-8, {@code ;} or {@code ,}
 * separated, fields may be quoted, as Excel saves them; a byte order mark is passed over):
 * {@code kpi;kod;år;kön;värde;status}. The whole file is checked first; one bad line refuses it
 * all, with every problem listed by line number, and nothing is written. A good file is merged in:
 * a key (indicator, code, year, gender) already held is updated only when its value or status
 * differs, so importing the same file twice changes nothing.
 */
@Service
public class IndicatorImport {

  public record Summary(int rowsRead, int inserted, int updated, int unchanged, String message) {}

  static final List<String> HEADER_SV = List.of("kpi", "kod", "år", "kön", "värde", "status");
  static final List<String> HEADER_EN = List.of("kpi", "code", "year", "gender", "value", "status");
  static final int MIN_YEAR = 2000;
  static final int MAX_YEAR = 2100;
  static final int MAX_LISTED = 20;

  private static final Pattern AREA_CODE = Pattern.compile("[A-Za-z0-9]{1,20}");
  private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+([.,]\\d+)?");
  /** numeric(10,2) holds less than this. */
  private static final BigDecimal TOO_LARGE = new BigDecimal("100000000");
  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private static final int BATCH = 500;

  private final IndicatorRepository indicators;
  private final IndicatorValueRepository values;
  private final Texts texts;
  private final Clock clock;

  public IndicatorImport(IndicatorRepository indicators, IndicatorValueRepository values, Texts texts, Clock clock) {
    this.indicators = indicators;
    this.values = values;
    this.texts = texts;
    this.clock = clock;
  }

  /** A file as uploaded: refused unless it is UTF-8. */
  @Transactional
  public Summary importCsv(byte[] file) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(file)).toString();
    } catch (CharacterCodingException e) {
      throw texts.invalid("indicators.notUtf8");
    }
    return importCsv(text);
  }

  @Transactional
  public Summary importCsv(String csv) {
    List<Row> rows = parse(csv);
    return merge(rows);
  }

  private record Key(Long indicatorId, String area, int year, Gender gender) {}

  private record Row(int line, Indicator indicator, String area, int year, Gender gender, BigDecimal value, Status status) {
    Key key() {
      return new Key(indicator.getId(), area, year, gender);
    }
  }

  /** Every row of the file, or an InvalidInputException listing every problem. */
  private List<Row> parse(String csv) {
    String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    String firstLine = text.lines().findFirst().orElse("");
    if (firstLine.isBlank()) {
      throw texts.invalid("indicators.empty");
    }
    List<String> problems = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(text, format(firstLine))) {
      Map<String, Indicator> byName = indicatorsByName();
      Map<Key, Integer> seen = new HashMap<>();
      boolean header = true;
      long lastLine = 0;
      try {
        for (CSVRecord record : parser) {
          List<String> fields = record.toList();
          lastLine = parser.getCurrentLineNumber();
          if (header) {
            header = false;
            List<String> names = fields.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
            if (!names.equals(HEADER_SV) && !names.equals(HEADER_EN)) {
              problems.add(problem(1, texts.get("indicators.header", firstLine.trim())));
              throw refused(problems);
            }
            continue;
          }
          if (fields.stream().allMatch(String::isEmpty)) {
            continue;
          }
          int line = (int) parser.getCurrentLineNumber();
          Row row = parseRow(line, fields, byName, problems);
          if (row == null) {
            continue;
          }
          Integer earlier = seen.putIfAbsent(row.key(), line);
          if (earlier != null) {
            problems.add(problem(line, texts.get("indicators.duplicate", String.valueOf(earlier))));
          } else {
            rows.add(row);
          }
        }
      } catch (UncheckedIOException e) {
        // an opened quote that never closes, or text after a closing quote, on the line after the last one read
        problems.add(problem((int) lastLine + 1, texts.get("indicators.badQuotes")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!problems.isEmpty()) {
      throw refused(problems);
    }
    if (rows.isEmpty()) {
      throw texts.invalid("indicators.noRows");
    }
    return rows;
  }

  /**
   * Kolada's and Excel's files: fields separated by {@code ;} (Swedish Excel) or, when the header
   * line has no {@code ;}, by {@code ,}; fields may be quoted ({@code "87,5"}, {@code ""} for a
   * quote); spaces around a field do not count; empty lines are passed over.
   */
  private static CSVFormat format(String headerLine) {
    char delimiter = headerLine.indexOf(';') < 0 && headerLine.indexOf(',') >= 0 ? ',' : ';';
    return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).setIgnoreSurroundingSpaces(true)
        .setIgnoreEmptyLines(true).get();
  }

  /** The row, or null when it has problems (added to the list). */
  private Row parseRow(int line, List<String> f, Map<String, Indicator> byName, List<String> problems) {
    if (f.size() != HEADER_SV.size()) {
      problems.add(problem(line, texts.get("indicators.columns", String.valueOf(f.size()))));
      return null;
    }
    int before = problems.size();
    Indicator indicator = byName.get(f.get(0).toUpperCase(Locale.ROOT));
    if (indicator == null) {
      problems.add(problem(line, texts.get("indicators.unknownKpi", f.get(0))));
    }
    String area = f.get(1);
    if (!AREA_CODE.matcher(area).matches()) {
      problems.add(problem(line, texts.get("indicators.badArea", area)));
    }
    Integer year = year(f.get(2));
    if (year == null) {
      problems.add(problem(line, texts.get("indicators.badYear", f.get(2), String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR))));
    }
    Gender gender = gender(f.get(3));
    if (gender == null) {
      problems.add(problem(line, texts.get("indicators.badGender", f.get(3))));
    }
    String rawValue = f.get(4);
    String rawStatus = f.get(5);
    Status stated = status(rawStatus);
    if (stated == null && !rawStatus.isEmpty()) {
      problems.add(problem(line, texts.get("indicators.badStatus", rawStatus)));
      return null;
    }
    BigDecimal value = null;
    Status status;
    if (rawValue.isEmpty() || rawValue.equals("..") || rawValue.equals("-")) {
      // Without a status, ".." is Kolada's mark for a suppressed figure; empty or "-" is missing.
      status = stated != null ? stated : rawValue.equals("..") ? Status.SUPPRESSED : Status.MISSING;
    } else if (stated == Status.SUPPRESSED) {
      problems.add(problem(line, texts.get("indicators.valueWhenSuppressed", rawValue, rawStatus)));
      return null;
    } else if (stated == Status.MISSING) {
      problems.add(problem(line, texts.get("indicators.valueWhenMissing", rawValue, rawStatus)));
      return null;
    } else {
      status = Status.REPORTED;
      value = number(rawValue);
      if (value == null) {
        problems.add(problem(line, texts.get("indicators.badValue", rawValue)));
      } else if (value.abs().compareTo(TOO_LARGE) >= 0) {
        problems.add(problem(line, texts.get("indicators.tooLarge", rawValue)));
      } else if (indicator != null && indicator.isPercentage()
          && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
        problems.add(problem(line, texts.get("indicators.percentRange", rawValue, indicator.getCode())));
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new Row(line, indicator, area, year, gender, value, status);
  }

  private Summary merge(List<Row> rows) {
    LocalDateTime now = LocalDateTime.now(clock);
    Map<Key, IndicatorValue> held = new HashMap<>();
    List<String> areas = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(Row::area).toList()));
    for (int from = 0; from < areas.size(); from += BATCH) {
      for (IndicatorValue v : values.findByAreaCodeIn(areas.subList(from, Math.min(areas.size(), from + BATCH)))) {
        held.put(new Key(v.getIndicator().getId(), v.getAreaCode(), v.getYear(), v.getGender()), v);
      }
    }
    List<IndicatorValue> added = new ArrayList<>();
    int updated = 0;
    int unchanged = 0;
    for (Row row : rows) {
      IndicatorValue existing = held.get(row.key());
      if (existing == null) {
        added.add(new IndicatorValue(row.indicator(), row.area(), row.year(), row.gender(), row.value(), row.status(), now));
      } else if (existing.update(row.value(), row.status(), now)) {
        updated++;
      } else {
        unchanged++;
      }
    }
    values.saveAll(added);
    return new Summary(rows.size(), added.size(), updated, unchanged,
        texts.get("indicators.done", added.size(), updated, unchanged));
  }

  /** By our code and, where known, by Kolada's id; both upper case. */
  private Map<String, Indicator> indicatorsByName() {
    Map<String, Indicator> byName = new HashMap<>();
    for (Indicator indicator : indicators.findAll()) {
      byName.put(indicator.getCode().toUpperCase(Locale.ROOT), indicator);
      if (indicator.getKoladaKpi() != null && !indicator.getKoladaKpi().isBlank()) {
        byName.put(indicator.getKoladaKpi().toUpperCase(Locale.ROOT), indicator);
      }
    }
    return byName;
  }

  private InvalidInputException refused(List<String> problems) {
    StringBuilder message = new StringBuilder(texts.get("indicators.refused"));
    problems.stream().limit(MAX_LISTED).forEach(p -> message.append('\n').append(p));
    if (problems.size() > MAX_LISTED) {
      message.append('\n').append(texts.get("indicators.more", String.valueOf(problems.size() - MAX_LISTED)));
    }
    return new InvalidInputException(message.toString());
  }

  private String problem(int line, String what) {
    return texts.get("indicators.line", String.valueOf(line), what);
  }

  private static Integer year(String text) {
    if (!text.matches("\\d{4}")) {
      return null;
    }
    int year = Integer.parseInt(text);
    return year < MIN_YEAR || year > MAX_YEAR ? null : year;
  }

  private static Gender gender(String text) {
    return switch (text.toUpperCase(Locale.ROOT)) {
      case "T" -> Gender.T;
      case "K" -> Gender.K;
      case "M" -> Gender.M;
      default -> null;
    };
  }

  /** Kolada-style status; null when the text is empty or unknown. */
  static Status status(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "missing", "saknas" -> Status.MISSING;
      case "..", "suppressed", "undertryckt", "<10" -> Status.SUPPRESSED;
      default -> null;
    };
  }

  /** A decimal with , or . and at most two decimals kept (numeric(10,2)); null when it is not one. */
  private static BigDecimal number(String text) {
    if (!NUMBER.matcher(text).matches()) {
      return null;
    }
    BigDecimal value = new BigDecimal(text.replace(',', '.').replace("+", ""));
    return value.scale() > 2 ? value.setScale(2, RoundingMode.HALF_UP) : value;
  }
}
