package se.kvalitetsarbete.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import se.kvalitetsarbete.common.Dates;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.organisation.Season;
import se.kvalitetsarbete.organisation.Term;
import se.kvalitetsarbete.security.ModelGlue;

/**
 * The municipality's school calendar, the one source of truth for term dates and school days.
 * The administration keeps it ({@link CalendarImport}); a läsår it does not hold falls back to the
 * usual dates, 15 August – 20 December and 8 January – 12 June, with weekends as the only days off.
 */
@Service("schoolCalendar")
@Transactional(readOnly = true)
public class SchoolCalendar {

  static final MonthDay FALLBACK_AUTUMN_STARTS = MonthDay.of(8, 15);
  static final MonthDay FALLBACK_AUTUMN_ENDS = MonthDay.of(12, 20);
  static final MonthDay FALLBACK_SPRING_STARTS = MonthDay.of(1, 8);
  static final MonthDay FALLBACK_SPRING_ENDS = MonthDay.of(6, 12);

  /** A school day's appointments (check-ins, follow-ups) fall due at this time. */
  public static final LocalTime SCHOOL_DAY_BEGINS = LocalTime.of(8, 0);

  /** More than a year without a school day means the calendar is wrong, not that we should look further. */
  private static final int MAX_DAYS_AHEAD = 400;

  private final CalendarYearRepository years;
  private final HolidayRepository holidays;
  private final Texts texts;
  private final Clock clock;

  /**
   * The läsår read so far, shared by all callers (every user task's due date asks): forgotten when
   * this node imports a calendar, and after a few minutes, for an import on another node.
   */
  private static final long KEEP_NANOS = TimeUnit.MINUTES.toNanos(5);
  private final Map<Integer, Days.Year> known = new ConcurrentHashMap<>();
  private volatile long knownSince = System.nanoTime();

  public SchoolCalendar(CalendarYearRepository years, HolidayRepository holidays, Texts texts, Clock clock) {
    this.years = years;
    this.holidays = holidays;
    this.texts = texts;
    this.clock = clock;
  }

  /** The läsår a day belongs to, by its first calendar year: 2026 for any day from July 2026 to June 2027. */
  public static int schoolYearOf(LocalDate day) {
    return day.getMonthValue() >= 7 ? day.getYear() : day.getYear() - 1;
  }

  /** A term's first and last school day (HT 2027 is läsåret 2027/28's autumn, VT 2028 its spring). */
  public TermDates term(Term.Key term) {
    return new Days().term(term);
  }

  public boolean isSchoolDay(LocalDate day) {
    return new Days().isSchoolDay(day);
  }

  /** The day itself when it is a school day, else the next one. */
  public LocalDate nextSchoolDay(LocalDate day) {
    Days days = new Days();
    for (int i = 0; i <= MAX_DAYS_AHEAD; i++) {
      if (days.isSchoolDay(day.plusDays(i))) {
        return day.plusDays(i);
      }
    }
    throw texts.invalid("calendar.noSchoolDay", day.toString());
  }

  /** The school day that lies {@code count} school days after the given day. */
  public LocalDate schoolDaysAfter(LocalDate day, int count) {
    LocalDate result = day;
    for (int i = 0; i < count; i++) {
      result = nextSchoolDay(result.plusDays(1));
    }
    return result;
  }

  /** For the models: the same moment when it falls on a school day, else the same time on the next school day. */
  @ModelGlue
  public Date nextSchoolDayAt(Date moment) {
    LocalDateTime local = Dates.toLocal(moment);
    return Dates.toDate(nextSchoolDay(local.toLocalDate()).atTime(local.toLocalTime()));
  }

  /**
   * For the models: the morning of the first school day once the period (ISO, "P4W") has passed,
   * counted from now, or from {@code notBefore} when that is later (the term's start: work that
   * began before the term counts from its first day).
   */
  @ModelGlue
  public Date schoolDayAfter(Date notBefore, String period) {
    LocalDate today = LocalDate.now(clock);
    LocalDate from = notBefore == null ? today : Dates.toLocal(notBefore).toLocalDate();
    Period length;
    try {
      length = Period.parse(period.trim());
    } catch (DateTimeParseException | NullPointerException e) {
      throw texts.invalid("calendar.badPeriod", String.valueOf(period));
    }
    LocalDate start = from.isAfter(today) ? from : today;
    return Dates.toDate(nextSchoolDay(start.plus(length)).atTime(SCHOOL_DAY_BEGINS));
  }

  /** After a change of the calendar: read again (once the change is committed). */
  public void forget() {
    Runnable clear = () -> {
      known.clear();
      knownSince = System.nanoTime();
    };
    clear.run();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              clear.run();
            }
          });
    }
  }

  /** One look at the calendar: each läsår read once however many days are asked about. */
  private final class Days {

    private final Map<Integer, Year> cache = new HashMap<>();

    private record Year(TermDates autumn, TermDates spring, List<Holiday> holidays) {}

    TermDates term(Term.Key term) {
      return term.season() == Season.HT ? year(term.year()).autumn() : year(term.year() - 1).spring();
    }

    boolean isSchoolDay(LocalDate day) {
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        return false;
      }
      Year year = year(schoolYearOf(day));
      return (year.autumn().contains(day) || year.spring().contains(day))
          && year.holidays().stream().noneMatch(h -> h.contains(day));
    }

    private Year year(int firstYear) {
      if (System.nanoTime() - knownSince > KEEP_NANOS) {
        known.clear();
        knownSince = System.nanoTime();
      }
      return cache.computeIfAbsent(firstYear, y -> known.computeIfAbsent(y, this::read));
    }

    private Year read(int y) {
      return years.findByFirstYear(y)
          .map(found -> new Year(found.autumn(), found.spring(), holidays.findByFirstYearOrderByStartsOn(y)))
          .orElseGet(() -> new Year(
              new TermDates(FALLBACK_AUTUMN_STARTS.atYear(y), FALLBACK_AUTUMN_ENDS.atYear(y), false),
              new TermDates(FALLBACK_SPRING_STARTS.atYear(y + 1), FALLBACK_SPRING_ENDS.atYear(y + 1), false),
              List.of()));
    }
  }
}
