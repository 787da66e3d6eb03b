package se.kvalitetsarbete.mail;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TaskReminderRepository extends JpaRepository<TaskReminder, Long> {

  boolean existsByTaskIdAndKind(String taskId, OutgoingMail.Kind kind);
}
