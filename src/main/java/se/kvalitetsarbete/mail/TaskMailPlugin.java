package se.kvalitetsarbete.mail;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.EveryUserTask;

/**
 * Every user task of every model mails the people concerned, without a line in the models: when it
 * is created for candidates, and when it is assigned to someone (by the model, a listener or another
 * person; not when people take it themselves). The listeners run after the model's own.
 */
@Component
public class TaskMailPlugin extends AbstractProcessEnginePlugin {

  /** TaskEntity.TaskState.STATE_CREATED's value: a task still in the command that creates it (later changes make it "Updated"). */
  private static final String NEW_TASK = "Created";

  private final ObjectProvider<TaskMails> mails;

  public TaskMailPlugin(ObjectProvider<TaskMails> mails) {
    this.mails = mails;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.extend(configuration, (processKey, task) -> {
      task.addTaskListener(TaskListener.EVENTNAME_CREATE, this::created);
      task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, this::assigned);
    });
  }

  private void created(DelegateTask task) {
    if (task.getAssignee() == null) {
      mails.getObject().offered(facts(task));
    }
  }

  /** A new task's assignee is told; later, whoever is given a task by someone else (not who takes it themselves). */
  private void assigned(DelegateTask task) {
    if (task.getAssignee() == null) {
      return;
    }
    boolean created = task instanceof TaskEntity entity && NEW_TASK.equals(entity.getTaskState());
    Authentication by = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (created || by == null || !task.getAssignee().equals(by.getUserId())) {
      mails.getObject().assigned(facts(task));
    }
  }

  private static TaskFacts facts(DelegateTask task) {
    return TaskFacts.of(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getDueDate(), task.getAssignee(), task.getCandidates(),
        task::getVariable);
  }
}
