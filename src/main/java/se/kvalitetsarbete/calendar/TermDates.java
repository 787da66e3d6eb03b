package se.kvalitetsarbete.calendar;

import java.time.LocalDate;

/** A term's first and last school day; {@code fromCalendar} is false for the fallback dates. */
public record TermDates(LocalDate starts, LocalDate ends, boolean fromCalendar) {

  public boolean contains(LocalDate day) {
    return !day.isBefore(starts) && !day.isAfter(ends);
  }
}
