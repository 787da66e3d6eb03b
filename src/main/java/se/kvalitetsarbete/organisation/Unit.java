package se.kvalitetsarbete.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** An enhet: one school or preschool, led by its rektor. */
@Entity
public class Unit {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** Skolenhetskod. */
  private String code;

  private String name;

  @Enumerated(EnumType.STRING)
  private SchoolForm schoolForm;

  private String rektorUserId;

  private boolean active = true;

  protected Unit() {}

  public Unit(String code, String name, SchoolForm schoolForm, String rektorUserId) {
    this.code = code;
    this.name = name;
    this.schoolForm = schoolForm;
    this.rektorUserId = rektorUserId;
  }

  public Long getId() { return id; }
  public String getCode() { return code; }
  public String getName() { return name; }
  public SchoolForm getSchoolForm() { return schoolForm; }
  public String getRektorUserId() { return rektorUserId; }
  public boolean isActive() { return active; }
  public void setActive(boolean active) { this.active = active; }
}
