package se.kvalitetsarbete.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** A member of kvalitetsteamet: a certified teacher who works on site in schools. */
@Entity
public class TeamMember {

  /** Days per week on site when nothing else is agreed (the evaluation: 3–4 days). */
  public static final BigDecimal DEFAULT_CAPACITY_DAYS = new BigDecimal("3.5");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String userId;

  private String name;

  /** Speciality names, comma separated. */
  private String specialities;

  /** Days per week available for assignments. */
  private BigDecimal capacityDays;

  protected TeamMember() {}

  public TeamMember(String userId, String name, List<Speciality> specialities) {
    this(userId, name, specialities, DEFAULT_CAPACITY_DAYS);
  }

  public TeamMember(String userId, String name, List<Speciality> specialities, BigDecimal capacityDays) {
    this.userId = userId;
    this.name = name;
    this.specialities = specialities.stream().map(Enum::name).collect(Collectors.joining(","));
    this.capacityDays = capacityDays;
  }

  public Long getId() { return id; }
  public String getUserId() { return userId; }
  public String getName() { return name; }
  public List<Speciality> getSpecialities() { return Speciality.parseAll(specialities); }
  public BigDecimal getCapacityDays() { return capacityDays; }
}
