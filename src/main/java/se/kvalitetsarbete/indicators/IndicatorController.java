package se.kvalitetsarbete.indicators;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.security.Roles;
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

  public IndicatorController(IndicatorRepository indicators, IndicatorValueRepository values, IndicatorImport importer,
      StaffUser staff, Texts texts) {
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
