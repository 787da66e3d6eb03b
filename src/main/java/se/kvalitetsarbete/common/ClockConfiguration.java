package se.kvalitetsarbete.common;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ClockConfiguration {

  /** The time our own rules use (deadlines); tests may replace it. */
  @Bean
  public Clock clock() {
    return Clock.systemDefaultZone();
  }
}
