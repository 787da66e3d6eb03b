package se.kvalitetsarbete.quality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import se.kvalitetsarbete.organisation.SchoolForm;

/** An improvement area the head of a school form sets for all its units for the year. */
@Entity
public class SharedImprovementArea {

  /** The school forms a head of school form answers for. */
  public enum FormGroup {
    FORSKOLA, GRUNDSKOLA, FRITIDSHEM, GYMNASIESKOLA;

    public static FormGroup of(SchoolForm form) {
      return switch (form) {
        case FORSKOLA -> FORSKOLA;
        case GRUNDSKOLA_F3, GRUNDSKOLA_4_6, GRUNDSKOLA_7_9 -> GRUNDSKOLA;
        case FRITIDSHEM -> FRITIDSHEM;
        case GYMNASIESKOLA -> GYMNASIESKOLA;
      };
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  private SchoolYear schoolYear;

  @Enumerated(EnumType.STRING)
  @Column(name = "form_group")
  private FormGroup formGroup;

  private String title;

  protected SharedImprovementArea() {}

  public SharedImprovementArea(SchoolYear schoolYear, FormGroup formGroup, String title) {
    this.schoolYear = schoolYear;
    this.formGroup = formGroup;
    this.title = title;
  }

  public FormGroup getFormGroup() { return formGroup; }
  public String getTitle() { return title; }
}
