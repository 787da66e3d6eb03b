package se.kvalitetsarbete.quality;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A läsår (e.g. 2026/27): the organiser's round of systematic quality work. */
@Entity
public class SchoolYear {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String label;
  private LocalDate startsOn;
  private LocalDate planDeadline;
  private String organiserAnalysis;
  private String nextYearAreas;
  private String boardReport;
  private String reportComment;
  private LocalDateTime reportApprovedAt;
  private String processInstanceId;
  private String organiserFeedback;
  private LocalDateTime organiserFeedbackSentAt;
  private String organiserResults;
  private String organiserHistorical;
  private String organiserResources;
  private String organiserOrganisation;
  private String organiserMethod;
  private String organiserEquity;

  protected SchoolYear() {}

  public SchoolYear(int firstYear, String processInstanceId) {
    this.label = label(firstYear);
    this.startsOn = LocalDate.of(firstYear, 8, 15);
    this.processInstanceId = processInstanceId;
  }

  /** 2026 → "2026/27". */
  public static String label(int firstYear) {
    return firstYear + "/" + String.format("%02d", (firstYear + 1) % 100);
  }

  /** The school year running on a day: it starts in August. */
  public static int firstYearOf(LocalDate day) {
    return day.getMonthValue() >= 8 ? day.getYear() : day.getYear() - 1;
  }

  public int firstYear() {
    return startsOn.getYear();
  }

  public Long getId() { return id; }
  public String getLabel() { return label; }
  /** The SkaYearlyCycle instance of this school year (null for a year opened without one). */
  public String getProcessInstanceId() { return processInstanceId; }
  public LocalDate getStartsOn() { return startsOn; }
  public LocalDate getPlanDeadline() { return planDeadline; }
  public void setPlanDeadline(LocalDate planDeadline) { this.planDeadline = planDeadline; }
  public String getOrganiserAnalysis() { return organiserAnalysis; }
  public String getNextYearAreas() { return nextYearAreas; }
  public void summarise(String organiserAnalysis, String nextYearAreas) {
    this.organiserAnalysis = organiserAnalysis;
    this.nextYearAreas = nextYearAreas;
  }
  public String getBoardReport() { return boardReport; }
  public void setBoardReport(String boardReport) { this.boardReport = boardReport; }
  public String getReportComment() { return reportComment; }
  public void setReportComment(String reportComment) { this.reportComment = reportComment; }
  public LocalDateTime getReportApprovedAt() { return reportApprovedAt; }
  public void setReportApprovedAt(LocalDateTime reportApprovedAt) { this.reportApprovedAt = reportApprovedAt; }
  /** The organiser's results part (how last year's areas went) and the five perspectives of its analysis. */
  public void planOrganiser(String results, String historical, String resources, String organisation, String method, String equity) {
    this.organiserResults = results;
    this.organiserHistorical = historical;
    this.organiserResources = resources;
    this.organiserOrganisation = organisation;
    this.organiserMethod = method;
    this.organiserEquity = equity;
  }
  public String getOrganiserResults() { return organiserResults; }
  public String getOrganiserHistorical() { return organiserHistorical; }
  public String getOrganiserResources() { return organiserResources; }
  public String getOrganiserOrganisation() { return organiserOrganisation; }
  public String getOrganiserMethod() { return organiserMethod; }
  public String getOrganiserEquity() { return organiserEquity; }
  public String getOrganiserFeedback() { return organiserFeedback; }
  public void setOrganiserFeedback(String organiserFeedback) { this.organiserFeedback = organiserFeedback; }
  public LocalDateTime getOrganiserFeedbackSentAt() { return organiserFeedbackSentAt; }
  public void setOrganiserFeedbackSentAt(LocalDateTime sentAt) { this.organiserFeedbackSentAt = sentAt; }
}
