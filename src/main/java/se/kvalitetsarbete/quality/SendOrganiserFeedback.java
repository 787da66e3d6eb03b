package se.kvalitetsarbete.quality;

import static se.kvalitetsarbete.quality.SkaProcess.MESSAGE_ORGANISER_FEEDBACK;
import static se.kvalitetsarbete.quality.SkaProcess.SCHOOL_YEAR_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.security.AsProcess;

/**
 * Task_SendOrganiserFeedback: once the board's report is approved, every unit's plan of the year
 * gets the organiser's feedback as a task for its rektor. A plan approved later finds it sent.
 */
@Component
public class SendOrganiserFeedback implements JavaDelegate {

  private final SchoolYears years;
  private final PlanDialogue dialogue;

  public SendOrganiserFeedback(SchoolYears years, PlanDialogue dialogue) {
    this.years = years;
    this.dialogue = dialogue;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long schoolYearId = (Long) execution.getVariable(SCHOOL_YEAR_ID);
    years.markOrganiserFeedbackSent(schoolYearId);
    dialogue.writeToEveryPlan(schoolYearId, years.get(schoolYearId).getOrganiserFeedback());
    AsProcess.run(() -> execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(MESSAGE_ORGANISER_FEEDBACK)
        .processInstanceVariableEquals(SCHOOL_YEAR_ID, schoolYearId)
        .correlateAll());
  }
}
