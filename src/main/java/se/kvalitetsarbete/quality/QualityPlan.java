package se.kvalitetsarbete.quality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDateTime;
import se.kvalitetsarbete.organisation.Unit;

/** A unit's Plan för systematiskt kvalitetsarbete for one school year: results, analysis, development. */
@Entity
public class QualityPlan {

  public enum Status { DRAFT, SUBMITTED, RETURNED, APPROVED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  private Unit unit;

  @ManyToOne(optional = false)
  private SchoolYear schoolYear;

  @Enumerated(EnumType.STRING)
  private Status status = Status.DRAFT;

  private String followUpSummary;
  private String studieroNotes;
  private String surveyNotes;
  private String staffTeam;
  private String staffNotes;
  private String analysisHistorical;
  private String analysisResources;
  private String analysisOrganisation;
  private String analysisMethod;
  private String analysisEquity;
  private String analysisStrengths;
  private String analysisWeaknesses;
  private String analysisObstacles;
  private String focusPedagogiskLedning;
  private String focusLarandeOrganisation;
  private String focusMalOchResultatstyrning;
  @Column(name = "focus_kvalitet_i_undervisningen")
  private String focusKvalitetIUndervisningen;
  private String feedbackComment;
  private String feedbackBy;
  private LocalDateTime approvedAt;
  private String processInstanceId;

  protected QualityPlan() {}

  public QualityPlan(Unit unit, SchoolYear schoolYear, String processInstanceId) {
    this.unit = unit;
    this.schoolYear = schoolYear;
    this.processInstanceId = processInstanceId;
  }

  public void analyse(String historical, String resources, String organisation, String method, String equity) {
    this.analysisHistorical = historical;
    this.analysisResources = resources;
    this.analysisOrganisation = organisation;
    this.analysisMethod = method;
    this.analysisEquity = equity;
  }

  /** Seed 004's analysis: what the results show as strengths, weaknesses and obstacles. */
  public void assessStrengths(String strengths, String weaknesses, String obstacles) {
    this.analysisStrengths = strengths;
    this.analysisWeaknesses = weaknesses;
    this.analysisObstacles = obstacles;
  }

  /** Kommande läsårs fokus within one utvecklingsområde. */
  public void setFocus(SelfAssessment.Area area, String focus) {
    switch (area) {
      case pedagogiskLedning -> focusPedagogiskLedning = focus;
      case larandeOrganisation -> focusLarandeOrganisation = focus;
      case malOchResultatstyrning -> focusMalOchResultatstyrning = focus;
      case kvalitetIUndervisningen -> focusKvalitetIUndervisningen = focus;
    }
  }

  public String getFocus(SelfAssessment.Area area) {
    return switch (area) {
      case pedagogiskLedning -> focusPedagogiskLedning;
      case larandeOrganisation -> focusLarandeOrganisation;
      case malOchResultatstyrning -> focusMalOchResultatstyrning;
      case kvalitetIUndervisningen -> focusKvalitetIUndervisningen;
    };
  }

  public void feedback(boolean approved, String comment, String by, LocalDateTime at) {
    this.feedbackComment = comment;
    this.feedbackBy = by;
    this.status = approved ? Status.APPROVED : Status.RETURNED;
    this.approvedAt = approved ? at : null;
  }

  public Long getId() { return id; }
  public Unit getUnit() { return unit; }
  public SchoolYear getSchoolYear() { return schoolYear; }
  public Status getStatus() { return status; }
  public void setStatus(Status status) { this.status = status; }
  public String getFollowUpSummary() { return followUpSummary; }
  public void setFollowUpSummary(String followUpSummary) { this.followUpSummary = followUpSummary; }
  public String getStudieroNotes() { return studieroNotes; }
  public String getSurveyNotes() { return surveyNotes; }
  public void setResultNotes(String studiero, String survey) { this.studieroNotes = studiero; this.surveyNotes = survey; }
  public String getStaffTeam() { return staffTeam; }
  public String getStaffNotes() { return staffNotes; }
  public void setStaffNotes(String team, String notes) { this.staffTeam = team; this.staffNotes = notes; }
  public String getAnalysisHistorical() { return analysisHistorical; }
  public String getAnalysisResources() { return analysisResources; }
  public String getAnalysisOrganisation() { return analysisOrganisation; }
  public String getAnalysisMethod() { return analysisMethod; }
  public String getAnalysisEquity() { return analysisEquity; }
  public String getAnalysisStrengths() { return analysisStrengths; }
  public String getAnalysisWeaknesses() { return analysisWeaknesses; }
  public String getAnalysisObstacles() { return analysisObstacles; }
  public String getFeedbackComment() { return feedbackComment; }
  public LocalDateTime getApprovedAt() { return approvedAt; }
  public String getProcessInstanceId() { return processInstanceId; }
}
