package se.kvalitetsarbete.common;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/** Conversions between the engine's java.util.Date and our local times, and how people read them. */
public final class Dates {

  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd 'kl.' HH:mm");

  private Dates() {}

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
