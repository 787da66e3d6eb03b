package se.kvalitetsarbete.allocation;

import static se.kvalitetsarbete.allocation.TermAllocationProcess.NEEDS_DESCRIPTION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_MarkNeedsDescriptionLate: the draft is kept but not taken into the meeting. */
@Component
public class MarkNeedsDescriptionLate implements JavaDelegate {

  private final NeedsDescriptions descriptions;

  public MarkNeedsDescriptionLate(NeedsDescriptions descriptions) {
    this.descriptions = descriptions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    descriptions.markLate((Long) execution.getVariable(NEEDS_DESCRIPTION_ID));
  }
}
