package se.kvalitetsarbete.quality;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import se.kvalitetsarbete.organisation.StaffTeam;

/**
 * A self-assessment (1–4) against one criterion (normalläge) of a long-term utvecklingsområde, by the
 * management or by one arbetslag ({@link #getStaffTeam()}).
 */
@Entity
public class SelfAssessment {

  public enum Assessor { MANAGEMENT, STAFF }

  /** The four utvecklingsområden, by their form field names. */
  public enum Area {
    pedagogiskLedning("Pedagogisk ledning"),
    larandeOrganisation("Lärande organisation"),
    malOchResultatstyrning("Mål- och resultatstyrning"),
    kvalitetIUndervisningen("Kvalitet i undervisningen");

    private final String label;

    Area(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  private QualityPlan plan;

  @Enumerated(EnumType.STRING)
  private Assessor assessor;

  @Enumerated(EnumType.STRING)
  private Area area;

  /** The arbetslag, for a staff self-assessment. */
  @ManyToOne
  private StaffTeam staffTeam;

  @ManyToOne
  private NormalCriterion criterion;

  private int score;

  protected SelfAssessment() {}

  public SelfAssessment(QualityPlan plan, StaffTeam staffTeam, NormalCriterion criterion, int score) {
    this.plan = plan;
    this.assessor = staffTeam == null ? Assessor.MANAGEMENT : Assessor.STAFF;
    this.staffTeam = staffTeam;
    this.criterion = criterion;
    this.area = criterion.getArea();
    this.score = score;
  }

  public Assessor getAssessor() { return assessor; }
  public Area getArea() { return area; }
  public StaffTeam getStaffTeam() { return staffTeam; }
  public NormalCriterion getCriterion() { return criterion; }
  public int getScore() { return score; }
}
