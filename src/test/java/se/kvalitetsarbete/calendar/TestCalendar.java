package se.kvalitetsarbete.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * A läsår's calendar laid out by ISO week, the way Swedish municipalities set it: HT weeks 34–51
 * with höstlov in week 44, jullov, VT weeks 2–23 with sportlov in week 8, påsklov in week 15 and a
 * lovdag on the Friday of week 20, then sommarlov.
 */
public record TestCalendar(int firstYear) {

  public LocalDate autumnStarts() { return day(firstYear, 34, DayOfWeek.MONDAY); }
  public LocalDate autumnEnds() { return day(firstYear, 51, DayOfWeek.FRIDAY); }
  public LocalDate hostlovStarts() { return day(firstYear, 44, DayOfWeek.MONDAY); }
  public LocalDate springStarts() { return day(firstYear + 1, 2, DayOfWeek.MONDAY); }
  public LocalDate springEnds() { return day(firstYear + 1, 23, DayOfWeek.FRIDAY); }
  public LocalDate sportlovStarts() { return day(firstYear + 1, 8, DayOfWeek.MONDAY); }
  public LocalDate paskovStarts() { return day(firstYear + 1, 15, DayOfWeek.MONDAY); }
  public LocalDate lovdag() { return day(firstYear + 1, 20, DayOfWeek.FRIDAY); }

  public String label() {
    return CalendarYear.label(firstYear);
  }

  /** The läsår as the administration's CSV says it, without the header. */
  public String rows() {
    return String.join("\n",
        row("HT", autumnStarts(), autumnEnds()),
        row("höstlov", hostlovStarts(), hostlovStarts().plusDays(4)),
        row("jullov", autumnEnds().plusDays(1), springStarts().minusDays(1)),
        row("VT", springStarts(), springEnds()),
        row("sportlov", sportlovStarts(), sportlovStarts().plusDays(4)),
        row("påsklov", paskovStarts(), paskovStarts().plusDays(4)),
        label() + ";lovdag;" + lovdag() + ";",
        row("sommarlov", springEnds().plusDays(1), LocalDate.of(firstYear + 1, 8, 15))) + "\n";
  }

  public String csv() {
    return "läsår;vad;från;till\n" + rows();
  }

  private String row(String what, LocalDate from, LocalDate to) {
    return label() + ";" + what + ";" + from + ";" + to;
  }

  static LocalDate day(int year, int isoWeek, DayOfWeek weekday) {
    return LocalDate.of(year, 6, 1).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, isoWeek).with(weekday);
  }
}
