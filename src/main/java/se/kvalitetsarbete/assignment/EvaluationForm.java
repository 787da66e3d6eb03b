package se.kvalitetsarbete.assignment;

import static se.kvalitetsarbete.assignment.AssignmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/** Task_EvaluateAssignment: each participant's short survey. */
@Component
public class EvaluationForm extends TaskForm {

  static final String[] DIMENSIONS = {"teachingDeveloped", "pupilsLearning", "collegialLearning", "supportFit", "carryOn"};

  private static final String COMMENT = "evaluationComment";

  private final Assignments assignments;

  public EvaluationForm(Assignments assignments, Texts texts) {
    super(texts);
    this.assignments = assignments;
  }

  @Override
  protected void show(DelegateTask task) {
    FormFields.prefillEmpty(task, DIMENSIONS);
    FormFields.prefillEmpty(task, COMMENT);
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    int[] ratings = new int[DIMENSIONS.length];
    for (int i = 0; i < DIMENSIONS.length; i++) {
      Integer rating = in.integer(DIMENSIONS[i]);
      ratings[i] = rating == null ? 0 : rating;
    }
    String comment = in.text(COMMENT);
    in.check();
    assignments.evaluate((Long) task.getVariable(ASSIGNMENT_ID), (String) task.getVariable(RESPONDENT), ratings, comment);
    FormFields.clear(task, DIMENSIONS);
    FormFields.clear(task, COMMENT);
  }
}
