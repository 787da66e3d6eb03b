package se.kvalitetsarbete.quality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** An åtgärd in the development part, under its förbättringsområde: what, why, who, when, how followed up. */
@Entity
public class ImprovementAction {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  private QualityPlan plan;

  private String areaTitle;
  @Column(name = "shared_area")
  private boolean shared;
  /** The long-term utvecklingsområde the improvement area belongs to (null in plans from before it was asked). */
  @Enumerated(EnumType.STRING)
  private SelfAssessment.Area developmentArea;
  private int years;
  private String wantedImprovement;
  private String what;
  private String why;
  private String responsible;
  private String timeline;
  private String followUpHow;

  protected ImprovementAction() {}

  public ImprovementAction(QualityPlan plan, String areaTitle, boolean shared, SelfAssessment.Area developmentArea, int years,
      String wantedImprovement, String what, String why, String responsible, String timeline, String followUpHow) {
    this.plan = plan;
    this.areaTitle = areaTitle;
    this.shared = shared;
    this.developmentArea = developmentArea;
    this.years = years;
    this.wantedImprovement = wantedImprovement;
    this.what = what;
    this.why = why;
    this.responsible = responsible;
    this.timeline = timeline;
    this.followUpHow = followUpHow;
  }

  public Long getId() { return id; }
  public QualityPlan getPlan() { return plan; }
  public String getAreaTitle() { return areaTitle; }
  public boolean isShared() { return shared; }
  public SelfAssessment.Area getDevelopmentArea() { return developmentArea; }
  public int getYears() { return years; }
  public String getWantedImprovement() { return wantedImprovement; }
  public String getWhat() { return what; }
  public String getWhy() { return why; }
  public String getResponsible() { return responsible; }
  public String getTimeline() { return timeline; }
  public String getFollowUpHow() { return followUpHow; }
}
