package se.kvalitetsarbete.indicators;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One published figure: an indicator for a skolenhet or kommun, a year and a gender. An aggregate,
 * never about a single pupil; small groups come suppressed, without a value.
 */
@Entity
public class IndicatorValue {

  /** T = totalt, K = kvinnor/flickor, M = män/pojkar (Kolada's letters). */
  public enum Gender { T, K, M }

  public enum Status {
    /** Published with a value. */
    REPORTED,
    /** Not published (not yet, or not collected). */
    MISSING,
    /** Withheld by the publisher because the group is small (fewer than 10 pupils). */
    SUPPRESSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "indicator_id")
  private Indicator indicator;

  /** Skolenhetskod or kommunkod. */
  private String areaCode;

  @Column(name = "period_year")
  private Integer year;

  @Enumerated(EnumType.STRING)
  private Gender gender;

  @Column(name = "measured_value", precision = 10, scale = 2)
  private BigDecimal value;

  @Enumerated(EnumType.STRING)
  private Status status;

  private LocalDateTime importedAt;

  protected IndicatorValue() {}

  public IndicatorValue(Indicator indicator, String areaCode, int year, Gender gender, BigDecimal value, Status status,
      LocalDateTime importedAt) {
    this.indicator = indicator;
    this.areaCode = areaCode;
    this.year = year;
    this.gender = gender;
    this.value = value;
    this.status = status;
    this.importedAt = importedAt;
  }

  /** Takes a new value and status; false (and nothing changed) when they are the ones already held. */
  boolean update(BigDecimal newValue, Status newStatus, LocalDateTime now) {
    boolean sameValue = value == null ? newValue == null : newValue != null && value.compareTo(newValue) == 0;
    if (sameValue && Objects.equals(status, newStatus)) {
      return false;
    }
    value = newValue;
    status = newStatus;
    importedAt = now;
    return true;
  }

  public Long getId() { return id; }
  public Indicator getIndicator() { return indicator; }
  public String getAreaCode() { return areaCode; }
  public Integer getYear() { return year; }
  public Gender getGender() { return gender; }
  public BigDecimal getValue() { return value; }
  public Status getStatus() { return status; }
  public LocalDateTime getImportedAt() { return importedAt; }
}
