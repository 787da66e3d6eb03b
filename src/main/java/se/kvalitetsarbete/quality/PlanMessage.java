package se.kvalitetsarbete.quality;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDateTime;

/**
 * One message in the dialogue on a unit's plan: the head of school form's feedback on a part, the
 * rektor's answer, the organiser's feedback after the board's report and the rektor's reply. Never
 * changed or removed: the whole exchange is printed with the plan.
 */
@Entity
public class PlanMessage {

  /** The part of the plan a message is about; WHOLE for the plan as it stands, ORGANISER for the organiser's level. */
  public enum Part { RESULTS, ANALYSIS, DEVELOPMENT, WHOLE, ORGANISER }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  private QualityPlan plan;

  private String author;
  private LocalDateTime writtenAt;

  @Enumerated(EnumType.STRING)
  private Part part;

  private String text;

  protected PlanMessage() {}

  public PlanMessage(QualityPlan plan, String author, LocalDateTime writtenAt, Part part, String text) {
    this.plan = plan;
    this.author = author;
    this.writtenAt = writtenAt;
    this.part = part;
    this.text = text;
  }

  public Long getId() { return id; }
  public QualityPlan getPlan() { return plan; }
  public String getAuthor() { return author; }
  public LocalDateTime getWrittenAt() { return writtenAt; }
  public Part getPart() { return part; }
  public String getText() { return text; }
}
