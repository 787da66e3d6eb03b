package se.kvalitetsarbete.mail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * What a mail says about a task and whom it goes to, read either from the task being created or
 * assigned (in its listener) or from an open task (for reminders).
 */
public record TaskFacts(String id, String definitionKey, String name, Date due, String assignee, List<String> candidateUsers,
    List<String> candidateGroups, Function<String, Object> variables) {

  /** With the candidates taken from the task's identity links. */
  static TaskFacts of(String id, String definitionKey, String name, Date due, String assignee, Collection<? extends IdentityLink> links,
      Function<String, Object> variables) {
    List<String> users = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : links) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        if (link.getUserId() != null) {
          users.add(link.getUserId());
        } else if (link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
      }
    }
    return new TaskFacts(id, definitionKey, name, due, assignee, users, groups, variables);
  }

  public Object variable(String name) {
    return variables.apply(name);
  }
}
