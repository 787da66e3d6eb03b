package se.kvalitetsarbete.quality;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.indicators.IndicatorValue;
import se.kvalitetsarbete.indicators.IndicatorValueRepository;

/**
 * The organiser's plan: the unit plan's three parts and five perspectives at the organiser's level,
 * read from the municipality's indicator trends, the units' self-assessments (counted, never
 * ranked) and last year's organiser plan (seed 003: follow the municipality's progression).
 */
@Service
@Transactional(readOnly = true)
public class OrganiserPlans {

  /** Years of the municipality's trend shown: this school year's calendar year and the ones before. */
  static final int TREND_YEARS = 4;

  private final SchoolYearRepository years;
  private final QualityPlanRepository plans;
  private final SelfAssessmentRepository assessments;
  private final IndicatorValueRepository indicatorValues;
  private final ActionFollowUpRepository followUps;
  private final Texts texts;

  public OrganiserPlans(SchoolYearRepository years, QualityPlanRepository plans, SelfAssessmentRepository assessments,
      IndicatorValueRepository indicatorValues, ActionFollowUpRepository followUps, Texts texts) {
    this.followUps = followUps;
    this.years = years;
    this.plans = plans;
    this.assessments = assessments;
    this.indicatorValues = indicatorValues;
    this.texts = texts;
  }

  /** Last school year's record, if the organiser had one. */
  public Optional<SchoolYear> previous(Long schoolYearId) {
    SchoolYear year = years.findById(schoolYearId).orElseThrow();
    return years.findByLabel(SchoolYear.label(year.firstYear() - 1));
  }

  /**
   * The municipality's indicators, one line each, over the last {@link #TREND_YEARS} years: the
   * total, and girls and boys where imported; a suppressed or missing value says so.
   */
  public String indicatorTrends(Long schoolYearId) {
    int last = years.findById(schoolYearId).orElseThrow().firstYear();
    List<IndicatorValue> values = indicatorValues.findForMunicipality(last - TREND_YEARS + 1, last);
    if (values.isEmpty()) {
      return texts.get("org.noTrends");
    }
    Map<String, List<IndicatorValue>> byIndicator = values.stream().collect(Collectors.groupingBy(
        v -> v.getIndicator().getCode() + " " + v.getIndicator().getNameSv(), LinkedHashMap::new, Collectors.toList()));
    return byIndicator.entrySet().stream()
        .map(e -> e.getKey() + ":\n" + IntStream.rangeClosed(last - TREND_YEARS + 1, last)
            .mapToObj(year -> yearLine(year, e.getValue()))
            .collect(Collectors.joining("\n")))
        .collect(Collectors.joining("\n\n"));
  }

  private String yearLine(int year, List<IndicatorValue> series) {
    Map<IndicatorValue.Gender, IndicatorValue> byGender = series.stream().filter(v -> v.getYear() == year)
        .collect(Collectors.toMap(IndicatorValue::getGender, v -> v, (a, b) -> b));
    String total = byGender.containsKey(IndicatorValue.Gender.T) ? value(byGender.get(IndicatorValue.Gender.T)) : texts.get("ska.value.MISSING");
    String line = "  " + year + ": " + total;
    if (byGender.containsKey(IndicatorValue.Gender.K) || byGender.containsKey(IndicatorValue.Gender.M)) {
      line += " " + texts.get("org.byGender",
          byGender.containsKey(IndicatorValue.Gender.K) ? value(byGender.get(IndicatorValue.Gender.K)) : texts.get("ska.value.MISSING"),
          byGender.containsKey(IndicatorValue.Gender.M) ? value(byGender.get(IndicatorValue.Gender.M)) : texts.get("ska.value.MISSING"));
    }
    return line;
  }

  private String value(IndicatorValue v) {
    return v.getValue() == null ? texts.get("ska.value." + v.getStatus())
        : v.getValue().stripTrailingZeros().toPlainString().replace('.', ',');
  }

  /**
   * The units' self-assessments without ranking: per utvecklingsområde, how many assessments gave
   * each score. No unit is named.
   */
  public String selfAssessmentCounts(Long schoolYearId) {
    List<SelfAssessment> all = plans.findBySchoolYearIdOrderByUnitName(schoolYearId).stream()
        .flatMap(p -> assessments.findByPlanId(p.getId()).stream()).toList();
    return Arrays.stream(SelfAssessment.Area.values())
        .map(area -> texts.get("org.scoreCounts", area.label(),
            IntStream.rangeClosed(1, 4).mapToObj(score -> texts.get("org.scoreCount", score,
                all.stream().filter(a -> a.getArea() == area && a.getScore() == score).count()))
                .collect(Collectors.joining(", "))))
        .collect(Collectors.joining("\n"));
  }

  /**
   * Good examples to spread (seed 004: "Synliggöra och sprida"): the actions the rektorer marked
   * as worth spreading in this school year's "Hur blev det?", with the unit that can tell about it.
   */
  public String goodExamples(Long schoolYearId) {
    String examples = followUps.goodExamples(years.findById(schoolYearId).orElseThrow().getLabel()).stream()
        .map(e -> texts.get("org.goodExample", e.unit(), e.action(), e.description()))
        .collect(Collectors.joining("\n"));
    return examples.isEmpty() ? texts.get("org.noGoodExamples") : examples;
  }

  /** What last year's organiser plan set out to do, for this year's results part and preparation. */
  public String lastYearText(Long schoolYearId) {
    return previous(schoolYearId)
        .filter(last -> last.getNextYearAreas() != null)
        .map(last -> texts.get("org.lastYear", last.getLabel(), last.getNextYearAreas(), dash(last.getOrganiserAnalysis())))
        .orElse(texts.get("org.noLastYear"));
  }

  /** The organiser's plan in its three parts, as the board's report and next year read it. */
  public String planText(Long schoolYearId) {
    SchoolYear year = years.findById(schoolYearId).orElseThrow();
    return texts.get("org.planText", year.getLabel(),
        dash(year.getOrganiserResults()), indicatorTrends(schoolYearId), selfAssessmentCounts(schoolYearId),
        dash(year.getOrganiserHistorical()), dash(year.getOrganiserResources()), dash(year.getOrganiserOrganisation()),
        dash(year.getOrganiserMethod()), dash(year.getOrganiserEquity()), dash(year.getOrganiserAnalysis()),
        dash(year.getNextYearAreas()), goodExamples(schoolYearId));
  }

  private static String dash(String s) {
    return Objects.requireNonNullElse(s, "–");
  }
}
