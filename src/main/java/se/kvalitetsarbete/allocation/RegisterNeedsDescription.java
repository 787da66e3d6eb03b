package se.kvalitetsarbete.allocation;

import static se.kvalitetsarbete.allocation.TermAllocationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import java.util.List;
import se.kvalitetsarbete.common.Dates;
import se.kvalitetsarbete.security.InstanceAccess;

/** Task_RegisterNeedsDescription: invited by the round, or started by a rektor on their own initiative. */
@Component
public class RegisterNeedsDescription implements JavaDelegate {

  private final NeedsDescriptions descriptions;
  private final InstanceAccess access;

  public RegisterNeedsDescription(NeedsDescriptions descriptions, InstanceAccess access) {
    this.descriptions = descriptions;
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NeedsDescription description;
    if (execution.getVariable(ROUND_ID) != null) {
      description = descriptions.registerInvited((Long) execution.getVariable(ROUND_ID),
          (Long) execution.getVariable(UNIT_ID), execution.getProcessInstanceId());
    } else {
      Object code = execution.getVariable(UNIT_CODE);
      String unitCode = code == null || code.toString().isBlank() ? null : code.toString().trim();
      description = descriptions.registerOwnInitiative((String) execution.getVariable(INITIATOR), unitCode,
          execution.getProcessInstanceId());
    }
    AllocationRound round = description.getRound();
    execution.setVariable(NEEDS_DESCRIPTION_ID, description.getId());
    if (execution.getProcessBusinessKey() == null) {
      // Invited descriptions carry round-<round>-<unit code> from the invitation; one of the rektor's own initiative gets a readable one.
      execution.setProcessBusinessKey(description.getUnit().getName() + " – " + round.getTerm().label());
    }
    execution.setVariable(ROUND_ID, round.getId());
    execution.setVariable(UNIT_ID, description.getUnit().getId());
    execution.setVariable(UNIT_NAME, description.getUnit().getName());
    execution.setVariable(REKTOR_USER_ID, description.getUnit().getRektorUserId());
    execution.setVariable(TERM_LABEL, round.getTerm().label());
    execution.setVariable(ROUND_DEADLINE, Dates.toDate(round.getDeadline()));
    access.grantRead(execution, List.of(description.getUnit().getRektorUserId()));
  }
}
