package se.kvalitetsarbete.regional;

import static se.kvalitetsarbete.regional.RegionalExchangeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenExchange: the exchange's record and its participating municipalities, from the start form. */
@Component
public class OpenRegionalExchange implements JavaDelegate {

  private final RegionalExchanges exchanges;

  public OpenRegionalExchange(RegionalExchanges exchanges) {
    this.exchanges = exchanges;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RegionalExchange exchange = exchanges.open((String) execution.getVariable(COLLABORATION),
        (String) execution.getVariable(SCHOOL_YEAR), (String) execution.getVariable(PARTICIPANTS),
        execution.getProcessInstanceId());
    execution.setVariable(REGIONAL_EXCHANGE_ID, exchange.getId());
    execution.setProcessBusinessKey(exchange.getCollaboration() + " – " + exchange.getSchoolYearLabel());
    execution.removeVariable(PARTICIPANTS);
  }
}
