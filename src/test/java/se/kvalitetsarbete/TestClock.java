package se.kvalitetsarbete;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.ApplicationTimeZone;

/**
 * The application's clock in tests: the real time in the application's zone, unless a test fixes
 * it at a moment (and lets go again with {@link #release()}).
 */
@Primary
@Component
public class TestClock extends Clock {

  private final ZoneId zone;
  private volatile Instant fixed;

  public TestClock(@Value("${" + ApplicationTimeZone.SETTING + ":" + ApplicationTimeZone.DEFAULT + "}") String zone) {
    this.zone = ZoneId.of(zone);
  }

  public void fixAt(Instant moment) {
    this.fixed = moment;
  }

  public void release() {
    this.fixed = null;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return Clock.fixed(instant(), other);
  }

  @Override
  public Instant instant() {
    Instant moment = fixed;
    return moment != null ? moment : Instant.now();
  }
}
