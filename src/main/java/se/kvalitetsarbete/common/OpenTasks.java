package se.kvalitetsarbete.common;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;

/**
 * The open tasks of a process instance, for the glue of a timer's step (reminders, escalation):
 * one plain select by the instance, not a task query, whose SQL MyBatis builds anew at every call
 * and which a timer firing for thousands of plans paid each time (docs/benchmarks.md, 10,000 timers).
 * Only inside the engine's command (a delegate or a listener), with what the database holds.
 */
public final class OpenTasks {

  private OpenTasks() {}

  /** The instance's open tasks of this task definition, or all of them when it is null. */
  public static List<Task> of(DelegateExecution execution, String taskDefinitionKey) {
    return Context.getCommandContext().getTaskManager().findTasksByProcessInstanceId(execution.getProcessInstanceId()).stream()
        .filter(task -> taskDefinitionKey == null || taskDefinitionKey.equals(task.getTaskDefinitionKey()))
        .map(Task.class::cast)
        .toList();
  }
}
