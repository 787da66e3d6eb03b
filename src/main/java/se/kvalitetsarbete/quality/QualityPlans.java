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
import se.kvalitetsarbete.indicators.IndicatorRepository;
import se.kvalitetsarbete.indicators.IndicatorValue;
import se.kvalitetsarbete.indicators.IndicatorValueRepository;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.StaffTeam;
import se.kvalitetsarbete.organisation.StaffTeams;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;
import se.kvalitetsarbete.quality.SelfAssessment.Area;
import se.kvalitetsarbete.security.Roles;

/** One unit's plan through the year: last year followed up, results, analysis, development, feedback. */
@Service
@Transactional
public class QualityPlans {

  /** An action as it is written in the development part, with its improvement area's fields. */
  public record ActionInput(String areaTitle, Area developmentArea, int years, String wantedImprovement, String what,
      String why, String responsible, String timeline, String followUpHow) {}

  /** Next year's "Hur blev det?" about one action; a good example has its description, else null. */
  public record ReflectionInput(Long actionId, String seen, String done, String effect, String nextStep,
      String goodExample) {}

  /** One arbetslag's view in the analysis, and the rektor's feedback to it (null: none). */
  public record TeamFeedbackInput(Long staffTeamId, String feedback) {}

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
  private final NormalCriterionRepository criteria;
  private final StaffTeamAssessmentRepository teamAssessments;
  private final StaffTeams staffTeams;
  private final IndicatorRepository indicators;
  private final Texts texts;
  private final Clock clock;
  private final PlanDialogue dialogue;
  private final se.kvalitetsarbete.calendar.SchoolCalendar calendar;

