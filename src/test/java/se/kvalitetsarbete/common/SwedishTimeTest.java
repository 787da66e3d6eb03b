package se.kvalitetsarbete.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kvalitetsarbete.allocation.AllocationRound;
import se.kvalitetsarbete.organisation.Season;
import se.kvalitetsarbete.organisation.Term;

/** Deadlines in Swedish time, on a server whose clock runs in UTC; no engine, no Spring. */
class SwedishTimeTest {

  static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  /** Summer time starts (02:00 → 03:00) and ends (03:00 → 02:00) on these Sundays. */
  static final LocalDate SUMMER_TIME_STARTS = LocalDate.of(2027, 3, 28);
  static final LocalDate SUMMER_TIME_ENDS = LocalDate.of(2027, 10, 31);

  static TimeZone before;

  @BeforeAll
  static void theApplicationStartsInAContainerRunningInUtc() {
    before = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    assertThat(ApplicationTimeZone.apply(ApplicationTimeZone.DEFAULT)).isEqualTo(STOCKHOLM);
  }

  @AfterAll
  static void restore() {
    TimeZone.setDefault(before);
  }

  @Test
  void theSettingBecomesTheJvmsDefaultSoThatTheEngineUsesIt() {
    assertThat(TimeZone.getDefault().getID()).isEqualTo("Europe/Stockholm");
    assertThat(new ClockConfiguration().clock("Europe/Stockholm").getZone()).isEqualTo(STOCKHOLM);
  }

  @Test
  void anUnknownZoneStopsTheStartWithTheSettingNamed() {
    assertThatThrownBy(() -> ApplicationTimeZone.apply("Europe/Atlantis"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("kvalitet.time-zone");
    assertThat(TimeZone.getDefault().getID()).isEqualTo("Europe/Stockholm");
  }

  @Test
  void aLastDayEndsAt2359SwedishTimeInSummerTimeAndInWinterTime() {
    // What the deadline timers are given: CEST is UTC+2, CET UTC+1.
    assertThat(Dates.toDate(Dates.deadlineOn(SUMMER_TIME_STARTS)).toInstant()).isEqualTo(Instant.parse("2027-03-28T21:59:00Z"));
    assertThat(Dates.toDate(Dates.deadlineOn(SUMMER_TIME_ENDS)).toInstant()).isEqualTo(Instant.parse("2027-10-31T22:59:00Z"));
    assertThat(Dates.deadlineOn(LocalDate.of(2027, 1, 15)).atZone(STOCKHOLM).toInstant()).isEqualTo(Instant.parse("2027-01-15T22:59:00Z"));
  }

  @Test
  void aNeedsDescriptionIsAcceptedAt2358AndRefusedAt0001SwedishTime() {
    for (LocalDate lastDay : new LocalDate[] {SUMMER_TIME_STARTS, SUMMER_TIME_ENDS}) {
      AllocationRound round = new AllocationRound(new Term(Season.HT, 2027), lastDay.minusWeeks(4).atStartOfDay(), Dates.deadlineOn(lastDay), null);
      Instant end = lastDay.atTime(23, 59).atZone(STOCKHOLM).toInstant();
      assertThat(round.acceptsSubmissions(now(end.minusSeconds(60)))).as("23:58 on " + lastDay).isTrue();
      assertThat(round.acceptsSubmissions(now(end.plusSeconds(120)))).as("00:01 after " + lastDay).isFalse();
      // The UTC time of 00:01 Swedish time is still 22:01 or 23:01 "on the last day": not what counts.
      assertThat(LocalDateTime.ofInstant(end.plusSeconds(120), ZoneId.of("UTC")).toLocalDate()).isEqualTo(lastDay);
    }
  }

  @Test
  void aDateIsShownInSwedishTime() {
    LocalDateTime local = Dates.toLocal(java.util.Date.from(Instant.parse("2027-10-31T22:59:00Z")));
    assertThat(Dates.show(local)).isEqualTo("2027-10-31 kl. 23:59");
  }

  /** What the application's clock says at this moment. */
  private static LocalDateTime now(Instant moment) {
    return LocalDateTime.now(Clock.fixed(moment, new ClockConfiguration().clock(ApplicationTimeZone.DEFAULT).getZone()));
  }
}
