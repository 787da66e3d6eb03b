package se.kvalitetsarbete.allocation;

import static se.kvalitetsarbete.allocation.TermAllocationProcess.*;

import org.camunda.bpm.engine.RuntimeService;
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

  private final NeedsDescriptionRepository descriptions;
  private final NeedsDescriptions needsDescriptions;
  private final RuntimeService runtime;

  public DraftJoinsRound(NeedsDescriptionRepository descriptions, NeedsDescriptions needsDescriptions, RuntimeService runtime) {
    this.descriptions = descriptions;
    this.needsDescriptions = needsDescriptions;
    this.runtime = runtime;
  }

  @EventListener
  public void on(DraftOpened event) {
    NeedsDescription draft = descriptions.findById(event.needsDescriptionId()).orElseThrow();
    if (draft.getRound() != null) {
      return; // its open form reads the description, added text included, when it is opened
    }
    needsDescriptions.roundOpenNow()
        .filter(round -> !descriptions.existsByRoundIdAndUnitId(round.getId(), draft.getUnit().getId()))
        .ifPresent(round -> AsProcess.run(() -> runtime.startProcessInstanceByKey(NEEDS_DESCRIPTION_PROCESS_ID,
            "round-" + round.getId() + "-" + draft.getUnit().getCode(),
            Variables.putValue(ROUND_ID, round.getId()).putValue(UNIT_ID, draft.getUnit().getId()))));
  }
}
