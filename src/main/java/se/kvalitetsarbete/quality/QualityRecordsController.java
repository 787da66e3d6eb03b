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
import org.springframework.http.ResponseEntity;
import se.kvalitetsarbete.common.Dates;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.print.PdfDocuments;
import se.kvalitetsarbete.print.PrintedRecord;
import se.kvalitetsarbete.web.Charts;
import se.kvalitetsarbete.security.Roles;
import se.kvalitetsarbete.security.StaffUser;

/**
 * The year's records as a municipality prints and archives them: each unit's plan and the board's
 * report as plain text and, from the same text, as PDF. The administration, heads of school forms and coordinators read all; a
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
  private final PdfDocuments pdf;
  private final Texts texts;
  private final PlanProgressChart progressChart;

  public QualityRecordsController(QualityPlans plans, QualityPlanRepository planRepository, SchoolYearRepository years,
      StaffUser staff, PdfDocuments pdf, Texts texts, PlanProgressChart progressChart) {
    this.progressChart = progressChart;
    this.plans = plans;
    this.planRepository = planRepository;
    this.years = years;
    this.staff = staff;
    this.pdf = pdf;
    this.texts = texts;
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
    readablePlan(id, request);
    return plans.planText(id);
  }

  /** The same plan as {@link #plan}, printed. */
  @GetMapping("/{id}/pdf")
  @Transactional(readOnly = true)
  public ResponseEntity<byte[]> planPdf(@PathVariable Long id, HttpServletRequest request) {
    QualityPlan plan = readablePlan(id, request);
    String subtitle = plan.getUnit().getName() + " (" + plan.getUnit().getSchoolForm().label() + "), status: "
        + texts.get("print.planStatus." + plan.getStatus().name());
    return PdfDocuments.answer("plan-" + plan.getUnit().getCode() + "-" + plan.getSchoolYear().getLabel() + ".pdf",
        pdf.record(PrintedRecord.fromText(plans.planText(id), subtitle)));
  }

  @GetMapping(value = "/board-report", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
  @Transactional(readOnly = true)
  public String boardReport(@RequestParam String schoolYear, HttpServletRequest request) {
    return readableBoardReport(schoolYear, request).getBoardReport();
  }

  /** The same report as {@link #boardReport}, printed: the organiser's analysis, the units' state, next year's areas. */
  @GetMapping("/board-report/pdf")
  @Transactional(readOnly = true)
  public ResponseEntity<byte[]> boardReportPdf(@RequestParam String schoolYear, HttpServletRequest request) {
    SchoolYear year = readableBoardReport(schoolYear, request);
    String subtitle = year.getReportApprovedAt() == null ? texts.get("print.reportNotApproved")
        : texts.get("print.reportApproved", Dates.show(year.getReportApprovedAt()));
    return PdfDocuments.answer("kvalitetsrapport-" + year.getLabel() + ".pdf",
        pdf.record(PrintedRecord.fromText(year.getBoardReport(), subtitle)));
  }

  /**
   * Where every unit's plan stands in the school year (default: the newest), drawn (SVG). The
   * administration, heads of school forms and coordinators see every unit; a rektor their own.
   */
  @GetMapping(value = "/progress.svg", produces = Charts.MEDIA_TYPE)
  public String progress(@RequestParam(required = false) String schoolYear, HttpServletRequest request) {
    SchoolYear year = (schoolYear == null || schoolYear.isBlank()
        ? years.findAll().stream().max(java.util.Comparator.comparing(SchoolYear::getLabel))
        : years.findByLabel(schoolYear.trim())).orElseThrow(() -> notFound());
    boolean all = readsAll(request);
    String user = staff.id(request);
    return progressChart.svg(year, unit -> all || unit.getRektorUserId().equals(user));
  }

  public record SchoolYearView(String label, boolean boardReport) {}

  /** The school years, newest first, and whether each has a board report the caller may read (for the print page). */
  @GetMapping("/school-years")
  @Transactional(readOnly = true)
  public List<SchoolYearView> schoolYears(HttpServletRequest request) {
    boolean readsReports = readsAll(request);
    return years.findAll().stream()
        .sorted(java.util.Comparator.comparing(SchoolYear::getLabel).reversed())
        .map(y -> new SchoolYearView(y.getLabel(), readsReports && y.getBoardReport() != null))
        .toList();
  }

  private QualityPlan readablePlan(Long id, HttpServletRequest request) {
    QualityPlan plan = planRepository.findById(id).orElseThrow(() -> notFound());
    if (!readsAll(request) && !plan.getUnit().getRektorUserId().equals(staff.id(request))) {
      throw notFound();
    }
    return plan;
  }

  private SchoolYear readableBoardReport(String schoolYear, HttpServletRequest request) {
    staff.requireOneOf(request, READ_ALL);
    SchoolYear year = years.findByLabel(schoolYear).orElseThrow(() -> notFound());
    if (year.getBoardReport() == null) {
      throw notFound();
    }
    return year;
  }

  private boolean readsAll(HttpServletRequest request) {
    return staff.isInOneOf(request, READ_ALL);
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "Finns inte, eller så saknar du behörighet.");
  }
}
