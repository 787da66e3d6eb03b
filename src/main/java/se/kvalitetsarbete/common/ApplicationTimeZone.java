package se.kvalitetsarbete.common;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The application's time zone, {@code kvalitet.time-zone} (default Europe/Stockholm), made the
 * JVM's default before anything else starts: Camunda evaluates timer dates and cycles (and our
 * {@link Dates} converts) in the JVM's default zone, and a container's JVM runs in UTC. So a
 * deadline at 23:59 is 23:59 Swedish time, summer and winter.
 */
public class ApplicationTimeZone implements EnvironmentPostProcessor {

  public static final String SETTING = "kvalitet.time-zone";
  public static final String DEFAULT = "Europe/Stockholm";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    apply(environment.getProperty(SETTING, DEFAULT));
  }

  /** Makes the zone the JVM's default; an unknown zone stops the start with a clear reason. */
  public static ZoneId apply(String setting) {
    ZoneId zone;
    try {
      zone = ZoneId.of(setting.trim());
    } catch (DateTimeException e) {
      throw new IllegalStateException(SETTING + " is not a time zone: '" + setting + "' (e.g. " + DEFAULT + ")", e);
    }
    TimeZone.setDefault(TimeZone.getTimeZone(zone));
    return zone;
  }
}
