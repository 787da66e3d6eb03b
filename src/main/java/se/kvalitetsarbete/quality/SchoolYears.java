package se.kvalitetsarbete.quality;

import se.kvalitetsarbete.security.ModelGlue;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;
import se.kvalitetsarbete.quality.SharedImprovementArea.FormGroup;

/** The organiser's school year: opened, prepared, followed, summarised and reported to the board. */
@Service
@Transactional
public class SchoolYears {

  private static final Logger LOG = LoggerFactory.getLogger(SchoolYears.class);

  private final SchoolYearRepository years;
  private final SharedImprovementAreaRepository sharedAreas;
  private final QualityPlanRepository plans;
  private final ImprovementActionRepository actions;
  private final UnitRepository units;
  private final OrganiserPlans organiserPlans;
  private final Texts texts;
  private final Clock clock;

  public SchoolYears(SchoolYearRepository years, SharedImprovementAreaRepository sharedAreas, QualityPlanRepository plans,
      ImprovementActionRepository actions, UnitRepository units, OrganiserPlans organiserPlans, Texts texts, Clock clock) {
    this.years = years;
    this.sharedAreas = sharedAreas;
    this.plans = plans;
    this.organiserPlans = organiserPlans;
    this.actions = actions;
    this.units = units;
    this.texts = texts;
    this.clock = clock;
  }

  /** Opens "2026/27" (given, or the one running now); one instance per school year. */
  public SchoolYear open(String label, String processInstanceId) {
    int first;
    if (label == null || label.isBlank()) {
      first = SchoolYear.firstYearOf(LocalDate.now(clock));
    } else if (label.trim().matches("\\d{4}/\\d{2}") && SchoolYear.label(Integer.parseInt(label.trim().substring(0, 4))).equals(label.trim())) {
      first = Integer.parseInt(label.trim().substring(0, 4));
    } else {
      throw texts.invalid("ska.badSchoolYear");
    }
    if (first < 2020 || first > 2100) {
      throw texts.invalid("ska.badSchoolYear");
    }
    if (years.findByLabel(SchoolYear.label(first)).isPresent()) {
      throw texts.invalid("ska.schoolYearExists", SchoolYear.label(first));
    }
    return years.save(new SchoolYear(first, processInstanceId));
  }

  /**
   * Gateway_SchoolYearAlreadyOpen of SkaSchedule: the administration opened this school year by
   * hand, so the scheduled start does nothing but say so in the log.
   */
  @Transactional(readOnly = true)
  @ModelGlue
  public boolean currentYearIsOpen() {
    String label = SchoolYear.label(SchoolYear.firstYearOf(LocalDate.now(clock)));
    boolean open = years.findByLabel(label).isPresent();
    if (open) {
      LOG.info("Scheduled school year {} not started: it is already open", label);
    }
    return open;
  }

  public SchoolYear get(Long id) {
    return years.findById(id).orElseThrow();
  }

  /** The shared improvement areas (one per line, per school form) and the plans' deadline. */
  public void prepare(Long schoolYearId, LocalDate planDeadline, Map<FormGroup, String> areasPerForm) {
    SchoolYear year = get(schoolYearId);
    if (!planDeadline.isAfter(LocalDate.now(clock))) {
      throw texts.invalid("ska.deadlineInPast");
    }
    year.setPlanDeadline(planDeadline);
    sharedAreas.deleteBySchoolYearId(schoolYearId);
    areasPerForm.forEach((group, text) -> lines(text).forEach(title -> sharedAreas.save(new SharedImprovementArea(year, group, title))));
  }

  @Transactional(readOnly = true)
  @ModelGlue
  public List<Long> activeUnitIds() {
    return units.findByActiveTrueOrderByName().stream().map(Unit::getId).toList();
  }

