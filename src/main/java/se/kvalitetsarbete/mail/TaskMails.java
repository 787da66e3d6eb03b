package se.kvalitetsarbete.mail;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.Dates;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.mail.OutgoingMail.Kind;
import se.kvalitetsarbete.mail.TaskMailDescription.Description;
import se.kvalitetsarbete.security.AsProcess;

/**
 * Writes the mails about a task into the outbox (in the caller's transaction): to its assignee, or
 * else to everyone who may take it (candidate users and the members of candidate groups), each
 * with an address in the user directory. Texts are Swedish, from messages.properties ({@code mail.*}).
 */
@Component
public class TaskMails {

  private static final Logger LOG = LoggerFactory.getLogger(TaskMails.class);
  private static final int PAGE = 500;

  private final MailSettings settings;
  private final IdentityService identity;
  private final OutgoingMailRepository outbox;
  private final Texts texts;
  private final Clock clock;
  private final List<TaskMailDescription> descriptions;

  public TaskMails(MailSettings settings, IdentityService identity, OutgoingMailRepository outbox, Texts texts, Clock clock,
      List<TaskMailDescription> descriptions) {
    this.settings = settings;
    this.identity = identity;
    this.outbox = outbox;
    this.texts = texts;
    this.clock = clock;
    this.descriptions = descriptions;
  }

  /** The task was given to its assignee. */
  public void assigned(TaskFacts task) {
    write(task, List.of(task.assignee()), Kind.ASSIGNED);
  }

  /** The task waits for one of its candidates to take it. */
  public void offered(TaskFacts task) {
    if (settings.on()) {
      write(task, candidates(task), Kind.OFFERED);
    }
  }

  /** Its due date is near or past: to the assignee, or to the candidates while nobody has taken it. */
  public void remind(TaskFacts task, Kind kind) {
    if (settings.on()) {
      write(task, task.assignee() != null ? List.of(task.assignee()) : candidates(task), kind);
    }
  }

  private void write(TaskFacts task, Iterable<String> userIds, Kind kind) {
    if (!settings.on()) {
      return;
    }
    LocalDateTime now = LocalDateTime.now(clock);
    Description description = describe(task);
    AsProcess.run(() -> {
      for (String userId : userIds) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
          outbox.save(new OutgoingMail(task.id(), userId, user.getEmail().trim(), kind, subject(task, kind, description),
              body(task, kind, description, user), now));
        }
      }
    });
  }

  /** What a feature says about the task; without it (or if it fails) the mail still goes, with the task's name. */
  private Description describe(TaskFacts task) {
    try {
      return descriptions.stream().filter(d -> d.describes(task)).findFirst().map(d -> d.describe(task)).orElse(null);
    } catch (RuntimeException e) {
      LOG.warn("Uppgift {} ({}) kunde inte beskrivas närmare i e-posten: {}", task.id(), task.definitionKey(), e.toString());
      return null;
    }
  }

  private Set<String> candidates(TaskFacts task) {
    Set<String> users = new LinkedHashSet<>(task.candidateUsers());
    AsProcess.run(() -> {
      for (String group : task.candidateGroups()) {
        for (int first = 0; ; first += PAGE) {
          List<User> members = identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().listPage(first, PAGE);
          members.forEach(member -> users.add(member.getId()));
          if (members.size() < PAGE) {
            break;
          }
        }
      }
    });
    return users;
  }

  private String subject(TaskFacts task, Kind kind, Description description) {
    boolean news = kind == Kind.ASSIGNED || kind == Kind.OFFERED;
    String subject = description != null && news ? description.title()
        : texts.get("mail.subject." + kind, description != null ? description.title() : name(task), due(task));
    return task.variable("unitName") instanceof String unit && !unit.isBlank() ? subject + " – " + unit : subject;
  }

  private String body(TaskFacts task, Kind kind, Description description, User user) {
    List<String> paragraphs = new ArrayList<>();
    String name = user.getFirstName() != null && !user.getFirstName().isBlank() ? user.getFirstName() : user.getId();
    paragraphs.add(texts.get("mail.greeting", name));
    paragraphs.add(texts.get("mail.intro." + kind, name(task), due(task)));
    if (description != null) {
      paragraphs.add(description.text());
    }
    List<String> facts = new ArrayList<>();
    if (task.variable("unitName") instanceof String unit && !unit.isBlank()) {
      facts.add(texts.get("mail.unit", unit));
    }
    if (task.variable("termLabel") instanceof String term && !term.isBlank()) {
      facts.add(texts.get("mail.term", term));
    }
    if (task.due() != null) {
      facts.add(texts.get("mail.due", due(task)));
    }
    if (!facts.isEmpty()) {
      paragraphs.add(String.join("\n", facts));
    }
    paragraphs.add(texts.get("mail.link") + "\n" + settings.linkTo(task.id()));
    paragraphs.add(texts.get("mail.footer"));
    return String.join("\n\n", paragraphs) + "\n";
  }

  private static String name(TaskFacts task) {
    return task.name() != null && !task.name().isBlank() ? task.name() : task.definitionKey();
  }

  private static String due(TaskFacts task) {
    return task.due() == null ? "" : Dates.show(Dates.toLocal(task.due()));
  }
}
