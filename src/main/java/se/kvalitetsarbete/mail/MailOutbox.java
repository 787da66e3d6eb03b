package se.kvalitetsarbete.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, after the transaction that wrote it has committed: every
 * {@code kvalitet.mail.send-interval}, on every node (a mail is claimed before it is sent, so only
 * one node sends it). When the SMTP server does not answer, the mail waits and is tried again,
 * after 1, 2, 4 … minutes, at most an hour apart, until it goes: nothing is lost, and nobody's work
 * waits for the mail. A mail whose task is done, or that the person can no longer see, is not sent.
 */
@Component
public class MailOutbox {

  private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

  /** A node that took a mail and died leaves it to the others after this long. */
  static final Duration CLAIM = Duration.ofMinutes(5);
  static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  static final Duration LONGEST_WAIT = Duration.ofHours(1);
  private static final int BATCH = 100;

  private final MailSettings settings;
  private final OutgoingMailRepository outbox;
  private final ObjectProvider<JavaMailSender> smtp;
  private final IdentityService identity;
  private final TaskService tasks;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public MailOutbox(MailSettings settings, OutgoingMailRepository outbox, ObjectProvider<JavaMailSender> smtp, IdentityService identity,
      TaskService tasks, TransactionTemplate transaction, Clock clock) {
    this.settings = settings;
    this.outbox = outbox;
    this.smtp = smtp;
    this.identity = identity;
    this.tasks = tasks;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Sends the mails that are due; returns how many went. */
  @Scheduled(fixedDelayString = "${kvalitet.mail.send-interval}", initialDelayString = "${kvalitet.mail.send-interval}")
  public int sendDue() {
    JavaMailSender sender = smtp.getIfAvailable();
    if (!settings.on() || sender == null) {
      return 0;
    }
    int sent = 0;
    for (Long id : outbox.findDue(LocalDateTime.now(clock), PageRequest.of(0, BATCH))) {
      OutgoingMail mail = claim(id);
      if (mail == null) {
        continue;
      }
      if (!stillConcerns(mail)) {
        update(id, m -> m.drop("Uppgiften är klar eller syns inte längre för mottagaren"));
        continue;
      }
      try {
        sender.send(message(mail));
        update(id, m -> m.sent(LocalDateTime.now(clock)));
        sent++;
      } catch (MailException e) {
        LocalDateTime retry = LocalDateTime.now(clock).plus(waitAfter(mail.getAttempts()));
        update(id, m -> m.failed(e.getMessage(), retry));
        LOG.warn("E-post kunde inte skickas ({} försök), nytt försök {}: {}", mail.getAttempts(), retry, e.getMessage());
        // The server is most likely down: the others wait for the next round.
        break;
      }
    }
    return sent;
  }

  static Duration waitAfter(int attempts) {
    Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 10));
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }

  /** The mail, if this node got it (still due, and no other node claimed it first). */
  private OutgoingMail claim(Long id) {
    try {
      return transaction.execute(status -> {
        OutgoingMail mail = outbox.findById(id).orElse(null);
        LocalDateTime now = LocalDateTime.now(clock);
        if (mail == null || mail.getStatus() != OutgoingMail.Status.PENDING || mail.getNextAttemptAt().isAfter(now)) {
          return null;
        }
        mail.claim(now.plus(CLAIM));
        return outbox.saveAndFlush(mail);
      });
    } catch (ObjectOptimisticLockingFailureException e) {
      return null;
    }
  }

  private void update(Long id, java.util.function.Consumer<OutgoingMail> change) {
    transaction.executeWithoutResult(status -> outbox.findById(id).ifPresent(change));
  }

  /** Whether the person would see the task in Tasklist now: it is open and their rights reach it. */
  private boolean stillConcerns(OutgoingMail mail) {
    Authentication before = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      List<String> groups = identity.createGroupQuery().groupMember(mail.getUserId()).list().stream().map(Group::getId).toList();
      identity.setAuthentication(mail.getUserId(), groups);
      return tasks.createTaskQuery().taskId(mail.getTaskId()).count() == 1;
    } finally {
      if (before == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(before);
      }
    }
  }

  private SimpleMailMessage message(OutgoingMail mail) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(settings.from());
    message.setTo(mail.getAddress());
    message.setSubject(mail.getSubject());
    message.setText(mail.getBody());
    return message;
  }
}
