package se.kvalitetsarbete.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** One mail to one person about one task, waiting in the outbox until it is sent (or no longer concerns them). */
@Entity
public class OutgoingMail {

  public enum Kind {
    /** The task was given to the person. */
    ASSIGNED,
    /** The person, or a group they are in, may take the task. */
    OFFERED,
    /** The task's due date is near. */
    DUE_SOON,
    /** The task's due date has passed. */
    OVERDUE
  }

  public enum Status { PENDING, SENT, DROPPED }

  static final int MAX_BODY = 8000;
  static final int MAX_ERROR = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String taskId;
  private String userId;
  private String address;
  @Enumerated(EnumType.STRING)
  private Kind kind;
  private String subject;
  private String body;
  @Enumerated(EnumType.STRING)
  private Status status;
  private LocalDateTime createdAt;
  private LocalDateTime nextAttemptAt;
  private int attempts;
  private String lastError;
  private LocalDateTime sentAt;
  /** Two nodes may pick the same mail; only the one whose claim is written sends it. */
  @Version
  private long version;

  protected OutgoingMail() {}

  public OutgoingMail(String taskId, String userId, String address, Kind kind, String subject, String body, LocalDateTime now) {
    this.taskId = taskId;
    this.userId = userId;
    this.address = address;
    this.kind = kind;
    this.subject = subject;
    this.body = body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
    this.status = Status.PENDING;
    this.createdAt = stored(now);
    this.nextAttemptAt = stored(now);
  }

  /** Taken for sending: nobody else tries it before {@code until}. */
  void claim(LocalDateTime until) {
    attempts++;
    nextAttemptAt = stored(until);
  }

  void sent(LocalDateTime at) {
    status = Status.SENT;
    sentAt = stored(at);
    lastError = null;
  }

  void failed(String error, LocalDateTime retryAt) {
    lastError = error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    nextAttemptAt = stored(retryAt);
  }

  /** Not sent, because the task is done or the person can no longer see it. */
  void drop(String reason) {
    status = Status.DROPPED;
    lastError = reason;
  }

  /** As the database keeps it (it may round finer parts up, after the moment a mail is due). */
  private static LocalDateTime stored(LocalDateTime time) {
    return time.truncatedTo(ChronoUnit.MILLIS);
  }

  public Long getId() { return id; }
  public String getTaskId() { return taskId; }
  public String getUserId() { return userId; }
  public String getAddress() { return address; }
  public Kind getKind() { return kind; }
  public String getSubject() { return subject; }
  public String getBody() { return body; }
  public Status getStatus() { return status; }
  public LocalDateTime getCreatedAt() { return createdAt; }
  public LocalDateTime getNextAttemptAt() { return nextAttemptAt; }
  public int getAttempts() { return attempts; }
  public String getLastError() { return lastError; }
  public LocalDateTime getSentAt() { return sentAt; }
}
