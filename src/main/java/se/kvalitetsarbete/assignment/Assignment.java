package se.kvalitetsarbete.assignment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import se.kvalitetsarbete.allocation.AllocationDecision;
import se.kvalitetsarbete.organisation.Term;

/**
 * An uppdrag: the quality team's work at one unit for one term or more, from kick-off to follow-up.
 * It starts with the team, days and term the meeting decided; a check-in may change them
 * ({@link AssignmentChange}), and the team's capacity follows these figures, not the decision's.
 */
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
  /** Team members' user ids now, comma separated (null in records from before: the decision's). */
  private String members;
  /** Days per week each member works on site now (null: the decision's). */
  private BigDecimal daysPerWeek;
  /** The last term the work runs through (null: the decision's term only). */
  @ManyToOne
  private Term lastTerm;
  /** Who at the unit carries the work on (utvecklingsagent): a user of the unit's staff group. */
  private String carrier;
  /** The unit's teachers who take part, user ids, comma separated. */
  private String teachers;
  private Boolean handOverDone;
  private String handOverComment;

  protected Assignment() {}

  public Assignment(AllocationDecision decision, LocalDateTime startedAt, String processInstanceId) {
    this.decision = decision;
    this.startedAt = startedAt;
    this.processInstanceId = processInstanceId;
  }

  public void kickOff(String goals, String supportForms, String participantsText, String carrier, List<String> teachers) {
    this.goals = goals;
    this.supportForms = supportForms;
    this.participantsText = participantsText;
    this.carrier = carrier;
    this.teachers = String.join(",", teachers);
    this.status = Status.CARRYING_OUT;
  }

  /** New team, days and last term, as agreed at a check-in (the caller records the change and checks capacity). */
  void staff(List<String> members, BigDecimal daysPerWeek, Term lastTerm) {
    this.members = String.join(",", members);
    this.daysPerWeek = daysPerWeek;
    this.lastTerm = lastTerm;
  }

  public void close(String closingSummary, String continuationPlan, boolean handOverDone, String handOverComment,
      LocalDateTime closedAt) {
    this.closingSummary = closingSummary;
    this.continuationPlan = continuationPlan;
    this.handOverDone = handOverDone;
    this.handOverComment = handOverComment;
    this.closedAt = closedAt;
    this.status = Status.CLOSED;
  }

  public List<String> memberIds() {
    return members == null ? decision.memberIds() : split(members);
  }

  public BigDecimal getDaysPerWeek() {
    return daysPerWeek == null ? decision.getDaysPerWeek() : daysPerWeek;
  }

  /** The term the meeting decided: the work starts there. */
  public Term firstTerm() {
    return decision.getNeedsDescription().getRound().getTerm();
  }

  public Term lastTerm() {
    return lastTerm == null ? firstTerm() : lastTerm;
  }

  /** Whether the work runs in this term (from the first term through the last). */
  public boolean covers(Term term) {
    return term.order() >= firstTerm().order() && term.order() <= lastTerm().order();
  }

  public List<String> teacherIds() {
    return teachers == null ? List.of() : split(teachers);
  }

  private static List<String> split(String ids) {
    return ids.isBlank() ? List.of() : Arrays.asList(ids.split(","));
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
  public String getCarrier() { return carrier; }
  public Boolean getHandOverDone() { return handOverDone; }
  public String getHandOverComment() { return handOverComment; }
}
