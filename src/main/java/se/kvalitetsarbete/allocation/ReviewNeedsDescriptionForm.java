package se.kvalitetsarbete.allocation;

import static se.kvalitetsarbete.allocation.TermAllocationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.Texts;

/** Task_ReviewNeedsDescription: approve for the meeting, or send back with a comment. */
@Component
public class ReviewNeedsDescriptionForm extends TaskForm {

  private final NeedsDescriptions descriptions;

  public ReviewNeedsDescriptionForm(NeedsDescriptions descriptions, Texts texts) {
    super(texts);
    this.descriptions = descriptions;
  }

  @Override
  protected void show(DelegateTask task) {
    FormFields.show(task, "needsSummary", () -> descriptions.summary((Long) task.getVariable(NEEDS_DESCRIPTION_ID)));
    FormFields.prefillEmpty(task, "reviewOutcome", "analysisConfirmed", "reviewComment");
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    boolean revise = "REVISE".equals(in.choice("reviewOutcome"));
    String comment = in.text("reviewComment", revise);
    String analysis = in.choice("analysisConfirmed", !revise);
    in.check();
    Boolean confirmed = analysis == null ? null : "CONFIRMED".equals(analysis);
    NeedsDescription description = descriptions.review((Long) task.getVariable(NEEDS_DESCRIPTION_ID), !revise, confirmed, comment);
    FormFields.clear(task, "reviewOutcome", "analysisConfirmed", "reviewComment");
    DelegateExecution execution = task.getExecution();
    execution.setVariable(REVISION_REQUESTED, revise);
    if (!revise) {
      // The prioritisation table's inputs: the coordinator's word on the analysis, not the rektor's tick
      execution.setVariable("restsOnAnalysis", Boolean.TRUE.equals(confirmed));
      execution.setVariable("needKind", description.getNeedKind());
      execution.setVariable("concernsSharedArea", description.getSharedArea() != null);
      execution.setVariable("targetStage", description.getTargetStage());
      execution.setVariable("hadTeamRecently", description.getHadTeamRecently());
      execution.setVariable("teachersTookPart", description.teachersTookPart());
      execution.setVariable("ongoingDevelopment", Boolean.TRUE.equals(description.getOngoingDevelopment()));
    }
  }
}
