package se.kvalitetsarbete.quality;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A self-assessment (1–4) against the normalläge of one long-term utvecklingsområde. */
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

  private int score;

  protected SelfAssessment() {}

  public SelfAssessment(QualityPlan plan, Assessor assessor, Area area, int score) {
    this.plan = plan;
    this.assessor = assessor;
    this.area = area;
    this.score = score;
  }

  public Assessor getAssessor() { return assessor; }
  public Area getArea() { return area; }
  public int getScore() { return score; }
  public void setScore(int score) { this.score = score; }
}
