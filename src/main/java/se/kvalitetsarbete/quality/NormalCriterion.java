package se.kvalitetsarbete.quality;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.quality.SelfAssessment.Area;

/**
 * A normalläge: one criterion of wanted quality within an utvecklingsområde, scored 1–4 by the
 * management and each arbetslag. Kept by the administration; the default comes from seed 004.
 */
@Entity
public class NormalCriterion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private Area area;

  private int sortOrder;

  private String description;

  /** The school forms it applies to, comma-separated names; null: all. */
  private String schoolForms;

  private boolean active = true;

  protected NormalCriterion() {}

  public NormalCriterion(Area area, int sortOrder, String description, Collection<SchoolForm> schoolForms) {
    change(area, sortOrder, description, schoolForms, true);
  }

  public void change(Area area, int sortOrder, String description, Collection<SchoolForm> schoolForms, boolean active) {
    this.area = area;
    this.sortOrder = sortOrder;
    this.description = description;
    this.schoolForms = schoolForms == null || schoolForms.isEmpty() ? null
        : schoolForms.stream().map(SchoolForm::name).sorted().collect(Collectors.joining(","));
    this.active = active;
  }

  /** Whether a unit of this school form is asked about it. */
  public boolean appliesTo(SchoolForm form) {
    return active && (schoolForms == null || getSchoolForms().contains(form));
  }

  public Long getId() { return id; }
  public Area getArea() { return area; }
  public int getSortOrder() { return sortOrder; }
  public String getDescription() { return description; }
  public boolean isActive() { return active; }

  /** Empty: every school form. */
  public List<SchoolForm> getSchoolForms() {
    return schoolForms == null ? List.of() : Arrays.stream(schoolForms.split(",")).map(SchoolForm::valueOf).toList();
  }
}
