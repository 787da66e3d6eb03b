package se.kvalitetsarbete.assignment;

import static se.kvalitetsarbete.assignment.AssignmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/** Task_EvaluateAssignment: each respondent's evaluation, the scale and the open questions. */
@Component
public class EvaluationForm extends TaskForm {

  static final String[] DIMENSIONS = {"teachingDeveloped", "pupilsLearning", "collegialLearning", "supportFit", "carryOn"};

  /** The interview guides' open questions, in the form's order; the last is the free comment. */
  static final String[] OPEN_QUESTIONS = {"evaluationNeed", "changeForPupils", "changeForTeachers", "evaluationEvidence",
      "carriesOn", "doneDifferently", "evaluationComment"};

  private final Assignments assignments;

  public EvaluationForm(Assignments assignments, Texts texts) {
    super(texts);
    this.assignments = assignments;
  }

  @Override
  protected void show(DelegateTask task) {
    FormFields.prefillEmpty(task, DIMENSIONS);
    FormFields.prefillEmpty(task, OPEN_QUESTIONS);
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    int[] ratings = new int[DIMENSIONS.length];
    for (int i = 0; i < DIMENSIONS.length; i++) {
      Integer rating = in.integer(DIMENSIONS[i]);
      ratings[i] = rating == null ? 0 : rating;
    }
    String[] open = new String[OPEN_QUESTIONS.length];
    for (int i = 0; i < OPEN_QUESTIONS.length; i++) {
      open[i] = in.text(OPEN_QUESTIONS[i]);
    }
    in.check();
    assignments.evaluate((Long) task.getVariable(ASSIGNMENT_ID), (String) task.getVariable(RESPONDENT), ratings,
        new Evaluation.Answers(open[0], open[1], open[2], open[3], open[4], open[5], open[6]));
    FormFields.clear(task, DIMENSIONS);
    FormFields.clear(task, OPEN_QUESTIONS);
  }
}
