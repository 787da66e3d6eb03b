package se.kvalitetsarbete.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;
import se.kvalitetsarbete.quality.PlanMessage;
import se.kvalitetsarbete.quality.QualityPlan;
import se.kvalitetsarbete.quality.QualityPlans;
import se.kvalitetsarbete.quality.QualityPlans.ActionInput;
import se.kvalitetsarbete.quality.QualityPlans.FollowUpInput;
import se.kvalitetsarbete.quality.SchoolYear;
import se.kvalitetsarbete.quality.SchoolYearRepository;
import se.kvalitetsarbete.quality.SchoolYears;
import se.kvalitetsarbete.quality.SelfAssessment.Area;
import se.kvalitetsarbete.quality.SharedImprovementArea;
import se.kvalitetsarbete.quality.SharedImprovementArea.FormGroup;
import se.kvalitetsarbete.quality.SharedImprovementAreaRepository;

/**
 * Last school year, done: every demo unit's plan written, approved and followed up, and the
 * organiser's plan with its areas for this year and an approved board report. So the red thread
 * shows on first start: this year's preparation starts from last year's organiser plan, each
 * unit's "Hur blev det?" from last year's actions, and the indicators (DemoIndicators) run over
 * four years. Written through the domain services, not the processes; made up, like all demo data.
 */
@Component
@Profile("demo")
public class DemoPreviousSchoolYear {

  static final String SHARED_AREA = "Studiero och trygghet";
  static final String NEXT_YEAR_AREAS = "Studiero och trygghet\nLäsförståelse i alla ämnen";

  private static final Logger LOG = LoggerFactory.getLogger(DemoPreviousSchoolYear.class);

  private final SchoolYearRepository yearRecords;
  private final SchoolYears years;
  private final SharedImprovementAreaRepository sharedAreas;
  private final QualityPlans plans;
  private final UnitRepository units;
  private final Clock clock;

  public DemoPreviousSchoolYear(SchoolYearRepository yearRecords, SchoolYears years, SharedImprovementAreaRepository sharedAreas,
      QualityPlans plans, UnitRepository units, Clock clock) {
    this.yearRecords = yearRecords;
    this.years = years;
    this.sharedAreas = sharedAreas;
    this.plans = plans;
    this.units = units;
    this.clock = clock;
  }

  /** After the demo units (DemoDataGenerator, order 1) and indicators (order 2). */
  @EventListener
  @Order(3)
  @Transactional
  public void onPostDeploy(PostDeployEvent event) {
    int first = SchoolYear.firstYearOf(LocalDate.now(clock)) - 1;
    if (yearRecords.findByLabel(SchoolYear.label(first)).isPresent()) {
      return;
    }
    SchoolYear year = yearRecords.save(new SchoolYear(first, null));
    year.setPlanDeadline(LocalDate.of(first, 10, 31));
    for (FormGroup group : FormGroup.values()) {
      sharedAreas.save(new SharedImprovementArea(year, group, SHARED_AREA));
    }
    List<Unit> demoUnits = units.findByActiveTrueOrderByName();
    demoUnits.forEach(unit -> completedPlan(unit, year));
    years.summarise(year.getId(),
        "Studieron har blivit bättre där arbetslagen följt upp sina åtgärder tillsammans; läsförståelsen är ojämn mellan enheterna.",
        NEXT_YEAR_AREAS, "Tack för planer med en tydlig röd tråd. Fortsätt att följa upp åtgärderna tillsammans med arbetslagen.");
    year.planOrganiser("Trygghetsarbetet har kommit i gång på alla enheter; effekten syns i enkäterna men ännu inte i betygen.",
        "Kommunens resultat har stigit sakta de senaste fyra åren, för både flickor och pojkar.",
        "Fortbildning i lässtrategier har nått hälften av lärarna.",
        "Rektorerna har fått stöd av kvalitetsteamet i sitt analysarbete.",
        "Arbetet bygger på forskning om studiero och formativ bedömning.",
        "Skillnaden mellan flickor och pojkar består; pojkarnas läsning behöver särskild uppmärksamhet.");
    years.produceBoardReport(year.getId());
    year.setReportApprovedAt(LocalDateTime.now(clock));
    years.markOrganiserFeedbackSent(year.getId());
    LOG.info("Demodata: läsåret {} är avslutat med {} enheters planer och huvudmannens plan (påhittat).", year.getLabel(), demoUnits.size());
  }

  private void completedPlan(Unit unit, SchoolYear year) {
    QualityPlan plan = plans.start(unit.getId(), year.getId(), null);
    Long id = plan.getId();
    plans.assessAsManagement(id, scores(id, 3), plans.studieroApplies(id) ? "Lugnt i de flesta klassrum." : null,
        "Eleverna känner sig trygga på rasterna.");
    for (Long team : plans.staffTeamIds(id)) {
      plans.assessAsTeam(id, team, scores(id, 2), "Vi behöver gemensamma rutiner för lektionsstarter.",
          plans.staffTeamMembers(team).get(0));
    }
    plans.analyse(id, "Tryggheten har ökat sedan förra året.", "Personalen behöver fortbildning i ledarskap i klassrummet.",
        "Arbetslagen träffas varannan vecka.", "Vi prövar gemensamma lektionsstarter.", "Pojkarna upplever mindre studiero än flickorna.",
        "Engagerade arbetslag.", "Lite gemensam tid för analys.", "Schemat ger få gemensamma möten.", List.of(), "demo");
    Map<Area, String> focus = new EnumMap<>(Area.class);
    for (Area area : Area.values()) {
      focus.put(area, "Gemensamma lektionsstarter.");
    }
    plans.develop(id, plans.sharedAreaTitles(id).stream()
        .map(title -> new ActionInput(title, Area.kvalitetIUndervisningen, 1, "Alla elever upplever studiero.",
            "Gemensamma lektionsstarter", "Analysen visar oro i början av lektionerna.", "Rektor", "HT–VT",
            "Elevenkät i november och februari."))
        .toList(), focus, null);
    plans.feedback(id, true, PlanMessage.Part.WHOLE, "Tydlig koppling mellan analys och åtgärd.", "verksamhetschef1");
    List<FollowUpInput> answers = plans.actionsOf(id).stream()
        .map(a -> new FollowUpInput(a.getId(), "Lektionsstarterna används i alla arbetslag.", "Färre störningar enligt enkäten."))
        .toList();
    plans.followUpMidYear(id, answers);
  }

  /** The same score on every normalläge criterion that applies to the plan's unit. */
  private Map<Long, Integer> scores(Long planId, int score) {
    Map<Long, Integer> scores = new java.util.HashMap<>();
    plans.criteriaFor(planId).forEach(c -> scores.put(c.getId(), score));
    return scores;
  }
}
