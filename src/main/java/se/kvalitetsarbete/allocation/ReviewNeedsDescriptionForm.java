package se.kvalitetsarbete.allocation;

import static se.kvalitetsarbete.allocation.TermAllocationProcess.*;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.Texts;

/** Task_ReviewNeedsDescription: approve for the meeting, or send back with a comment. */
@Component
public class ReviewNeedsDescriptionForm implements TaskListener {

  private final NeedsDescriptions descriptions;
  private final Texts texts;

  public ReviewNeedsDescriptionForm(NeedsDescriptions descriptions, Texts texts) {
    this.descriptions = descriptions;
    this.texts = texts;
  }

  @Override
  public void notify(DelegateTask task) {
    Long id = (Long) task.getVariable(NEEDS_DESCRIPTION_ID);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      FormFields.show(task, "needsSummary", descriptions.summary(id));
      FormFields.prefillEmpty(task, "reviewOutcome", "reviewComment");
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    FormInput in = new FormInput(task, texts);
    boolean revise = "REVISE".equals(in.choice("reviewOutcome", Set.of("APPROVE", "REVISE"), true));
    String comment = in.text("reviewComment", 4000, revise);
    in.check();
    NeedsDescription description = descriptions.review(id, !revise, comment);
    FormFields.clear(task, "reviewOutcome", "reviewComment");
    DelegateExecution execution = task.getExecution();
    execution.setVariable(REVISION_REQUESTED, revise);
    if (!revise) {
      // The prioritisation table's inputs
      execution.setVariable("restsOnAnalysis", Boolean.TRUE.equals(description.getRestsOnAnalysis()));
      execution.setVariable("targetStage", description.getTargetStage());
      execution.setVariable("hadTeamRecently", description.getHadTeamRecently());
      execution.setVariable("teachersTookPart", description.teachersTookPart());
      execution.setVariable("ongoingDevelopment", Boolean.TRUE.equals(description.getOngoingDevelopment()));
    }
  }
}
