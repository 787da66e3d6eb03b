package se.kvalitetsarbete.calendar;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A lov or a single day off in a läsår: no school from the first to the last day. */
@Entity
@Table(name = "calendar_holiday")
public class Holiday {

  /** What the CSV's "vad" column says; the Swedish word is what people write and read. */
  public enum Kind {
    HOSTLOV("höstlov"), JULLOV("jullov"), SPORTLOV("sportlov"), PASKLOV("påsklov"), SOMMARLOV("sommarlov"), LOVDAG("lovdag");

    private final String word;

    Kind(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }

    public static Optional<Kind> of(String word) {
      String w = word.trim().toLowerCase(Locale.ROOT);
      return Arrays.stream(values()).filter(k -> k.word.equals(w) || k.name().toLowerCase(Locale.ROOT).equals(w)).findFirst();
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private int firstYear;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  private LocalDate startsOn;
  private LocalDate endsOn;

  protected Holiday() {}

  public Holiday(int firstYear, Kind kind, LocalDate startsOn, LocalDate endsOn) {
    this.firstYear = firstYear;
    this.kind = kind;
    this.startsOn = startsOn;
    this.endsOn = endsOn;
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(startsOn) && !day.isAfter(endsOn);
  }

  public int getFirstYear() { return firstYear; }
  public Kind getKind() { return kind; }
  public LocalDate getStartsOn() { return startsOn; }
  public LocalDate getEndsOn() { return endsOn; }
}
