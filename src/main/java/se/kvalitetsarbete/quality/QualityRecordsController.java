package se.kvalitetsarbete.quality;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.kvalitetsarbete.security.Roles;
import se.kvalitetsarbete.security.StaffUser;

/**
 * The year's records as a municipality prints and archives them: each unit's plan and the board's
 * report as plain text. The administration, heads of school forms and coordinators read all; a
 * rektor reads their own unit's plans.
 */
@RestController
@RequestMapping("/api/quality-plans")
public class QualityRecordsController {

  private static final String[] READ_ALL = {Roles.ADMINISTRATION, Roles.HEADS_OF_SCHOOL_FORMS, Roles.COORDINATORS,
      Roles.ADMINISTRATORS};

  private final QualityPlans plans;
  private final QualityPlanRepository planRepository;
  private final SchoolYearRepository years;
  private final StaffUser staff;

  public QualityRecordsController(QualityPlans plans, QualityPlanRepository planRepository, SchoolYearRepository years,
      StaffUser staff) {
    this.plans = plans;
    this.planRepository = planRepository;
    this.years = years;
    this.staff = staff;
  }

  public record PlanView(Long id, String unit, String unitCode, String schoolYear, String status) {}

  @GetMapping
  @Transactional(readOnly = true)
  public List<PlanView> list(@RequestParam String schoolYear, HttpServletRequest request) {
    SchoolYear year = years.findByLabel(schoolYear).orElseThrow(() -> notFound());
    String user = staff.id(request);
    boolean all = readsAll(request);
    return planRepository.findBySchoolYearIdOrderByUnitName(year.getId()).stream()
        .filter(p -> all || p.getUnit().getRektorUserId().equals(user))
        .map(p -> new PlanView(p.getId(), p.getUnit().getName(), p.getUnit().getCode(), year.getLabel(), p.getStatus().name()))
        .toList();
  }

  @GetMapping(value = "/{id}/text", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
  @Transactional(readOnly = true)
  public String plan(@PathVariable Long id, HttpServletRequest request) {
    QualityPlan plan = planRepository.findById(id).orElseThrow(() -> notFound());
    if (!readsAll(request) && !plan.getUnit().getRektorUserId().equals(staff.id(request))) {
      throw notFound();
    }
    return plans.planText(id);
  }

  @GetMapping(value = "/board-report", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
  @Transactional(readOnly = true)
  public String boardReport(@RequestParam String schoolYear, HttpServletRequest request) {
    staff.requireOneOf(request, READ_ALL);
    SchoolYear year = years.findByLabel(schoolYear).orElseThrow(() -> notFound());
    if (year.getBoardReport() == null) {
      throw notFound();
    }
    return year.getBoardReport();
  }

  private boolean readsAll(HttpServletRequest request) {
    return staff.isInOneOf(request, READ_ALL);
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "Finns inte, eller så saknar du behörighet.");
  }
}
