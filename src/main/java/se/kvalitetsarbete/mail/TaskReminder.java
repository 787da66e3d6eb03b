package se.kvalitetsarbete.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDateTime;

/** That a task's reminder of one kind has gone out (unique per task and kind: once each, on any number of nodes). */
@Entity
public class TaskReminder {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String taskId;
  @Enumerated(EnumType.STRING)
  private OutgoingMail.Kind kind;
  private LocalDateTime remindedAt;

  protected TaskReminder() {}

  TaskReminder(String taskId, OutgoingMail.Kind kind, LocalDateTime remindedAt) {
    this.taskId = taskId;
    this.kind = kind;
    this.remindedAt = remindedAt;
  }
}
