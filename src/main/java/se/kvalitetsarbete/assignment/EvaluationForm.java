package se.kvalitetsarbete.assignment;

import static se.kvalitetsarbete.assignment.AssignmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.Texts;

/** Task_EvaluateAssignment: each participant's short survey. */
@Component
public class EvaluationForm implements TaskListener {

  static final String[] DIMENSIONS = {"teachingDeveloped", "pupilsLearning", "collegialLearning", "supportFit", "carryOn"};

  private final Assignments assignments;
  private final Texts texts;

  public EvaluationForm(Assignments assignments, Texts texts) {
    this.assignments = assignments;
    this.texts = texts;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      FormFields.prefillEmpty(task, DIMENSIONS);
      FormFields.prefillEmpty(task, "evaluationComment");
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      FormInput in = new FormInput(task, texts);
      int[] ratings = new int[DIMENSIONS.length];
      for (int i = 0; i < DIMENSIONS.length; i++) {
        Integer rating = in.integer(DIMENSIONS[i], 1, 4, true);
        ratings[i] = rating == null ? 0 : rating;
      }
      String comment = in.text("evaluationComment", 4000, false);
      in.check();
      assignments.evaluate((Long) task.getVariable(ASSIGNMENT_ID), (String) task.getVariable(RESPONDENT), ratings, comment);
      FormFields.clear(task, DIMENSIONS);
      FormFields.clear(task, "evaluationComment");
    }
  }
}