  public QualityPlans(QualityPlanRepository plans, SchoolYearRepository years, SharedImprovementAreaRepository sharedAreas,
      SelfAssessmentRepository assessments, ImprovementActionRepository actions, ActionFollowUpRepository followUps,
      UnitRepository units, IndicatorValueRepository indicatorValues, NeedsDescriptions needsDescriptions,
      NormalCriterionRepository criteria, StaffTeamAssessmentRepository teamAssessments, StaffTeams staffTeams,
      IndicatorRepository indicators, Texts texts, Clock clock, PlanDialogue dialogue,
      se.kvalitetsarbete.calendar.SchoolCalendar calendar) {
    this.calendar = calendar;
    this.plans = plans;
    this.years = years;
    this.sharedAreas = sharedAreas;
    this.assessments = assessments;
    this.actions = actions;
    this.followUps = followUps;
    this.units = units;
    this.indicatorValues = indicatorValues;
    this.needsDescriptions = needsDescriptions;
    this.criteria = criteria;
    this.teamAssessments = teamAssessments;
    this.staffTeams = staffTeams;
    this.indicators = indicators;
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

  /** "Hur blev det?": a reflection on each of last year's actions (what we saw, did, what happened, what now). */
  public void followUpLastYear(Long planId, String summary, List<ReflectionInput> answers) {
    QualityPlan plan = get(planId);
    Map<Long, ImprovementAction> byId = checkEveryActionAnswered(lastYearActions(planId),
        answers.stream().map(ReflectionInput::actionId).toList(),
        answers.stream().filter(a -> a.done() == null || a.effect() == null).map(ReflectionInput::actionId).toList());
    LocalDateTime now = LocalDateTime.now(clock);
    for (ReflectionInput answer : answers) {
      followUps.save(ActionFollowUp.yearEnd(byId.get(answer.actionId()), answer.seen(), answer.done(), answer.effect(),
          answer.nextStep(), answer.goodExample(), now));
    }
    plan.setFollowUpSummary(summary);
  }

  public void followUpMidYear(Long planId, List<FollowUpInput> answers) {
    Map<Long, ImprovementAction> byId = checkEveryActionAnswered(actionsOf(planId),
        answers.stream().map(FollowUpInput::actionId).toList(),
        answers.stream().filter(a -> a.done() == null || a.effect() == null).map(FollowUpInput::actionId).toList());
    LocalDateTime now = LocalDateTime.now(clock);
    for (FollowUpInput answer : answers) {
      followUps.save(new ActionFollowUp(byId.get(answer.actionId()), ActionFollowUp.Kind.MID_YEAR, answer.done(),
          answer.effect(), now));
    }
  }

  /** Every expected action answered, no other, none half: the expected actions by id, or refused. */
  private Map<Long, ImprovementAction> checkEveryActionAnswered(List<ImprovementAction> expected, List<Long> answered,
      List<Long> halfAnswered) {
    Map<Long, ImprovementAction> byId = expected.stream().collect(Collectors.toMap(ImprovementAction::getId, a -> a));
    List<String> problems = new ArrayList<>();
    for (Long id : answered) {
      if (!byId.containsKey(id)) {
        problems.add(texts.get("ska.unknownAction", String.valueOf(id)));
      } else if (halfAnswered.contains(id)) {
        problems.add(texts.get("ska.followUpMissing", byId.get(id).getWhat()));
      }
    }
    if (new java.util.HashSet<>(answered).size() < expected.size()) {
      problems.add(texts.get("ska.followUpEveryAction"));
    }
    if (!problems.isEmpty()) {
      throw texts.invalid("error.form", String.join(" ", problems));
    }
    return byId;
  }

  /** The normallägen this plan's unit is asked about: those for its school form, in catalogue order. */
  @Transactional(readOnly = true)
  public List<NormalCriterion> criteriaFor(Long planId) {
    SchoolForm form = get(planId).getUnit().getSchoolForm();
    return criteria.findAllByOrderBySortOrderAscIdAsc().stream().filter(c -> c.appliesTo(form)).toList();
  }

  /** Whether the unit's school form has lessons whose studiero is followed up (not förskola, not fritidshem). */
  @Transactional(readOnly = true)
  public boolean studieroApplies(Long planId) {
    SchoolForm form = get(planId).getUnit().getSchoolForm();
    return form != SchoolForm.FORSKOLA && form != SchoolForm.FRITIDSHEM;
  }

  /** The management's scores per criterion, with studiero (where it applies) and the user survey. */
  public void assessAsManagement(Long planId, Map<Long, Integer> scores, String studiero, String survey) {
    QualityPlan plan = get(planId);
    plan.setResultNotes(studiero, survey);
    replaceScores(plan, null, scores);
  }

  /** One arbetslag's scores and reflections: one record per arbetslag and plan, replaced when the plan is sent back to its results. */
  public void assessAsTeam(Long planId, Long staffTeamId, Map<Long, Integer> scores, String notes, String by) {
    QualityPlan plan = get(planId);
    StaffTeam team = staffTeams.assessingTeamsOf(plan.getUnit().getId()).stream()
        .filter(t -> t.getId().equals(staffTeamId)).findFirst()
        .orElseThrow(() -> texts.invalid("arbetslag.notOfUnit"));
    LocalDateTime now = LocalDateTime.now(clock);
    teamAssessments.findByPlanIdAndStaffTeamId(planId, staffTeamId).ifPresentOrElse(
        again -> again.reassess(notes, by, now),
        () -> teamAssessments.save(new StaffTeamAssessment(plan, team, notes, by, now)));
    replaceScores(plan, team, scores);
  }

  /** Scores for criteria of the unit's school form (the form asks which: those it showed), none other, 1–4. */
  private void replaceScores(QualityPlan plan, StaffTeam team, Map<Long, Integer> scores) {
    SchoolForm form = plan.getUnit().getSchoolForm();
    List<NormalCriterion> scored = criteria.findAllById(scores.keySet()).stream()
        .filter(c -> c.getSchoolForms().isEmpty() || c.getSchoolForms().contains(form)).toList();
    if (scores.isEmpty() || scored.size() != scores.size() || scores.values().stream().anyMatch(s -> s < 1 || s > 4)) {
      throw texts.invalid("normallage.everyCriterion");
    }
    assessments.deleteAll(assessments.findByPlanId(plan.getId()).stream()
        .filter(a -> Objects.equals(a.getStaffTeam(), team)).toList());
    for (NormalCriterion criterion : scored) {
      assessments.save(new SelfAssessment(plan, team, criterion, scores.get(criterion.getId())));
    }
  }

  /** The arbetslag that self-assess in this plan: the unit's arbetslag with members. */
  @Transactional(readOnly = true)
  @ModelGlue
  public List<Long> staffTeamIds(Long planId) {
    return staffTeams.assessingTeamsOf(get(planId).getUnit().getId()).stream().map(StaffTeam::getId).toList();
  }

  /** The candidates of an arbetslag's self-assessment: its members. */
  @Transactional(readOnly = true)
  @ModelGlue
  public List<String> staffTeamMembers(Long staffTeamId) {
    return staffTeams.members(staffTeamId);
  }

  @Transactional(readOnly = true)
  public String staffTeamName(Long staffTeamId) {
    return staffTeams.name(staffTeamId);
  }

  @Transactional(readOnly = true)
  public List<StaffTeamAssessment> teamAssessmentsOf(Long planId) {
    return teamAssessments.findByPlanIdOrderByTeamName(planId);
  }

  /** The analysis: five perspectives, strengths, weaknesses and obstacles, and feedback to the arbetslag. */
  public void analyse(Long planId, String historical, String resources, String organisation, String method, String equity,
      String strengths, String weaknesses, String obstacles, List<TeamFeedbackInput> teamFeedback, String by) {
    QualityPlan plan = get(planId);
    Map<Long, StaffTeamAssessment> byTeam = teamAssessmentsOf(planId).stream()
        .collect(Collectors.toMap(t -> t.getStaffTeam().getId(), t -> t));
    for (TeamFeedbackInput feedback : teamFeedback) {
      if (!byTeam.containsKey(feedback.staffTeamId())) {
        throw texts.invalid("arbetslag.notOfUnit");
      }
    }
    plan.analyse(historical, resources, organisation, method, equity);
    plan.assessStrengths(strengths, weaknesses, obstacles);
    LocalDateTime now = LocalDateTime.now(clock);
    teamFeedback.forEach(f -> byTeam.get(f.staffTeamId()).feedback(f.feedback(), by, now));
  }

  @Transactional(readOnly = true)
  public List<String> sharedAreaTitles(Long planId) {
    QualityPlan plan = get(planId);
    return sharedAreas.findBySchoolYearIdAndFormGroupOrderById(plan.getSchoolYear().getId(),
        SharedImprovementArea.FormGroup.of(plan.getUnit().getSchoolForm())).stream().map(SharedImprovementArea::getTitle).toList();
  }

  /** The development part replaces the plan's actions; every shared area must have at least one. */
  public void develop(Long planId, List<ActionInput> rows, Map<Area, String> focus, String qualityTeamNeed) {
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
      actions.save(new ImprovementAction(plan, row.areaTitle(), shared.contains(row.areaTitle()), row.developmentArea(),
          row.years(), row.wantedImprovement(), row.what(), row.why(), row.responsible(), row.timeline(), row.followUpHow()));
    }
    focus.forEach(plan::setFocus);
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
          // the 15th, or the next school day when that is a weekend or in a lov
          return calendar.nextSchoolDay(LocalDate.of(month >= 8 ? first : first + 1, month, 15)).atTime(8, 0);
        })
        .filter(due -> due.isAfter(now))
        .map(LocalDateTime::toString)
        .toList();
  }

  /** The unit's shared indicators for the last years, as text; null when none is kept for its school form. */
  @Transactional(readOnly = true)
  public String indicatorsText(Long planId) {
    QualityPlan plan = get(planId);
    SchoolForm form = plan.getUnit().getSchoolForm();
    if (indicators.findAllByOrderBySortOrder().stream().noneMatch(i -> i.getSchoolForm() == form)) {
      return null;
    }
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

  /**
   * The management's and each arbetslag's view side by side: per utvecklingsområde the mean score of
   * each, and the gap between the highest and lowest; then the criteria on which they differ by two
   * steps or more.
   */
  @Transactional(readOnly = true)
  public String comparisonText(Long planId) {
    List<SelfAssessment> all = assessments.findByPlanId(planId).stream().filter(a -> a.getCriterion() != null).toList();
    Map<String, List<SelfAssessment>> byAssessor = all.stream()
        .sorted(java.util.Comparator.comparing((SelfAssessment a) -> a.getStaffTeam() != null)
            .thenComparing(a -> a.getStaffTeam() == null ? "" : a.getStaffTeam().getName()))
        .collect(Collectors.groupingBy(this::assessorName, LinkedHashMap::new, Collectors.toList()));
    List<String> lines = new ArrayList<>();
    for (Area area : Area.values()) {
      Map<String, Double> means = new LinkedHashMap<>();
      byAssessor.forEach((who, scores) -> scores.stream().filter(a -> a.getArea() == area).mapToInt(SelfAssessment::getScore)
          .average().ifPresent(mean -> means.put(who, mean)));
      if (!means.isEmpty()) {
        double gap = means.values().stream().mapToDouble(d -> d).max().orElse(0) - means.values().stream().mapToDouble(d -> d).min().orElse(0);
        lines.add(texts.get("skaplan.areaComparison", area.label(), means.entrySet().stream()
            .map(e -> e.getKey() + " " + oneDecimal(e.getValue())).collect(Collectors.joining(" · ")), oneDecimal(gap)));
      }
    }
    if (byAssessor.keySet().stream().noneMatch(who -> !who.equals(texts.get("ska.assessor.MANAGEMENT")))) {
      lines.add(texts.get("skaplan.noTeams"));
    }
    List<String> gaps = all.stream().collect(Collectors.groupingBy(SelfAssessment::getCriterion, LinkedHashMap::new, Collectors.toList()))
        .entrySet().stream()
        .filter(e -> e.getValue().stream().mapToInt(SelfAssessment::getScore).max().orElse(0)
            - e.getValue().stream().mapToInt(SelfAssessment::getScore).min().orElse(0) >= 2)
        .map(e -> texts.get("skaplan.criterionGap", e.getKey().getDescription(), e.getKey().getArea().label(),
            e.getValue().stream().map(a -> assessorName(a) + " " + a.getScore()).collect(Collectors.joining(", "))))
        .toList();
    if (!gaps.isEmpty()) {
      lines.add(texts.get("skaplan.criterionGaps"));
      lines.addAll(gaps);
    }
    return String.join("\n", lines);
  }

  private String assessorName(SelfAssessment a) {
    return a.getStaffTeam() == null ? texts.get("ska.assessor.MANAGEMENT") : a.getStaffTeam().getName();
  }

  private static String oneDecimal(double value) {
    return String.format(java.util.Locale.forLanguageTag("sv-SE"), "%.1f", value);
  }

  /** One arbetslag's reflections, and the rektor's feedback to it when given. */
  public String teamViewText(StaffTeamAssessment team) {
    return texts.get("skaplan.teamView", team.getTeamName(), nullToDash(team.getStaffNotes()))
        + (team.getTeamFeedback() == null ? "" : "\n" + texts.get("skaplan.teamFeedback", team.getTeamFeedback()));
  }

  /** The results part as the analysis reads it. */
  @Transactional(readOnly = true)
  public String resultsText(Long planId) {
    QualityPlan plan = get(planId);
    String indicatorsText = indicatorsText(planId);
    String teams = teamAssessmentsOf(planId).stream().map(this::teamViewText).collect(Collectors.joining("\n"));
    return texts.get("skaplan.results", nullToDash(plan.getFollowUpSummary()),
        indicatorsText == null ? texts.get("skaplan.noIndicatorsForSchoolForm", plan.getUnit().getSchoolForm().label()) : indicatorsText,
        comparisonText(planId), nullToDash(plan.getStudieroNotes()), nullToDash(plan.getSurveyNotes()), teams.isEmpty() ? "–" : teams);
  }

  /** The whole plan, as the head of school form reads it. */
  @Transactional(readOnly = true)
  public String planText(Long planId) {
    QualityPlan plan = get(planId);
    return texts.get("ska.planText", plan.getUnit().getName(), plan.getSchoolYear().getLabel(), resultsText(planId),
        analysisText(plan), developmentText(plan)) + texts.get("ska.planDialogue", dialogue.text(planId));
  }

  /** The development part: next year's focus per utvecklingsområde, then each improvement area with its actions. */
  @Transactional(readOnly = true)
  public String developmentText(QualityPlan plan) {
    Map<Long, List<ActionFollowUp>> followed = followUps.findByActionPlanIdOrderById(plan.getId()).stream()
        .collect(Collectors.groupingBy(f -> f.getAction().getId()));
    String focus = java.util.Arrays.stream(Area.values())
        .map(area -> texts.get("skaplan.focusLine", area.label(), nullToDash(plan.getFocus(area))))
        .collect(Collectors.joining("\n"));
    String areas = actionsOf(plan.getId()).stream()
        .collect(Collectors.groupingBy(ImprovementAction::getAreaTitle, LinkedHashMap::new, Collectors.toList()))
        .values().stream()
        .map(inArea -> {
          ImprovementAction first = inArea.get(0);
          return texts.get("skaplan.area", first.getAreaTitle(), first.isShared() ? texts.get("ska.shared") : "",
              first.getDevelopmentArea() == null ? "–" : first.getDevelopmentArea().label(), first.getYears(),
              first.getWantedImprovement())
              + inArea.stream().map(a -> "\n" + texts.get("skaplan.action", a.getWhat(), a.getWhy(), a.getResponsible(),
                  a.getTimeline(), a.getFollowUpHow())
                  + followed.getOrDefault(a.getId(), List.of()).stream().map(f -> "\n" + followUpText(f)).collect(Collectors.joining()))
                  .collect(Collectors.joining());
        })
        .collect(Collectors.joining("\n\n"));
    return texts.get("skaplan.development", focus, areas);
  }

  private String followUpText(ActionFollowUp f) {
    if (f.getKind() == ActionFollowUp.Kind.MID_YEAR || f.getSeen() == null) {
      return texts.get("ska.followedUp", texts.get("ska.kind." + f.getKind()), f.getDone(), f.getEffect());
    }
    return texts.get("skaplan.reflection", f.getSeen(), f.getDone(), f.getEffect(), nullToDash(f.getNextStep()))
        + (f.isGoodExample() ? "\n" + texts.get("skaplan.goodExample", f.getGoodExampleText()) : "");
  }

  /** The analysis part, as the development part and a needs description read it. */
  @Transactional(readOnly = true)
  public String analysisText(QualityPlan plan) {
    return texts.get("skaplan.analysis", nullToDash(plan.getAnalysisHistorical()), nullToDash(plan.getAnalysisResources()),
        nullToDash(plan.getAnalysisOrganisation()), nullToDash(plan.getAnalysisMethod()), nullToDash(plan.getAnalysisEquity()),
        nullToDash(plan.getAnalysisStrengths()), nullToDash(plan.getAnalysisWeaknesses()), nullToDash(plan.getAnalysisObstacles()));
  }

  private static String nullToDash(String s) {
    return Objects.requireNonNullElse(s, "–");
  }
}
