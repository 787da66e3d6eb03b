package se.kvalitetsarbete.assignment;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import se.kvalitetsarbete.organisation.Term;

/** A change agreed at a check-in: team, days per week, last term or focus, with who, when and why. */
@Entity
public class AssignmentChange {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  private Assignment assignment;

  private LocalDateTime changedAt;
  private String changedBy;
  private String changeReason;
  private String membersBefore;
  private String membersAfter;
  private BigDecimal daysBefore;
  private BigDecimal daysAfter;
  @ManyToOne
  private Term lastTermBefore;
  @ManyToOne
  private Term lastTermAfter;
  private String changeOfFocus;

  protected AssignmentChange() {}

  /** Taken before the assignment changes: the figures it had are the "before". */
  AssignmentChange(Assignment assignment, List<String> members, BigDecimal days, Term lastTerm, String changeOfFocus,
      String changeReason, LocalDateTime changedAt, String changedBy) {
    this.assignment = assignment;
    this.membersBefore = String.join(",", assignment.memberIds());
    this.daysBefore = assignment.getDaysPerWeek();
    this.lastTermBefore = assignment.lastTerm();
    this.membersAfter = String.join(",", members);
    this.daysAfter = days;
    this.lastTermAfter = lastTerm;
    this.changeOfFocus = changeOfFocus;
    this.changeReason = changeReason;
    this.changedAt = changedAt;
    this.changedBy = changedBy;
  }

  public Long getId() { return id; }
  public LocalDateTime getChangedAt() { return changedAt; }
  public String getChangedBy() { return changedBy; }
  public String getChangeReason() { return changeReason; }
  public String getMembersBefore() { return membersBefore; }
  public String getMembersAfter() { return membersAfter; }
  public BigDecimal getDaysBefore() { return daysBefore; }
  public BigDecimal getDaysAfter() { return daysAfter; }
  public Term getLastTermBefore() { return lastTermBefore; }
  public Term getLastTermAfter() { return lastTermAfter; }
  public String getChangeOfFocus() { return changeOfFocus; }
}
