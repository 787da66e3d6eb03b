package se.kvalitetsarbete.common;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The Swedish texts that Java produces, from messages/messages.properties. */
@Component
public class Texts {

  public static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

  private final MessageSource messages;

  public Texts(MessageSource messages) {
    this.messages = messages;
  }

  public String get(String key, Object... args) {
    return messages.getMessage(key, args, SWEDISH);
  }

  public InvalidInputException invalid(String key, Object... args) {
    return new InvalidInputException(get(key, args));
  }
}
