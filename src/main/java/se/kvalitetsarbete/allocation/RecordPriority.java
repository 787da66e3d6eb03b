package se.kvalitetsarbete.allocation;

import static se.kvalitetsarbete.allocation.TermAllocationProcess.*;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.security.AsProcess;

/**
 * End of Task_PrioritiseNeedsDescription: the rules that matched give the points (their sum) and
 * the grounds in words. If the round has closed and this was the last review, the round goes on.
 */
@Component
public class RecordPriority implements ExecutionListener {

  private final NeedsDescriptions descriptions;
  private final AllocationRoundRepository rounds;

  public RecordPriority(NeedsDescriptions descriptions, AllocationRoundRepository rounds) {
    this.descriptions = descriptions;
    this.rounds = rounds;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void notify(DelegateExecution execution) {
    List<Map<String, Object>> matched = (List<Map<String, Object>>) execution.getVariable(PRIORITY_RULES);
    int points = matched.stream().mapToInt(rule -> ((Number) rule.get("points")).intValue()).sum();
    String reason = matched.stream()
        .map(rule -> rule.get("reason") + " (+" + rule.get("points") + ")")
        .collect(Collectors.joining("; "));
    execution.removeVariable(PRIORITY_RULES);
    boolean lastReview = descriptions.recordPriority((Long) execution.getVariable(NEEDS_DESCRIPTION_ID), points, reason);
    if (lastReview) {
      String roundInstance = rounds.findById((Long) execution.getVariable(ROUND_ID)).orElseThrow().getProcessInstanceId();
      RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
      AsProcess.run(() -> {
        boolean waiting = runtime.createExecutionQuery().processInstanceId(roundInstance)
            .messageEventSubscriptionName(MESSAGE_REVIEWS_DONE).count() > 0;
        if (waiting) {
          runtime.createMessageCorrelation(MESSAGE_REVIEWS_DONE).processInstanceId(roundInstance).correlate();
        }
      });
    }
  }
}
