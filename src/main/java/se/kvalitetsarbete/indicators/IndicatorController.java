package se.kvalitetsarbete.indicators;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.kvalitetsarbete.common.Texts;
import org.springframework.web.bind.annotation.PathVariable;
import se.kvalitetsarbete.security.Roles;
import se.kvalitetsarbete.web.Charts;
import se.kvalitetsarbete.security.StaffUser;

/**
 * The shared indicators and their values. Coordinators and the administration import published
 * figures (CSV in Kolada's long format); every logged-in member of staff reads them.
 */
@RestController
@RequestMapping("/api/indicators")
public class IndicatorController {

  static final int MAX_FILE_MB = 5;

  private final IndicatorRepository indicators;
  private final IndicatorValueRepository values;
  private final IndicatorImport importer;
  private final StaffUser staff;
  private final Texts texts;
  private final IndicatorTrends trends;

  public IndicatorController(IndicatorRepository indicators, IndicatorValueRepository values, IndicatorImport importer,
      StaffUser staff, Texts texts, IndicatorTrends trends) {
    this.trends = trends;
    this.indicators = indicators;
    this.values = values;
    this.importer = importer;
    this.staff = staff;
    this.texts = texts;
  }

  public record IndicatorView(String code, String name, String unitOfMeasure, String koladaKpi, String schoolForm,
      String schoolFormLabel, int sortOrder) {}

  public record ValueView(String indicator, String indicatorName, String unitOfMeasure, String area, int year,
      String gender, BigDecimal value, String status, String statusLabel, LocalDateTime importedAt) {}

  /** Body: the CSV file itself (text/csv, UTF-8). Answers with how many values were new, changed and unchanged. */
  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
  public IndicatorImport.Summary importCsv(HttpServletRequest request) throws IOException {
    staff.requireOneOf(request, Roles.COORDINATORS, Roles.ADMINISTRATION, Roles.ADMINISTRATORS);
    int limit = MAX_FILE_MB * 1024 * 1024;
    byte[] file = request.getInputStream().readNBytes(limit + 1);
    if (file.length > limit) {
      throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, texts.get("indicators.tooBig", MAX_FILE_MB));
    }
    return importer.importCsv(file);
  }

  /**
   * The same import from the upload form (indikatorer.html): the file as multipart/form-data, field
   * {@code file}. Larger files than spring.servlet.multipart.max-file-size are refused before this.
   */
  @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public IndicatorImport.Summary upload(@RequestParam(name = "file", required = false) MultipartFile file,
      HttpServletRequest request) throws IOException {
    staff.requireOneOf(request, Roles.COORDINATORS, Roles.ADMINISTRATION, Roles.ADMINISTRATORS);
    if (file == null || file.isEmpty()) {
      throw texts.invalid("indicators.noFile");
    }
    if (file.getSize() > MAX_FILE_MB * 1024L * 1024L) {
      throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, texts.get("indicators.tooBig", MAX_FILE_MB));
    }
    return importer.importCsv(file.getBytes());
  }

  /** The units (and the municipality) that have values, for the charts page. */
  @GetMapping("/areas")
  public List<IndicatorTrends.Area> areas() {
    return trends.areas();
  }

  /** The codes of the indicators with values for an area. */
  @GetMapping("/areas/{area}/indicators")
  public List<String> indicatorsOf(@PathVariable String area) {
    return trends.indicatorsOf(area.trim());
  }

  /** An indicator's values over the years for a unit and the municipality, drawn (SVG). Gender T, K or M (default T). */
  @GetMapping(value = "/trend.svg", produces = Charts.MEDIA_TYPE)
  public String trend(@RequestParam(required = false) String area, @RequestParam(required = false) String indicator,
      @RequestParam(defaultValue = "T") String gender) {
    if (area == null || area.isBlank()) {
      throw texts.invalid("indicators.areaRequired");
    }
    IndicatorValue.Gender g = java.util.Arrays.stream(IndicatorValue.Gender.values())
        .filter(v -> v.name().equalsIgnoreCase(gender.trim())).findFirst()
        .orElseThrow(() -> texts.invalid("chart.badGender", gender));
    String svg = indicator == null ? null : trends.svg(area.trim(), indicator.trim(), g);
    if (svg == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, texts.get("chart.unknownIndicator", String.valueOf(indicator)));
    }
    return svg;
  }

  @GetMapping
  @Transactional(readOnly = true)
  public List<IndicatorView> catalogue() {
    return indicators.findAllByOrderBySortOrder().stream()
        .map(i -> new IndicatorView(i.getCode(), i.getNameSv(), i.getUnitOfMeasure(), i.getKoladaKpi(),
            i.getSchoolForm() == null ? null : i.getSchoolForm().name(),
            i.getSchoolForm() == null ? null : i.getSchoolForm().label(), i.getSortOrder()))
        .toList();
  }

  /** The values for one skolenhet or kommun, by indicator, year and gender (T, K, M). */
  @GetMapping("/values")
  @Transactional(readOnly = true)
  public List<ValueView> values(@RequestParam(required = false) String area,
      @RequestParam(required = false) Integer fromYear, @RequestParam(required = false) Integer toYear) {
    if (area == null || area.isBlank()) {
      throw texts.invalid("indicators.areaRequired");
    }
    int from = fromYear == null ? IndicatorImport.MIN_YEAR : fromYear;
    int to = toYear == null ? IndicatorImport.MAX_YEAR : toYear;
    return values.findForArea(area.trim(), from, to).stream()
        .sorted(Comparator.comparing((IndicatorValue v) -> v.getIndicator().getSortOrder())
            .thenComparing(IndicatorValue::getYear)
            .thenComparing(IndicatorValue::getGender))
        .map(v -> new ValueView(v.getIndicator().getCode(), v.getIndicator().getNameSv(),
            v.getIndicator().getUnitOfMeasure(), v.getAreaCode(), v.getYear(), v.getGender().name(), v.getValue(),
            v.getStatus().name(), texts.get("indicators.status." + v.getStatus().name()), v.getImportedAt()))
        .toList();
  }
}
