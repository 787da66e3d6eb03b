package se.kvalitetsarbete.allocation;

import static se.kvalitetsarbete.allocation.TermAllocationProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.allocation.NeedsDescriptions.DraftOpened;
import se.kvalitetsarbete.security.AsProcess;

/**
 * A need raised from a quality plan or a follow-up joins the round that is open now, not the next
 * one: when the unit's description there is being written, the rektor's open form gets the added
 * text; when the unit has no description in the open round yet, one is started for it, as the
 * round's invitation would have, and picks up the draft. Without an open round the draft waits and
 * the next round's invitation picks it up.
 */
@Component
public class DraftJoinsRound {

  static final String TASK_WRITE = "Task_WriteNeedsDescription";

  private final NeedsDescriptionRepository descriptions;
  private final NeedsDescriptions needsDescriptions;
  private final RuntimeService runtime;
  private final TaskService tasks;

  public DraftJoinsRound(NeedsDescriptionRepository descriptions, NeedsDescriptions needsDescriptions, RuntimeService runtime,
      TaskService tasks) {
    this.descriptions = descriptions;
    this.needsDescriptions = needsDescriptions;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  @EventListener
  public void on(DraftOpened event) {
    NeedsDescription draft = descriptions.findById(event.needsDescriptionId()).orElseThrow();
    if (draft.getRound() != null) {
      refreshOpenForm(draft);
      return;
    }
    needsDescriptions.roundOpenNow()
        .filter(round -> !descriptions.existsByRoundIdAndUnitId(round.getId(), draft.getUnit().getId()))
        .ifPresent(round -> AsProcess.run(() -> runtime.startProcessInstanceByKey(NEEDS_DESCRIPTION_PROCESS_ID,
            "round-" + round.getId() + "-" + draft.getUnit().getCode(),
            Variables.putValue(ROUND_ID, round.getId()).putValue(UNIT_ID, draft.getUnit().getId()))));
  }

  /** The form shows what it was given when the task was created: it gets the added text too. */
  private void refreshOpenForm(NeedsDescription draft) {
    if (draft.getProcessInstanceId() == null) {
      return;
    }
    AsProcess.run(() -> {
      Task writing = tasks.createTaskQuery().processInstanceId(draft.getProcessInstanceId()).taskDefinitionKey(TASK_WRITE)
          .singleResult();
      if (writing != null) {
        runtime.setVariableLocal(writing.getExecutionId(), "needs", draft.getNeeds());
        runtime.setVariableLocal(writing.getExecutionId(), "basis", draft.getBasis());
      }
    });
  }
}
