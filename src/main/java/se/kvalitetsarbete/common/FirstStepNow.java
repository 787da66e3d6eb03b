package se.kvalitetsarbete.common;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessInstanceWithVariablesImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * A process instance's asynchronous first step run at once, in the transaction that started the
 * instance, as the job executor would have run it: its job runs and is gone, its job log says so.
 * For a job that starts many instances (SkaUnitPlanBatch): one commit for all of them instead of a
 * job, a pick-up and a commit each. What the asynchronous step is there for (one instance that
 * fails holds up no other) is kept by {@link #triedBefore}: after a failure the step is tried again
 * with every instance's first step as a job of its own.
 */
public final class FirstStepNow {

  private FirstStepNow() {}

  /** Runs the waiting asynchronous continuation of an instance started in this command. */
  public static void run(ProcessInstance started) {
    ExecutionEntity instance = ((ProcessInstanceWithVariablesImpl) started).getExecutionEntity();
    for (JobEntity job : instance.getJobs()) {
      if (job instanceof MessageEntity) {
        job.execute(Context.getCommandContext());
      }
    }
  }

  /** Whether the job running this step has failed before (and is now tried again). */
  public static boolean triedBefore(DelegateExecution execution) {
    ManagementService management = execution.getProcessEngineServices().getManagementService();
    // Its asynchronous continuation (a message job); a timer the model puts on the same execution is not it.
    return management.createJobQuery().executionId(execution.getId()).messages().list().stream()
        .anyMatch(job -> job.getExceptionMessage() != null);
  }
}
