package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.TIMER_DEADLINE_PASSED;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.security.AsProcess;

/**
 * Task_RemindBeforeDeadline and Task_RemindAfterDeadline: the plan's open tasks move to the top
 * of their owners' lists with a reminder comment (shown in Tasklist).
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
    String message = texts.get(late ? "ska.reminderLate" : "ska.reminderSoon");
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    AsProcess.run(() -> {
      for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
        tasks.setPriority(task.getId(), REMINDED_PRIORITY);
        tasks.createComment(task.getId(), execution.getProcessInstanceId(), message);
      }
    });
  }
}