  /**
   * Gateway_AllPlansApproved of SkaYearlyCycle: every active unit's plan for the year is approved,
   * so the organiser's plan may start (true at once for a year without units).
   */
  @Transactional(readOnly = true)
  @ModelGlue
  public boolean allPlansApproved(Long schoolYearId) {
    Map<Long, QualityPlan.Status> byUnit = plans.findBySchoolYearIdOrderByUnitName(schoolYearId).stream()
        .collect(Collectors.toMap(p -> p.getUnit().getId(), QualityPlan::getStatus));
    return units.findByActiveTrueOrderByName().stream().allMatch(u -> byUnit.get(u.getId()) == QualityPlan.Status.APPROVED);
  }

  /** Gateway_OrganiserFeedbackSent of SkaUnitPlan: a plan approved after the board's report gets the feedback at once. */
  @Transactional(readOnly = true)
  @ModelGlue
  public boolean organiserFeedbackSent(Long schoolYearId) {
    return get(schoolYearId).getOrganiserFeedbackSentAt() != null;
  }

  public void markOrganiserFeedbackSent(Long schoolYearId) {
    get(schoolYearId).setOrganiserFeedbackSentAt(LocalDateTime.now(clock));
  }

  /** Units whose plan is not yet approved, for the reminder at the deadline. */
  @Transactional(readOnly = true)
  public String latePlansText(Long schoolYearId) {
    Map<Long, QualityPlan> byUnit = plans.findBySchoolYearIdOrderByUnitName(schoolYearId).stream()
        .collect(Collectors.toMap(p -> p.getUnit().getId(), p -> p));
    String late = units.findByActiveTrueOrderByName().stream()
        .filter(u -> !byUnit.containsKey(u.getId()) || byUnit.get(u.getId()).getStatus() != QualityPlan.Status.APPROVED)
        .map(u -> texts.get("ska.latePlan", u.getName(), u.getRektorUserId(),
            byUnit.containsKey(u.getId()) ? texts.get("ska.status." + byUnit.get(u.getId()).getStatus()) : texts.get("ska.status.DRAFT")))
        .collect(Collectors.joining("\n"));
    return late.isEmpty() ? texts.get("ska.noLatePlans") : late;
  }

  /** Every unit's plan in a few lines, and the self-assessments counted per score (no ranking). */
  @Transactional(readOnly = true)
  public String overview(Long schoolYearId) {
    List<QualityPlan> all = plans.findBySchoolYearIdOrderByUnitName(schoolYearId);
    String perUnit = all.stream()
        .map(p -> texts.get("ska.overviewUnit", p.getUnit().getName(), texts.get("ska.status." + p.getStatus()),
            actions.findByPlanIdOrderById(p.getId()).stream().map(ImprovementAction::getAreaTitle).distinct().collect(Collectors.joining(", "))))
        .collect(Collectors.joining("\n"));
    return texts.get("ska.overview", all.size(), perUnit, organiserPlans.selfAssessmentCounts(schoolYearId));
  }

  public void summarise(Long schoolYearId, String organiserAnalysis, String nextYearAreas, String feedbackToUnits) {
    SchoolYear year = get(schoolYearId);
    year.summarise(organiserAnalysis, nextYearAreas);
    year.setOrganiserFeedback(feedbackToUnits);
  }

  /** The board's report: the organiser's analysis, the units' state, next year's shared areas. */
  public String produceBoardReport(Long schoolYearId) {
    SchoolYear year = get(schoolYearId);
    String report = texts.get("ska.boardReport", year.getLabel(), organiserPlans.planText(schoolYearId), overview(schoolYearId),
        year.getNextYearAreas());
    year.setBoardReport(report);
    return report;
  }

  public void decideBoardReport(Long schoolYearId, boolean approved, String comment) {
    SchoolYear year = get(schoolYearId);
    year.setReportComment(comment);
    year.setReportApprovedAt(approved ? LocalDateTime.now(clock) : null);
  }

  private static List<String> lines(String text) {
    return text == null ? List.of() : text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
  }
}
