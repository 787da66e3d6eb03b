package se.kvalitetsarbete.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.kvalitetsarbete.mail.OutgoingMail.Kind;

/**
 * Reminds by mail about open tasks with a due date: once when it is {@code kvalitet.mail.remind-before}
 * away, once when it has passed (a task first seen when already late gets only the second). Every
 * {@code kvalitet.mail.reminder-scan-interval}; a task's reminder is recorded with its mails, in one
 * transaction, and the table's unique key keeps two nodes from sending it twice.
 */
@Component
public class DueDateReminders {

  private static final Logger LOG = LoggerFactory.getLogger(DueDateReminders.class);
  private static final int PAGE = 500;

  private final MailSettings settings;
  private final TaskService tasks;
  private final TaskMails mails;
  private final TaskReminderRepository reminders;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public DueDateReminders(MailSettings settings, TaskService tasks, TaskMails mails, TaskReminderRepository reminders,
      TransactionTemplate transaction, Clock clock) {
    this.settings = settings;
    this.tasks = tasks;
    this.mails = mails;
    this.reminders = reminders;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Writes the reminders that are due into the outbox; returns for how many tasks. */
  @Scheduled(fixedDelayString = "${kvalitet.mail.reminder-scan-interval}", initialDelayString = "${kvalitet.mail.reminder-scan-interval}")
  public int remind() {
    if (!settings.on()) {
      return 0;
    }
    Instant now = clock.instant();
    Date horizon = Date.from(now.plus(settings.remindBefore()));
    List<Task> near = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<Task> page = tasks.createTaskQuery().active().dueBefore(horizon).orderByTaskId().asc().listPage(first, PAGE);
      near.addAll(page);
      if (page.size() < PAGE) {
        break;
      }
    }
    int reminded = 0;
    for (Task task : near) {
      Kind kind = task.getDueDate().toInstant().isAfter(now) ? Kind.DUE_SOON : Kind.OVERDUE;
      if (reminders.existsByTaskIdAndKind(task.getId(), kind)) {
        continue;
      }
      try {
        transaction.executeWithoutResult(status -> {
          reminders.saveAndFlush(new TaskReminder(task.getId(), kind, LocalDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
          mails.remind(facts(task), kind);
        });
        reminded++;
      } catch (DataIntegrityViolationException e) {
        LOG.debug("Påminnelsen för uppgift {} skickades redan av en annan nod", task.getId());
      }
    }
    return reminded;
  }

  private TaskFacts facts(Task task) {
    return TaskFacts.of(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getDueDate(), task.getAssignee(),
        tasks.getIdentityLinksForTask(task.getId()), name -> tasks.getVariable(task.getId(), name));
  }
}
