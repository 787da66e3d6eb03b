package se.kvalitetsarbete.organisation;

import java.time.LocalDate;
import java.time.MonthDay;

/** Hösttermin and vårtermin, with the usual first and last school day. */
public enum Season {
  HT(MonthDay.of(8, 15), MonthDay.of(12, 20)),
  VT(MonthDay.of(1, 8), MonthDay.of(6, 12));

  private final MonthDay starts;
  private final MonthDay ends;

  Season(MonthDay starts, MonthDay ends) {
    this.starts = starts;
    this.ends = ends;
  }

  LocalDate startIn(int year) {
    return starts.atYear(year);
  }

  LocalDate endIn(int year) {
    return ends.atYear(year);
  }
}
