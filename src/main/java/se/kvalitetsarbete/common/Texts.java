package se.kvalitetsarbete.common;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * The Swedish texts that Java produces, from messages/messages.properties. A missing text never
 * breaks what the user is doing: the key is shown instead and the gap is logged (a build-time
 * test keeps the bundle complete for every form field).
 */
@Component
public class Texts {

  public static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

  private static final Logger LOG = LoggerFactory.getLogger(Texts.class);

  private final MessageSource messages;

  public Texts(MessageSource messages) {
    this.messages = messages;
  }

  public String get(String key, Object... args) {
    try {
      return messages.getMessage(key, args, SWEDISH);
    } catch (NoSuchMessageException e) {
      LOG.warn("No text for {} in messages.properties", key);
      return key;
    }
  }

  public InvalidInputException invalid(String key, Object... args) {
    return new InvalidInputException(get(key, args));
  }
}
