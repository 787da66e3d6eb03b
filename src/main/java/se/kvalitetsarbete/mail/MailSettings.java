package se.kvalitetsarbete.mail;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The kvalitet.mail.* settings (README, Settings). Mail is on when an SMTP server is given, unless switched off. */
@Component
public class MailSettings {

  private final boolean on;
  private final String from;
  private final String baseUrl;
  private final Duration remindBefore;

  public MailSettings(@Value("${kvalitet.mail.enabled:}") String enabled, @Value("${spring.mail.host:}") String host,
      @Value("${kvalitet.mail.from}") String from, @Value("${kvalitet.mail.base-url}") String baseUrl,
      @Value("${kvalitet.mail.remind-before}") Duration remindBefore) {
    this.on = enabled.isBlank() ? !host.isBlank() : Boolean.parseBoolean(enabled.trim());
    if (on && host.isBlank()) {
      throw new IllegalStateException("kvalitet.mail.enabled är true men ingen SMTP-server är angiven (spring.mail.host).");
    }
    this.from = from;
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.remindBefore = remindBefore;
  }

  public boolean on() {
    return on;
  }

  public String from() {
    return from;
  }

  /** Where Tasklist opens this task. */
  public String linkTo(String taskId) {
    return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  public Duration remindBefore() {
    return remindBefore;
  }
}
