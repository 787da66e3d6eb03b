package se.kvalitetsarbete.allocation;

import static se.kvalitetsarbete.allocation.TermAllocationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;
import se.kvalitetsarbete.security.AsProcess;

/**
 * Task_InviteRektorer, once per active unit (multi-instance, each in its own job): the unit's
 * rektor gets a needs description to write. A unit that fails is retried and then becomes an
 * incident of its own; the other units' invitations stand.
 */
@Component
public class InviteRektorer implements JavaDelegate {

  private final UnitRepository units;

  public InviteRektorer(UnitRepository units) {
    this.units = units;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long roundId = (Long) execution.getVariable(ROUND_ID);
    Unit unit = units.findById((Long) execution.getVariable(UNIT_ID)).orElseThrow();
    AsProcess.run(() -> execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(
        NEEDS_DESCRIPTION_PROCESS_ID,
        "round-" + roundId + "-" + unit.getCode(),
        Variables.putValue(ROUND_ID, roundId).putValue(UNIT_ID, unit.getId())));
  }
}
