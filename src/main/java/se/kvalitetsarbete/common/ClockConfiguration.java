package se.kvalitetsarbete.common;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

  /** The time our own rules use (deadlines), in the application's zone; tests may replace it. */
  @Bean
  public Clock clock(@Value("${" + ApplicationTimeZone.SETTING + ":" + ApplicationTimeZone.DEFAULT + "}") String zone) {
    return Clock.system(ZoneId.of(zone.trim()));
  }
}
