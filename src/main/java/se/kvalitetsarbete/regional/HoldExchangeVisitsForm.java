package se.kvalitetsarbete.regional;

import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.Texts;

/** Task_HoldExchangeVisits: what the critical friends saw and said on the exchange visits. */
@Component
public class HoldExchangeVisitsForm extends ExchangeStepForm {

  public HoldExchangeVisitsForm(RegionalExchanges exchanges, Texts texts) {
    super(exchanges, texts, "visitNotes", exchanges::recordVisits);
  }
}
