package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.TASK_FOLLOW_UP_ACTIONS;
import static se.kvalitetsarbete.quality.SkaProcess.TASK_REMIND_FOLLOW_UP;
import static se.kvalitetsarbete.quality.SkaProcess.TIMER_DEADLINE_PASSED;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.OpenTasks;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.security.AsProcess;

/**
 * Task_RemindBeforeDeadline and Task_RemindAfterDeadline: the plan's open tasks move to the top
 * of their owners' lists with a reminder comment (shown in Tasklist). Task_RemindFollowUp: the
 * same for the late mid-year follow-up alone.
 */
@Component
public class RemindRektor implements JavaDelegate {

  static final int REMINDED_PRIORITY = 80;

  private final Texts texts;

  public RemindRektor(Texts texts) {
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean late = execution.getCurrentActivityId().equals("Task_RemindAfterDeadline")
        || TIMER_DEADLINE_PASSED.equals(execution.getCurrentActivityId());
    boolean followUp = TASK_REMIND_FOLLOW_UP.equals(execution.getCurrentActivityId());
    String message = texts.get(followUp ? "ska.reminderFollowUp" : late ? "ska.reminderLate" : "ska.reminderSoon");
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    AsProcess.run(() -> {
      for (Task task : OpenTasks.of(execution, followUp ? TASK_FOLLOW_UP_ACTIONS : null)) {
        tasks.setPriority(task.getId(), REMINDED_PRIORITY);
        tasks.createComment(task.getId(), execution.getProcessInstanceId(), message);
      }
    });
  }
}
