package se.kvalitetsarbete.assignment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** An avstämning during the term, or a follow-up conversation after the assignment closed. */
@Entity
public class CheckIn {

  public enum Kind { DURING_TERM, FOLLOW_UP }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  private Assignment assignment;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  private LocalDate dueOn;
  private String plannedAfter;
  private LocalDateTime heldAt;
  private String relationToOrder;
  private String changeOfFocus;
  private String outcome;
  private Boolean moreSupportNeeded;
  private LocalDateTime remindedAt;
  private String recordedBy;

  protected CheckIn() {}

  private CheckIn(Assignment assignment, Kind kind) {
    this.assignment = assignment;
    this.kind = kind;
  }

  public static CheckIn duringTerm(Assignment assignment, String relationToOrder, String changeOfFocus,
      LocalDateTime heldAt, String recordedBy) {
    CheckIn checkIn = new CheckIn(assignment, Kind.DURING_TERM);
    checkIn.relationToOrder = relationToOrder;
    checkIn.changeOfFocus = changeOfFocus;
    checkIn.heldAt = heldAt;
    checkIn.recordedBy = recordedBy;
    return checkIn;
  }

  public static CheckIn followUpDue(Assignment assignment, LocalDate dueOn, java.time.Period plannedAfter) {
    CheckIn checkIn = new CheckIn(assignment, Kind.FOLLOW_UP);
    checkIn.dueOn = dueOn;
    checkIn.plannedAfter = plannedAfter.toString();
    return checkIn;
  }

  /** How long after the closing it was planned, as the model's schedule said; null for follow-ups planned before that was kept. */
  public java.time.Period getPlannedAfter() {
    return plannedAfter == null ? null : java.time.Period.parse(plannedAfter);
  }

  public void recordFollowUp(String outcome, boolean moreSupportNeeded, String supportNeeded, LocalDateTime heldAt, String recordedBy) {
    this.outcome = outcome;
    this.moreSupportNeeded = moreSupportNeeded;
    this.changeOfFocus = supportNeeded;
    this.heldAt = heldAt;
    this.recordedBy = recordedBy;
  }

  public void remind(LocalDateTime at) {
    this.remindedAt = at;
  }

  public Long getId() { return id; }
  public Assignment getAssignment() { return assignment; }
  public Kind getKind() { return kind; }
  public LocalDate getDueOn() { return dueOn; }
  public LocalDateTime getHeldAt() { return heldAt; }
  public String getRelationToOrder() { return relationToOrder; }
  /** During the term: the change of focus or scope; at a follow-up: the support still needed. */
  public String getChangeOfFocus() { return changeOfFocus; }
  public String getOutcome() { return outcome; }
  public boolean isMoreSupportNeeded() { return Boolean.TRUE.equals(moreSupportNeeded); }
  public LocalDateTime getRemindedAt() { return remindedAt; }
  public String getRecordedBy() { return recordedBy; }
}
