package se.kvalitetsarbete.regional;

import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.Texts;

/** Task_ShareExchangeDocumentation: the documentation the municipalities share after the visits. */
@Component
public class ShareExchangeDocumentationForm extends ExchangeStepForm {

  public ShareExchangeDocumentationForm(RegionalExchanges exchanges, Texts texts) {
    super(exchanges, texts, "sharedDocumentation", exchanges::document);
  }
}
