package se.kvalitetsarbete.allocation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import se.kvalitetsarbete.organisation.Unit;

/** A behovsbeskrivning: what a unit needs from the quality team, and on what it rests. */
@Entity
public class NeedsDescription {

  public enum Status {
    /** Being written (or waiting for the next round, when it came from a follow-up). */
    DRAFT,
    /** Submitted, waiting for the coordinators' review. */
    SUBMITTED,
    /** Sent back to the rektor with comments. */
    REVISION,
    /** Reviewed and prioritised: goes to the principals' meeting. */
    APPROVED,
    /** The rektor chose not to apply this round. */
    DECLINED,
    /** Not submitted by the deadline: kept, but not taken into the meeting. */
    LATE
  }

  public enum Origin { INVITED, OWN_INITIATIVE, FOLLOW_UP, QUALITY_PLAN }

  /** School years a need concerns; the prioritisation table reads these codes. */
  public enum TargetStage { FORSKOLA, FRITIDSHEM, F_3, AR_4_6, AR_7_9, GYMNASIUM, HELA_ENHETEN }

  /** The kinds of need the evaluation names (seed 000): a pupil group or year, organisational, subject-didactic. */
  public enum NeedKind { PUPIL_GROUP, ORGANISATIONAL, SUBJECT_DIDACTIC }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne
  private AllocationRound round;

  @ManyToOne(optional = false)
  private Unit unit;

  @Enumerated(EnumType.STRING)
  private Status status = Status.DRAFT;

  @Enumerated(EnumType.STRING)
  private Origin origin;

  private String needs;
  private String basis;
  private Boolean restsOnAnalysis;
  private String targetGroup;
  private String targetStage;
  private String wantedSupport;
  private String wantedSpecialities;
  private String teachersInvolved;
  /** User ids of the teachers who write with the rektor (members of the unit's staff group), comma separated. */
  private String coWriters;
  private Boolean ongoingDevelopment;
  private Integer wishedMembers;
  private BigDecimal wishedDays;
  private String reviewComment;
  private String needKind;
  /** The title of the shared improvement area the need concerns, or null for none. */
  private String sharedArea;
  /** The coordinator's word on "rests on an analysis": this, not the rektor's tick, is weighed. */
  private Boolean analysisConfirmed;
  private int revisionCount;
  private Boolean hadTeamRecently;
  private Integer priorityPoints;
  private String priorityReason;
  private LocalDateTime createdAt;
  private LocalDateTime submittedAt;
  private String processInstanceId;
  /** The decision whose assignment this need continues (asked for at a follow-up conversation), or null. */
  private Long continuesDecisionId;

  protected NeedsDescription() {}

  public NeedsDescription(Unit unit, Origin origin, LocalDateTime createdAt) {
    this.unit = unit;
    this.origin = origin;
    this.createdAt = createdAt;
  }

  public boolean teachersTookPart() {
    return teachersInvolved != null && !teachersInvolved.isBlank() || !coWriterIds().isEmpty();
  }

  public java.util.List<String> coWriterIds() {
    return coWriters == null || coWriters.isBlank() ? java.util.List.of() : java.util.List.of(coWriters.split(","));
  }

  public void setCoWriterIds(java.util.List<String> ids) {
    this.coWriters = ids.isEmpty() ? null : String.join(",", ids);
  }

  /** Still being written by the rektor (first draft, or sent back): co-writers may read and comment. */
  public boolean isBeingWritten() {
    return status == Status.DRAFT || status == Status.REVISION;
  }

  public Long getId() { return id; }
  public AllocationRound getRound() { return round; }
  public void setRound(AllocationRound round) { this.round = round; }
  public Unit getUnit() { return unit; }
  public Status getStatus() { return status; }
  public void setStatus(Status status) { this.status = status; }
  public Origin getOrigin() { return origin; }
  public String getNeeds() { return needs; }
  public void setNeeds(String needs) { this.needs = needs; }
  public String getBasis() { return basis; }
  public void setBasis(String basis) { this.basis = basis; }
  public Boolean getRestsOnAnalysis() { return restsOnAnalysis; }
  public void setRestsOnAnalysis(Boolean restsOnAnalysis) { this.restsOnAnalysis = restsOnAnalysis; }
  public String getTargetGroup() { return targetGroup; }
  public void setTargetGroup(String targetGroup) { this.targetGroup = targetGroup; }
  public String getTargetStage() { return targetStage; }
  public void setTargetStage(String targetStage) { this.targetStage = targetStage; }
  public String getWantedSupport() { return wantedSupport; }
  public void setWantedSupport(String wantedSupport) { this.wantedSupport = wantedSupport; }
  public String getWantedSpecialities() { return wantedSpecialities; }
  public void setWantedSpecialities(String wantedSpecialities) { this.wantedSpecialities = wantedSpecialities; }
  public String getTeachersInvolved() { return teachersInvolved; }
  public void setTeachersInvolved(String teachersInvolved) { this.teachersInvolved = teachersInvolved; }
  public Boolean getOngoingDevelopment() { return ongoingDevelopment; }
  public void setOngoingDevelopment(Boolean ongoingDevelopment) { this.ongoingDevelopment = ongoingDevelopment; }
  public Integer getWishedMembers() { return wishedMembers; }
  public void setWishedMembers(Integer wishedMembers) { this.wishedMembers = wishedMembers; }
  public BigDecimal getWishedDays() { return wishedDays; }
  public void setWishedDays(BigDecimal wishedDays) { this.wishedDays = wishedDays; }
  public String getReviewComment() { return reviewComment; }
  public String getNeedKind() { return needKind; }
  public void setNeedKind(String needKind) { this.needKind = needKind; }
  public String getSharedArea() { return sharedArea; }
  public void setSharedArea(String sharedArea) { this.sharedArea = sharedArea; }
  public Boolean getAnalysisConfirmed() { return analysisConfirmed; }
  public void setAnalysisConfirmed(Boolean analysisConfirmed) { this.analysisConfirmed = analysisConfirmed; }
  public void setReviewComment(String reviewComment) { this.reviewComment = reviewComment; }
  public int getRevisionCount() { return revisionCount; }
  public void countRevision() { this.revisionCount++; }
  public Boolean getHadTeamRecently() { return hadTeamRecently; }
  public void setHadTeamRecently(Boolean hadTeamRecently) { this.hadTeamRecently = hadTeamRecently; }
  public Integer getPriorityPoints() { return priorityPoints; }
  public String getPriorityReason() { return priorityReason; }
  public void setPriority(int points, String reason) { this.priorityPoints = points; this.priorityReason = reason; }
  public LocalDateTime getCreatedAt() { return createdAt; }
  public LocalDateTime getSubmittedAt() { return submittedAt; }
  public void setSubmittedAt(LocalDateTime submittedAt) { this.submittedAt = submittedAt; }
  public String getProcessInstanceId() { return processInstanceId; }
  public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
  public Long getContinuesDecisionId() { return continuesDecisionId; }
  public void setContinuesDecisionId(Long continuesDecisionId) { this.continuesDecisionId = continuesDecisionId; }
}
