package se.kvalitetsarbete.regional;

import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.Texts;

/** Task_AgreeJointEfforts: the joint efforts agreed, shown in each municipality's next preparation. */
@Component
public class AgreeJointEffortsForm extends ExchangeStepForm {

  public AgreeJointEffortsForm(RegionalExchanges exchanges, Texts texts) {
    super(exchanges, texts, "jointEfforts", exchanges::agree);
  }
}
