package se.kvalitetsarbete.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;
import se.kvalitetsarbete.web.Charts;

/**
 * An indicator over the years for a unit, beside the municipality's (kvalitet.municipality-code):
 * the trend pictures on the charts page. Withheld and missing values stay marks, never 0.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorTrends {

  private final IndicatorRepository indicators;
  private final IndicatorValueRepository values;
  private final UnitRepository units;
  private final Texts texts;
  private final String municipality;

  public IndicatorTrends(IndicatorRepository indicators, IndicatorValueRepository values, UnitRepository units, Texts texts,
      @Value("${kvalitet.municipality-code:}") String municipality) {
    this.indicators = indicators;
    this.values = values;
    this.units = units;
    this.texts = texts;
    this.municipality = municipality == null ? "" : municipality.trim();
  }

  public record Area(String code, String name) {}

  /** The units and the municipality that have values, units by name, the municipality first. */
  public List<Area> areas() {
    List<Area> areas = new ArrayList<>();
    if (!municipality.isEmpty() && values.countByAreaCode(municipality) > 0) {
      areas.add(new Area(municipality, texts.get("chart.municipality")));
    }
    units.findByActiveTrueOrderByName().stream()
        .filter(u -> values.countByAreaCode(u.getCode()) > 0)
        .forEach(u -> areas.add(new Area(u.getCode(), u.getName())));
    return areas;
  }

  /** The indicators that have values for the area, in the catalogue's order. */
  public List<String> indicatorsOf(String area) {
    List<String> codes = values.findForArea(area, IndicatorImport.MIN_YEAR, IndicatorImport.MAX_YEAR).stream()
        .map(v -> v.getIndicator()).distinct().sorted(Comparator.comparing(Indicator::getSortOrder))
        .map(Indicator::getCode).toList();
    return codes;
  }

  /** The indicator's trend for the area and the municipality as an SVG picture; null when the indicator is unknown. */
  public String svg(String area, String indicatorCode, IndicatorValue.Gender gender) {
    Indicator indicator = indicators.findAll().stream()
        .filter(i -> i.getCode().equalsIgnoreCase(indicatorCode)).findFirst().orElse(null);
    if (indicator == null) {
      return null;
    }
    List<Charts.Series> series = new ArrayList<>();
    series.add(series(area, areaName(area), false, indicator, gender));
    if (!municipality.isEmpty() && !municipality.equals(area)) {
      series.add(series(municipality, texts.get("chart.municipality"), true, indicator, gender));
    }
    series.removeIf(s -> s.points().isEmpty());
    String title = indicator.getCode() + " " + indicator.getNameSv() + (gender == IndicatorValue.Gender.T ? ""
        : " (" + texts.get("chart.gender." + gender.name()) + ")");
    return Charts.lines(title, indicator.getUnitOfMeasure(), Charts.xs(series), series,
        indicator.isPercentage() ? new BigDecimal("100") : null,
        new Charts.Legend(texts.get("indicators.status.SUPPRESSED"), texts.get("indicators.status.MISSING")));
  }

  private Charts.Series series(String area, String name, boolean dashed, Indicator indicator, IndicatorValue.Gender gender) {
    Map<Integer, IndicatorValue> byYear = new LinkedHashMap<>();
    values.findForArea(area, IndicatorImport.MIN_YEAR, IndicatorImport.MAX_YEAR).stream()
        .filter(v -> v.getIndicator().getId().equals(indicator.getId()) && v.getGender() == gender)
        .sorted(Comparator.comparing(IndicatorValue::getYear))
        .forEach(v -> byYear.put(v.getYear(), v));
    List<Charts.Point> points = byYear.values().stream().map(v -> new Charts.Point(String.valueOf(v.getYear()), v.getValue(),
        switch (v.getStatus()) {
          case REPORTED -> Charts.Mark.REPORTED;
          case SUPPRESSED -> Charts.Mark.SUPPRESSED;
          case MISSING -> Charts.Mark.MISSING;
        })).toList();
    return new Charts.Series(name, dashed, points);
  }

  private String areaName(String area) {
    if (area.equals(municipality)) {
      return texts.get("chart.municipality");
    }
    return units.findByCode(area).map(Unit::getName).orElse(area.toUpperCase(Locale.ROOT));
  }
}
