package se.kvalitetsarbete.quality;

import se.kvalitetsarbete.security.ModelGlue;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.allocation.NeedsDescription;
import se.kvalitetsarbete.allocation.NeedsDescriptions;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.indicators.IndicatorValue;
import se.kvalitetsarbete.indicators.IndicatorValueRepository;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;
import se.kvalitetsarbete.quality.SelfAssessment.Area;
import se.kvalitetsarbete.security.Roles;
import se.kvalitetsarbete.quality.SelfAssessment.Assessor;

/** One unit's plan through the year: last year followed up, results, analysis, development, feedback. */
@Service
@Transactional
public class QualityPlans {

  /** An action as it is written in the development part. */
  public record ActionInput(String areaTitle, int years, String wantedImprovement, String what, String why,
      String responsible, String timeline, String followUpHow) {}

  /** What was done about an action, and its effect. */
  public record FollowUpInput(Long actionId, String done, String effect) {}

  private final QualityPlanRepository plans;
  private final SchoolYearRepository years;
  private final SharedImprovementAreaRepository sharedAreas;
  private final SelfAssessmentRepository assessments;
  private final ImprovementActionRepository actions;
  private final ActionFollowUpRepository followUps;
  private final UnitRepository units;
  private final IndicatorValueRepository indicatorValues;
  private final NeedsDescriptions needsDescriptions;
  private final Texts texts;
  private final Clock clock;
  private final PlanDialogue dialogue;

  public QualityPlans(QualityPlanRepository plans, SchoolYearRepository years, SharedImprovementAreaRepository sharedAreas,
      SelfAssessmentRepository assessments, ImprovementActionRepository actions, ActionFollowUpRepository followUps,
      UnitRepository units, IndicatorValueRepository indicatorValues, NeedsDescriptions needsDescriptions, Texts texts, Clock clock,
      PlanDialogue dialogue) {
    this.plans = plans;
    this.years = years;
    this.sharedAreas = sharedAreas;
    this.assessments = assessments;
    this.actions = actions;
    this.followUps = followUps;
    this.units = units;
    this.indicatorValues = indicatorValues;
    this.needsDescriptions = needsDescriptions;
    this.texts = texts;
    this.clock = clock;
    this.dialogue = dialogue;
  }

  public QualityPlan start(Long unitId, Long schoolYearId, String processInstanceId) {
    SchoolYear year = years.findById(schoolYearId).orElseThrow();
    Unit unit = units.findById(unitId).orElseThrow();
    return plans.findByUnitIdAndSchoolYearLabel(unitId, year.getLabel())
        .orElseGet(() -> plans.save(new QualityPlan(unit, year, processInstanceId)));
  }

  @Transactional(readOnly = true)
  public QualityPlan get(Long planId) {
    return plans.findById(planId).orElseThrow();
  }

  /** The red thread: last year's actions for this unit, shown in "Hur blev det?". */
  @Transactional(readOnly = true)
  public List<ImprovementAction> lastYearActions(Long planId) {
    QualityPlan plan = get(planId);
    String previous = SchoolYear.label(plan.getSchoolYear().firstYear() - 1);
    return plans.findByUnitIdAndSchoolYearLabel(plan.getUnit().getId(), previous)
        .map(p -> actions.findByPlanIdOrderById(p.getId()))
        .orElse(List.of());
  }

  @Transactional(readOnly = true)
  public List<ImprovementAction> actionsOf(Long planId) {
    return actions.findByPlanIdOrderById(planId);
  }

