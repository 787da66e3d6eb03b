package se.kvalitetsarbete.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDateTime;

/** One participant's answers to the closing survey (1–4 on each of the evaluation's dimensions). */
@Entity
public class Evaluation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  private Assignment assignment;

  private String respondent;

  /** REKTOR or TEAM_MEMBER. */
  @Column(name = "respondent_role")
  private String role;

  private int teachingDeveloped;
  private int pupilsLearning;
  private int collegialLearning;
  private int supportFit;
  private int carryOn;
  private String comment;
  private LocalDateTime submittedAt;

  protected Evaluation() {}

  public Evaluation(Assignment assignment, String respondent, String role, int[] ratings, String comment, LocalDateTime submittedAt) {
    this.assignment = assignment;
    this.respondent = respondent;
    this.role = role;
    this.teachingDeveloped = ratings[0];
    this.pupilsLearning = ratings[1];
    this.collegialLearning = ratings[2];
    this.supportFit = ratings[3];
    this.carryOn = ratings[4];
    this.comment = comment;
    this.submittedAt = submittedAt;
  }

  public String getRespondent() { return respondent; }
  public String getRole() { return role; }
  public int getTeachingDeveloped() { return teachingDeveloped; }
  public int getCarryOn() { return carryOn; }
  public String getComment() { return comment; }
}
