package se.kvalitetsarbete.quality;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDateTime;
import se.kvalitetsarbete.organisation.StaffTeam;

/**
 * One arbetslag's self-assessment in a plan (its scores are {@link SelfAssessment}s): its reflections,
 * who submitted it, and the rektor's feedback on it, which the arbetslag's members read.
 */
@Entity
public class StaffTeamAssessment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  private QualityPlan plan;

  @ManyToOne(optional = false)
  private StaffTeam staffTeam;

  /** The arbetslag's name when it assessed. */
  private String teamName;
  private String staffNotes;
  private String assessedBy;
  private LocalDateTime assessedAt;
  private String teamFeedback;
  private String feedbackBy;
  private LocalDateTime feedbackAt;

  protected StaffTeamAssessment() {}

  public StaffTeamAssessment(QualityPlan plan, StaffTeam staffTeam, String staffNotes, String assessedBy, LocalDateTime at) {
    this.plan = plan;
    this.staffTeam = staffTeam;
    this.teamName = staffTeam.getName();
    this.staffNotes = staffNotes;
    this.assessedBy = assessedBy;
    this.assessedAt = at;
  }

  /** The plan was sent back to its results and the arbetslag assessed again. */
  void reassess(String staffNotes, String assessedBy, LocalDateTime at) {
    this.staffNotes = staffNotes;
    this.assessedBy = assessedBy;
    this.assessedAt = at;
  }

  public void feedback(String feedback, String by, LocalDateTime at) {
    this.teamFeedback = feedback;
    this.feedbackBy = feedback == null ? null : by;
    this.feedbackAt = feedback == null ? null : at;
  }

  public Long getId() { return id; }
  public QualityPlan getPlan() { return plan; }
  public StaffTeam getStaffTeam() { return staffTeam; }
  public String getTeamName() { return teamName; }
  public String getStaffNotes() { return staffNotes; }
  public String getAssessedBy() { return assessedBy; }
  public LocalDateTime getAssessedAt() { return assessedAt; }
  public String getTeamFeedback() { return teamFeedback; }
  public String getFeedbackBy() { return feedbackBy; }
  public LocalDateTime getFeedbackAt() { return feedbackAt; }
}