  /** Rows for a form's list of actions to follow up. */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> followUpRows(List<ImprovementAction> of) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ImprovementAction action : of) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("actionId", action.getId());
      row.put("actionText", texts.get("ska.actionText", action.getAreaTitle(), action.getWhat(), action.getResponsible(),
          action.getTimeline(), action.getFollowUpHow()));
      rows.add(row);
    }
    return rows;
  }

  public void followUpLastYear(Long planId, String summary, List<FollowUpInput> answers) {
    QualityPlan plan = get(planId);
    recordFollowUps(lastYearActions(planId), answers, ActionFollowUp.Kind.YEAR_END);
    plan.setFollowUpSummary(summary);
  }

  public void followUpMidYear(Long planId, List<FollowUpInput> answers) {
    recordFollowUps(actionsOf(planId), answers, ActionFollowUp.Kind.MID_YEAR);
  }

  private void recordFollowUps(List<ImprovementAction> expected, List<FollowUpInput> answers, ActionFollowUp.Kind kind) {
    Map<Long, ImprovementAction> byId = expected.stream().collect(Collectors.toMap(ImprovementAction::getId, a -> a));
    List<String> problems = new ArrayList<>();
    for (FollowUpInput answer : answers) {
      if (!byId.containsKey(answer.actionId())) {
        problems.add(texts.get("ska.unknownAction", String.valueOf(answer.actionId())));
      } else if (answer.done() == null || answer.effect() == null) {
        problems.add(texts.get("ska.followUpMissing", byId.get(answer.actionId()).getWhat()));
      }
    }
    if (answers.stream().map(FollowUpInput::actionId).collect(Collectors.toSet()).size() < expected.size()) {
      problems.add(texts.get("ska.followUpEveryAction"));
    }
    if (!problems.isEmpty()) {
      throw texts.invalid("error.form", String.join(" ", problems));
    }
    LocalDateTime now = LocalDateTime.now(clock);
    for (FollowUpInput answer : answers) {
      followUps.save(new ActionFollowUp(byId.get(answer.actionId()), kind, answer.done(), answer.effect(), now));
    }
  }

  /** Scores and notes: the rektor's calm-and-safety and survey notes, or the staff's team and reflections. */
  public void assess(Long planId, Assessor assessor, Map<Area, Integer> scores, String note, String secondNote) {
    QualityPlan plan = get(planId);
    if (assessor == Assessor.MANAGEMENT) {
      plan.setResultNotes(note, secondNote);
    } else {
      plan.setStaffNotes(note, secondNote);
    }
    List<SelfAssessment> existing = assessments.findByPlanId(planId);
    scores.forEach((area, score) -> existing.stream()
        .filter(a -> a.getAssessor() == assessor && a.getArea() == area).findFirst()
        .ifPresentOrElse(a -> a.setScore(score), () -> assessments.save(new SelfAssessment(plan, assessor, area, score))));
  }

  public void analyse(Long planId, String historical, String resources, String organisation, String method, String equity) {
    get(planId).analyse(historical, resources, organisation, method, equity);
  }

  @Transactional(readOnly = true)
  public List<String> sharedAreaTitles(Long planId) {
    QualityPlan plan = get(planId);
    return sharedAreas.findBySchoolYearIdAndFormGroupOrderById(plan.getSchoolYear().getId(),
        SharedImprovementArea.FormGroup.of(plan.getUnit().getSchoolForm())).stream().map(SharedImprovementArea::getTitle).toList();
  }

  /** The development part replaces the plan's actions; every shared area must have at least one. */
  public void develop(Long planId, List<ActionInput> rows, String qualityTeamNeed) {
    QualityPlan plan = get(planId);
    List<String> shared = sharedAreaTitles(planId);
    List<String> missing = shared.stream().filter(area -> rows.stream().noneMatch(r -> area.equals(r.areaTitle()))).toList();
    if (rows.isEmpty()) {
      throw texts.invalid("ska.noActions");
    }
    if (!missing.isEmpty()) {
      throw texts.invalid("ska.sharedAreaMissing", String.join(", ", missing));
    }
    followUps.deleteByActionPlanId(planId);
    actions.deleteAll(actions.findByPlanIdOrderById(planId));
    for (ActionInput row : rows) {
      actions.save(new ImprovementAction(plan, row.areaTitle(), shared.contains(row.areaTitle()), row.years(),
          row.wantedImprovement(), row.what(), row.why(), row.responsible(), row.timeline(), row.followUpHow()));
    }
    plan.setStatus(QualityPlan.Status.SUBMITTED);
    if (qualityTeamNeed != null) {
      needsDescriptions.openDraft(plan.getUnit(), NeedsDescription.Origin.QUALITY_PLAN,
          texts.get("ska.needsFromPlan", plan.getSchoolYear().getLabel(), qualityTeamNeed), analysisText(plan));
    }
  }

  /** The head of school form's decision; the comment joins the dialogue, on the part the plan goes back to. */
  public void feedback(Long planId, boolean approved, PlanMessage.Part part, String comment, String by) {
    get(planId).feedback(approved, comment, by, LocalDateTime.now(clock));
    dialogue.write(planId, by, approved ? PlanMessage.Part.WHOLE : part, comment);
  }

  /** The group whose head gives feedback on this plan: the heads of the unit's school form. */
  @Transactional(readOnly = true)
  @ModelGlue
  public String feedbackGroup(Long planId) {
    return Roles.headsOf(SharedImprovementArea.FormGroup.of(get(planId).getUnit().getSchoolForm()).name());
  }

  /** Mid-year follow-up dates in the plan's school year, from months like "11, 2". */
  @Transactional(readOnly = true)
  @ModelGlue
  public List<String> midYearDates(Long planId, String months) {
    int first = get(planId).getSchoolYear().firstYear();
    LocalDateTime now = LocalDateTime.now(clock);
    return Arrays.stream(months.split("\\s*,\\s*"))
        .map(m -> {
          int month = Integer.parseInt(m.trim());
          return LocalDate.of(month >= 8 ? first : first + 1, month, 15).atTime(8, 0);
        })
        .filter(due -> due.isAfter(now))
        .map(LocalDateTime::toString)
        .toList();
  }

  /** The unit's shared indicators for the last years, as text for the results part. */
  @Transactional(readOnly = true)
  public String indicatorsText(Long planId) {
    QualityPlan plan = get(planId);
    int last = plan.getSchoolYear().firstYear();
    List<IndicatorValue> values = indicatorValues.findForArea(plan.getUnit().getCode(), last - 3, last);
    if (values.isEmpty()) {
      return texts.get("ska.noIndicators");
    }
    return values.stream()
        .filter(v -> v.getGender() == IndicatorValue.Gender.T)
        .collect(Collectors.groupingBy(v -> v.getIndicator().getCode() + " " + v.getIndicator().getNameSv(), LinkedHashMap::new, Collectors.toList()))
        .entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue().stream()
            .map(v -> v.getYear() + " " + (v.getValue() == null ? texts.get("ska.value." + v.getStatus()) : v.getValue().stripTrailingZeros().toPlainString().replace('.', ',')))
            .collect(Collectors.joining(", ")))
        .collect(Collectors.joining("\n"));
  }

  /** The results part as the analysis reads it. */
  @Transactional(readOnly = true)
  public String resultsText(Long planId) {
    QualityPlan plan = get(planId);
    String scores = assessments.findByPlanId(planId).stream()
        .map(a -> texts.get("ska.score", texts.get("ska.assessor." + a.getAssessor()), a.getArea().label(), a.getScore()))
        .collect(Collectors.joining("\n"));
    return texts.get("ska.results", nullToDash(plan.getFollowUpSummary()), indicatorsText(planId), scores,
        nullToDash(plan.getStudieroNotes()), nullToDash(plan.getSurveyNotes()), nullToDash(plan.getStaffTeam()),
        nullToDash(plan.getStaffNotes()));
  }

  /** The whole plan, as the head of school form reads it. */
  @Transactional(readOnly = true)
  public String planText(Long planId) {
    QualityPlan plan = get(planId);
    Map<Long, List<ActionFollowUp>> followed = followUps.findByActionPlanIdOrderById(planId).stream()
        .collect(Collectors.groupingBy(f -> f.getAction().getId()));
    String development = actionsOf(planId).stream()
        .map(a -> texts.get("ska.actionFull", a.getAreaTitle(), a.isShared() ? texts.get("ska.shared") : "", a.getYears(),
            a.getWantedImprovement(), a.getWhat(), a.getWhy(), a.getResponsible(), a.getTimeline(), a.getFollowUpHow())
            + followed.getOrDefault(a.getId(), List.of()).stream()
                .map(f -> "\n" + texts.get("ska.followedUp", texts.get("ska.kind." + f.getKind()), f.getDone(), f.getEffect()))
                .collect(Collectors.joining()))
        .collect(Collectors.joining("\n\n"));
    return texts.get("ska.planText", plan.getUnit().getName(), plan.getSchoolYear().getLabel(), resultsText(planId),
        analysisText(plan), development) + texts.get("ska.planDialogue", dialogue.text(planId));
  }

  private String analysisText(QualityPlan plan) {
    return texts.get("ska.analysis", nullToDash(plan.getAnalysisHistorical()), nullToDash(plan.getAnalysisResources()),
        nullToDash(plan.getAnalysisOrganisation()), nullToDash(plan.getAnalysisMethod()), nullToDash(plan.getAnalysisEquity()));
  }

  private static String nullToDash(String s) {
    return Objects.requireNonNullElse(s, "–");
  }
}
