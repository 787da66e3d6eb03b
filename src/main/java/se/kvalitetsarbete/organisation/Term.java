package se.kvalitetsarbete.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;

/** A term (HT/VT and year) that the quality team is allocated for; its dates are in the school calendar (calendar/SchoolCalendar). */
@Entity
public class Term {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private Season season;

  @Column(name = "term_year")
  private int year;

  protected Term() {}

  public Term(Season season, int year) {
    this.season = season;
    this.year = year;
  }

  /** The term that a round opening on this date allocates: before July the autumn, else next spring. */
  public static Term.Key nextAfter(LocalDate date) {
    return date.getMonthValue() <= 6
        ? new Key(Season.HT, date.getYear())
        : new Key(Season.VT, date.getYear() + 1);
  }

  /** The two terms before this one: the "had the team recently" window. */
  public Key[] previousTwo() {
    return season == Season.HT
        ? new Key[] {new Key(Season.VT, year), new Key(Season.HT, year - 1)}
        : new Key[] {new Key(Season.HT, year - 1), new Key(Season.VT, year - 1)};
  }

  public String label() {
    return season.name() + " " + year;
  }

  public Long getId() { return id; }
  public Season getSeason() { return season; }
  public int getYear() { return year; }

  public Key key() {
    return new Key(season, year);
  }

  /** Terms in the order they come: VT 2028 before HT 2028 before VT 2029. */
  public int order() {
    return key().order();
  }

  public record Key(Season season, int year) {
    public int order() {
      return year * 2 + (season == Season.HT ? 1 : 0);
    }
  }
}
