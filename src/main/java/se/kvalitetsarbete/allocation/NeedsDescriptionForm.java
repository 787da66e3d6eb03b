package se.kvalitetsarbete.allocation;

import static se.kvalitetsarbete.allocation.TermAllocationProcess.*;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.Dates;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.JsonVariables;
import se.kvalitetsarbete.common.Texts;

/**
 * Task_WriteNeedsDescription. On create the form gets the description as it stands (task-local
 * variables, so what is submitted stays with the task); on complete the input is checked and stored.
 */
@Component
public class NeedsDescriptionForm extends TaskForm {

  static final String[] INPUTS = {"application", "needs", "basis", "restsOnAnalysis", "targetGroup", "targetStage",
      "wantedSupport", "wantedSpecialities", "teachersInvolved", "ongoingDevelopment", "wishedMembers", "wishedDaysPerWeek"};


  private final NeedsDescriptionRepository repository;
  private final NeedsDescriptions descriptions;

  public NeedsDescriptionForm(NeedsDescriptionRepository repository, NeedsDescriptions descriptions, Texts texts) {
    super(texts);
    this.repository = repository;
    this.descriptions = descriptions;
  }

  @Override
  protected void show(DelegateTask task) {
    show(task, repository.findById((Long) task.getVariable(NEEDS_DESCRIPTION_ID)).orElseThrow());
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    NeedsInput input = read(in);
    descriptions.submit((Long) task.getVariable(NEEDS_DESCRIPTION_ID), input);
    FormFields.clear(task, INPUTS);
    task.getExecution().setVariable(APPLYING, input.applying());
  }

  private void show(DelegateTask task, NeedsDescription d) {
    FormFields.show(task, "roundDeadlineText", Dates.show(d.getRound().getDeadline()));
    FormFields.show(task, "reviewComment", d.getReviewComment());
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("application", d.getStatus() == NeedsDescription.Status.REVISION ? "APPLY" : null);
    inputs.put("needs", d.getNeeds());
    inputs.put("basis", d.getBasis());
    inputs.put("restsOnAnalysis", Boolean.TRUE.equals(d.getRestsOnAnalysis()));
    inputs.put("targetGroup", d.getTargetGroup());
    inputs.put("targetStage", d.getTargetStage());
    inputs.put("wantedSupport", JsonVariables.json(csv(d.getWantedSupport())));
    inputs.put("wantedSpecialities", JsonVariables.json(csv(d.getWantedSpecialities())));
    inputs.put("teachersInvolved", d.getTeachersInvolved());
    inputs.put("ongoingDevelopment", Boolean.TRUE.equals(d.getOngoingDevelopment()));
    inputs.put("wishedMembers", d.getWishedMembers());
    inputs.put("wishedDaysPerWeek", d.getWishedDays() == null ? null : d.getWishedDays().doubleValue());
    FormFields.prefill(task, inputs);
  }

  private NeedsInput read(FormInput in) {
    boolean applying = "APPLY".equals(in.choice("application"));
    if (!applying) {
      in.check();
      return new NeedsInput(false, null, null, false, null, null, List.of(), List.of(), null, false, null, null);
    }
    // Required only when applying (the form hides them when declining). Not "required" in the form:
    // form-js 1.8.7 keeps a hidden field's error, and Tasklist then keeps "Slutför" disabled.
    NeedsInput input = new NeedsInput(true,
        in.text("needs", true),
        in.text("basis", true),
        in.bool("restsOnAnalysis"),
        in.text("targetGroup", true),
        in.choice("targetStage", true),
        in.list("wantedSupport", true),
        in.list("wantedSpecialities", false),
        in.text("teachersInvolved"),
        in.bool("ongoingDevelopment"),
        in.integer("wishedMembers", true),
        in.number("wishedDaysPerWeek", true));
    in.check();
    return input;
  }

  private static List<String> csv(String value) {
    return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(","));
  }
}
