package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.QUALITY_PLAN_ID;
import static se.kvalitetsarbete.quality.SkaProcess.TASK_FOLLOW_UP_ACTIONS;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.OpenTasks;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.security.AsProcess;

/**
 * Task_EscalateFollowUp: a mid-year follow-up still open after the model's escalateAfter shows in
 * the lists of the heads of the unit's school form too, with a comment saying why.
 */
@Component
public class EscalateFollowUp implements JavaDelegate {

  private final QualityPlans plans;
  private final Texts texts;

  public EscalateFollowUp(QualityPlans plans, Texts texts) {
    this.plans = plans;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String heads = plans.feedbackGroup((Long) execution.getVariable(QUALITY_PLAN_ID));
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    AsProcess.run(() -> {
      for (Task task : OpenTasks.of(execution, TASK_FOLLOW_UP_ACTIONS)) {
        tasks.addCandidateGroup(task.getId(), heads);
        tasks.setPriority(task.getId(), RemindRektor.REMINDED_PRIORITY);
        tasks.createComment(task.getId(), execution.getProcessInstanceId(), texts.get("ska.followUpEscalated"));
      }
    });
  }
}
