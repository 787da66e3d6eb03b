package se.kvalitetsarbete.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDateTime;

/**
 * One respondent's end evaluation: 1–4 on each dimension, and the open questions of the interview
 * guides (Burlöv's evaluation, appendix 1): the need, what changed for pupils and teachers, how we
 * know, what carries on, what the team could have done differently.
 */
@Entity
public class Evaluation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  private Assignment assignment;

  private String respondent;

  /** REKTOR, TEAM_MEMBER, CARRIER (carries the work on) or TEACHER. */
  @Column(name = "respondent_role")
  private String role;

  private int teachingDeveloped;
  private int pupilsLearning;
  private int collegialLearning;
  private int supportFit;
  private int carryOn;
  private String comment;
  private String evaluationNeed;
  private String changeForPupils;
  private String changeForTeachers;
  private String evaluationEvidence;
  private String carriesOn;
  private String doneDifferently;
  private LocalDateTime submittedAt;

  /** The open answers, as the form names them. */
  public record Answers(String need, String changeForPupils, String changeForTeachers, String evidence, String carriesOn,
      String doneDifferently, String comment) {}

  protected Evaluation() {}

  public Evaluation(Assignment assignment, String respondent, String role, int[] ratings, Answers answers, LocalDateTime submittedAt) {
    this.assignment = assignment;
    this.respondent = respondent;
    this.role = role;
    this.teachingDeveloped = ratings[0];
    this.pupilsLearning = ratings[1];
    this.collegialLearning = ratings[2];
    this.supportFit = ratings[3];
    this.carryOn = ratings[4];
    this.comment = answers.comment();
    this.evaluationNeed = answers.need();
    this.changeForPupils = answers.changeForPupils();
    this.changeForTeachers = answers.changeForTeachers();
    this.evaluationEvidence = answers.evidence();
    this.carriesOn = answers.carriesOn();
    this.doneDifferently = answers.doneDifferently();
    this.submittedAt = submittedAt;
  }

  public String getRespondent() { return respondent; }
  public String getRole() { return role; }
  public int getTeachingDeveloped() { return teachingDeveloped; }
  public int getCarryOn() { return carryOn; }
  public String getComment() { return comment; }
  public Answers answers() {
    return new Answers(evaluationNeed, changeForPupils, changeForTeachers, evaluationEvidence, carriesOn, doneDifferently, comment);
  }
}
