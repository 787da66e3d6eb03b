package se.kvalitetsarbete.assignment;

import static se.kvalitetsarbete.assignment.AssignmentProcess.*;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.OpenTasks;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.security.AsProcess;

/**
 * Task_RemindFollowUpOwner: the conversation is two weeks overdue. The task moves to the top of
 * its owners' lists and carries a reminder comment (shown in Tasklist); the reminder is recorded.
 */
@Component
public class RemindFollowUpOwner implements JavaDelegate {

  static final int REMINDED_PRIORITY = 80;

  private final Assignments assignments;
  private final Texts texts;

  public RemindFollowUpOwner(Assignments assignments, Texts texts) {
    this.assignments = assignments;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long followUpId = (Long) execution.getVariable(FOLLOW_UP_ID);
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    AsProcess.run(() -> {
      for (Task task : OpenTasks.of(execution, TASK_HOLD_FOLLOW_UP)) {
        if (followUpId.equals(tasks.getVariable(task.getId(), FOLLOW_UP_ID))) {
          tasks.setPriority(task.getId(), REMINDED_PRIORITY);
          tasks.createComment(task.getId(), execution.getProcessInstanceId(), texts.get("followUp.reminder"));
        }
      }
    });
    assignments.remind(followUpId);
  }
}
