package se.kvalitetsarbete.common;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * Conversions between the engine's java.util.Date and our local times, and how people read them.
 * Local times are in the application's zone ({@code kvalitet.time-zone}), which
 * {@link ApplicationTimeZone} makes the JVM's default before the engine starts.
 */
public final class Dates {

  /** A last day ends at 23:59 (Swedish time): deadlines are this time on their last day. */
  public static final LocalTime DEADLINE_TIME = LocalTime.of(23, 59);

  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd 'kl.' HH:mm");

  private Dates() {}

  /** The moment a last day ends. */
  public static LocalDateTime deadlineOn(LocalDate lastDay) {
    return lastDay.atTime(DEADLINE_TIME);
  }

  public static Date toDate(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
  }

  public static Date toDate(LocalDate day) {
    return toDate(day.atStartOfDay());
  }

  public static LocalDateTime toLocal(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
  }

  public static String show(LocalDateTime time) {
    return time == null ? "" : time.format(DAY_AND_TIME);
  }
}
