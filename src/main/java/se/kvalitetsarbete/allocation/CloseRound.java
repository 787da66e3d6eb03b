package se.kvalitetsarbete.allocation;

import static se.kvalitetsarbete.allocation.TermAllocationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseRound: no more submissions; the meeting waits for reviews still under way. */
@Component
public class CloseRound implements JavaDelegate {

  private final AllocationRounds rounds;

  public CloseRound(AllocationRounds rounds) {
    this.rounds = rounds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(REVIEWS_PENDING, rounds.close((Long) execution.getVariable(ROUND_ID)));
  }
}
