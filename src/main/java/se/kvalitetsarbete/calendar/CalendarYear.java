package se.kvalitetsarbete.calendar;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One läsår of the municipality's calendar: the first and last school day of each term. */
@Entity
@Table(name = "calendar_school_year")
public class CalendarYear {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** 2026 for läsåret 2026/27. */
  private int firstYear;
  private LocalDate autumnStarts;
  private LocalDate autumnEnds;
  private LocalDate springStarts;
  private LocalDate springEnds;
  private LocalDateTime importedAt;

  protected CalendarYear() {}

  public CalendarYear(int firstYear, TermDates autumn, TermDates spring, LocalDateTime importedAt) {
    this.firstYear = firstYear;
    this.autumnStarts = autumn.starts();
    this.autumnEnds = autumn.ends();
    this.springStarts = spring.starts();
    this.springEnds = spring.ends();
    this.importedAt = importedAt;
  }

  public static String label(int firstYear) {
    return firstYear + "/" + String.format("%02d", (firstYear + 1) % 100);
  }

  public int getFirstYear() { return firstYear; }
  public TermDates autumn() { return new TermDates(autumnStarts, autumnEnds, true); }
  public TermDates spring() { return new TermDates(springStarts, springEnds, true); }
  public LocalDateTime getImportedAt() { return importedAt; }
}
