package se.kvalitetsarbete.allocation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDateTime;
import se.kvalitetsarbete.organisation.Term;

/** One term's application round: open for needs descriptions until its deadline, then decided. */
@Entity
public class AllocationRound {

  public enum Status { OPEN, CLOSED, DECIDED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  private Term term;

  @Enumerated(EnumType.STRING)
  private Status status = Status.OPEN;

  private LocalDateTime openedAt;

  private LocalDateTime deadline;

  private String processInstanceId;

  /** The rektorsmöte that decided the round, and who took part (rektorer's user ids, comma separated). */
  private java.time.LocalDate meetingDate;
  private String meetingAttendees;

  protected AllocationRound() {}

  public AllocationRound(Term term, LocalDateTime openedAt, LocalDateTime deadline, String processInstanceId) {
    this.term = term;
    this.openedAt = openedAt;
    this.deadline = deadline;
    this.processInstanceId = processInstanceId;
  }

  /** Open for submissions: not closed, and the deadline has not passed. */
  public boolean acceptsSubmissions(LocalDateTime now) {
    return status == Status.OPEN && now.isBefore(deadline);
  }

  public Long getId() { return id; }
  public Term getTerm() { return term; }
  public Status getStatus() { return status; }
  public void setStatus(Status status) { this.status = status; }
  public LocalDateTime getOpenedAt() { return openedAt; }
  public LocalDateTime getDeadline() { return deadline; }
  public String getProcessInstanceId() { return processInstanceId; }
  public java.time.LocalDate getMeetingDate() { return meetingDate; }
  public java.util.List<String> meetingAttendeeIds() {
    return meetingAttendees == null || meetingAttendees.isBlank() ? java.util.List.of() : java.util.List.of(meetingAttendees.split(","));
  }

  public void recordMeeting(java.time.LocalDate date, java.util.List<String> attendees) {
    this.meetingDate = date;
    this.meetingAttendees = String.join(",", attendees);
  }
}
