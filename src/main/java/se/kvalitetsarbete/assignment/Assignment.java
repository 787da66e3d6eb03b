package se.kvalitetsarbete.assignment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import java.time.LocalDateTime;
import se.kvalitetsarbete.allocation.AllocationDecision;

/** An uppdrag: the quality team's work at one unit for a term, from kick-off to follow-up. */
@Entity
public class Assignment {

  public enum Status { STARTED, CARRYING_OUT, CLOSED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @OneToOne(optional = false)
  private AllocationDecision decision;

  @Enumerated(EnumType.STRING)
  private Status status = Status.STARTED;

  private String goals;
  private String supportForms;
  private String participantsText;
  private String closingSummary;
  private String continuationPlan;
  private LocalDateTime startedAt;
  private LocalDateTime closedAt;
  /** The Assignment process that carries it out: the record decides which process may write to it. */
  private String processInstanceId;

  protected Assignment() {}

  public Assignment(AllocationDecision decision, LocalDateTime startedAt, String processInstanceId) {
    this.decision = decision;
    this.startedAt = startedAt;
    this.processInstanceId = processInstanceId;
  }

  public void kickOff(String goals, String supportForms, String participantsText) {
    this.goals = goals;
    this.supportForms = supportForms;
    this.participantsText = participantsText;
    this.status = Status.CARRYING_OUT;
  }

  public void close(String closingSummary, String continuationPlan, LocalDateTime closedAt) {
    this.closingSummary = closingSummary;
    this.continuationPlan = continuationPlan;
    this.closedAt = closedAt;
    this.status = Status.CLOSED;
  }

  public Long getId() { return id; }
  public AllocationDecision getDecision() { return decision; }
  public Status getStatus() { return status; }
  public String getGoals() { return goals; }
  public String getSupportForms() { return supportForms; }
  public String getParticipantsText() { return participantsText; }
  public String getClosingSummary() { return closingSummary; }
  public String getContinuationPlan() { return continuationPlan; }
  public LocalDateTime getStartedAt() { return startedAt; }
  public LocalDateTime getClosedAt() { return closedAt; }
}
