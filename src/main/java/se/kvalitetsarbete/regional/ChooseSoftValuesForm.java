package se.kvalitetsarbete.regional;

import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.Texts;

/** Task_ChooseSoftValues: the soft values the municipalities look at in each other's schools, chosen before the visits. */
@Component
public class ChooseSoftValuesForm extends ExchangeStepForm {

  public ChooseSoftValuesForm(RegionalExchanges exchanges, Texts texts) {
    super(exchanges, texts, "softValues", exchanges::chooseSoftValues);
  }
}
