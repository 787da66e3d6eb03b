package se.kvalitetsarbete.web;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.EveryUserTask;

/**
 * A task only one person can do is theirs: a user task created without an assignee, with exactly
 * one candidate user and no candidate group, is assigned to that user, so it is in their "Mina
 * uppgifter" and open to fill in without "Ta uppgiften" first (a follow-up with a single participant,
 * the staff's self-assessment a rektor hands in). Tasks shared by a group stay for anyone of the
 * group to take. Added by the engine to every user task of every model, after the model's own
 * create listeners (which may still set candidates).
 */
@Component
public class AssignSoleCandidate extends AbstractProcessEnginePlugin implements TaskListener {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.extend(configuration, (processKey, task) -> task.addTaskListener(EVENTNAME_CREATE, this));
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getAssignee() != null) {
      return;
    }
    Set<IdentityLink> candidates = task.getCandidates();
    List<String> users = candidates.stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
        .map(IdentityLink::getUserId).distinct().toList();
    boolean groups = candidates.stream().anyMatch(link -> link.getGroupId() != null);
    if (users.size() == 1 && !groups) {
      task.setAssignee(users.get(0));
    }
  }
}
