package se.kvalitetsarbete.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A refused form is a person's typing mistake, answered with a Swedish message: the engine's
 * ERROR log of it, with a stack trace, is noise. Real errors are still logged.
 */
@Component
public class QuietInvalidInput {

  @EventListener(ApplicationStartedEvent.class)
  public void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.addTurboFilter(new TurboFilter() {
        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
          Throwable thrown = t;
          if (thrown == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
            thrown = last;
          }
          for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InvalidInputException) {
              return FilterReply.DENY;
            }
          }
          return FilterReply.NEUTRAL;
        }
      });
    }
  }
}
