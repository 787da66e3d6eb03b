package se.kvalitetsarbete.quality;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDateTime;

/** What was done about an action and what effect it had: mid-year, or in next year's "Hur blev det?". */
@Entity
public class ActionFollowUp {

  public enum Kind { MID_YEAR, YEAR_END }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  private ImprovementAction action;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  private String done;
  private String effect;
  private LocalDateTime recordedAt;

  protected ActionFollowUp() {}

  public ActionFollowUp(ImprovementAction action, Kind kind, String done, String effect, LocalDateTime recordedAt) {
    this.action = action;
    this.kind = kind;
    this.done = done;
    this.effect = effect;
    this.recordedAt = recordedAt;
  }

  public ImprovementAction getAction() { return action; }
  public Kind getKind() { return kind; }
  public String getDone() { return done; }
  public String getEffect() { return effect; }
}
