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
 * What was done about an action and what effect it had: mid-year, or in next year's "Hur blev det?",
 * which also asks what we saw and what we do now, and lets the rektor mark it a good example to spread.
 */
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
  private String seen;
  private String nextStep;
  private boolean goodExample;
  private String goodExampleText;
  private LocalDateTime recordedAt;

  protected ActionFollowUp() {}

  public ActionFollowUp(ImprovementAction action, Kind kind, String done, String effect, LocalDateTime recordedAt) {
    this.action = action;
    this.kind = kind;
    this.done = done;
    this.effect = effect;
    this.recordedAt = recordedAt;
  }

  /** The year-end reflection: what we saw, did, what happened and how we know, what we do now. */
  public static ActionFollowUp yearEnd(ImprovementAction action, String seen, String done, String effect, String nextStep,
      String goodExampleText, LocalDateTime recordedAt) {
    ActionFollowUp followUp = new ActionFollowUp(action, Kind.YEAR_END, done, effect, recordedAt);
    followUp.seen = seen;
    followUp.nextStep = nextStep;
    followUp.goodExample = goodExampleText != null;
    followUp.goodExampleText = goodExampleText;
    return followUp;
  }

  public ImprovementAction getAction() { return action; }
  public Kind getKind() { return kind; }
  public String getDone() { return done; }
  public String getEffect() { return effect; }
  public String getSeen() { return seen; }
  public String getNextStep() { return nextStep; }
  public boolean isGoodExample() { return goodExample; }
  public String getGoodExampleText() { return goodExampleText; }
}
