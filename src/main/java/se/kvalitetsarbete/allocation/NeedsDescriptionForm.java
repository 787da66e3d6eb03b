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

  static final String TASK_ID = "Task_WriteNeedsDescription";

  static final String[] INPUTS = {"application", "needs", "basis", "restsOnAnalysis", "targetGroup", "targetStage",
      "needKind", "sharedArea", "wantedSupport", "wantedSpecialities", "teachersInvolved", "coWriters", "ongoingDevelopment", "wishedMembers",
      "wishedDaysPerWeek"};

  /** The rektor's choice: apply, not apply this term, or share the draft with the co-writers first. */
  static final String APPLY = "APPLY";
  static final String SHARE_DRAFT = "SHARE_DRAFT";


  private final NeedsDescriptionRepository repository;
  private final NeedsDescriptions descriptions;
  private final CoWriting coWriting;
  private final PrioritisationCriteria criteria;
  private final SharedAreasOfTheYear sharedAreas;

  public NeedsDescriptionForm(NeedsDescriptionRepository repository, NeedsDescriptions descriptions, CoWriting coWriting,
      PrioritisationCriteria criteria, SharedAreasOfTheYear sharedAreas, Texts texts) {
    super(texts);
    this.repository = repository;
    this.descriptions = descriptions;
    this.coWriting = coWriting;
    this.criteria = criteria;
    this.sharedAreas = sharedAreas;
  }

  @Override
  protected void show(DelegateTask task) {
    show(task, repository.findById((Long) task.getVariable(NEEDS_DESCRIPTION_ID)).orElseThrow());
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    Long id = (Long) task.getVariable(NEEDS_DESCRIPTION_ID);
    boolean sharing = SHARE_DRAFT.equals(in.choice("application"));
    NeedsInput input = read(in, sharing, repository.findById(id).orElseThrow());
    if (sharing) {
      descriptions.shareDraft(id, input);
    } else {
      descriptions.submit(id, input);
    }
    FormFields.clear(task, INPUTS);
    task.getExecution().setVariable(DRAFT_SHARED, sharing);
    task.getExecution().setVariable(APPLYING, input.applying());
  }

  private void show(DelegateTask task, NeedsDescription d) {
    FormFields.show(task, "roundDeadlineText", () -> Dates.show(d.getRound().getDeadline()));
    FormFields.show(task, "reviewComment", () -> d.getReviewComment());
    FormFields.show(task, "criteriaText", () -> criteria.markdown());
    FormFields.show(task, "sharedAreaOptions", () -> JsonVariables.json(sharedAreas.titlesFor(d.getUnit()).stream()
        .map(title -> Map.of("label", title, "value", title)).toList()));
    FormFields.show(task, "staffOptions", () -> JsonVariables.json(coWriting.staffOptions(d.getUnit())));
    FormFields.show(task, CoWritingController.DRAFT_COMMENTS, () -> coWriting.commentsText(d.getId()));
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("application", d.getStatus() == NeedsDescription.Status.REVISION ? APPLY : null);
    inputs.put("needs", d.getNeeds());
    inputs.put("basis", d.getBasis());
    inputs.put("restsOnAnalysis", Boolean.TRUE.equals(d.getRestsOnAnalysis()));
    inputs.put("targetGroup", d.getTargetGroup());
    inputs.put("targetStage", d.getTargetStage());
    inputs.put("needKind", d.getNeedKind());
    inputs.put("sharedArea", d.getSharedArea());
    inputs.put("wantedSupport", JsonVariables.json(csv(d.getWantedSupport())));
    inputs.put("wantedSpecialities", JsonVariables.json(csv(d.getWantedSpecialities())));
    inputs.put("teachersInvolved", d.getTeachersInvolved());
    inputs.put("coWriters", JsonVariables.json(d.coWriterIds()));
    inputs.put("ongoingDevelopment", Boolean.TRUE.equals(d.getOngoingDevelopment()));
    inputs.put("wishedMembers", d.getWishedMembers());
    inputs.put("wishedDaysPerWeek", d.getWishedDays() == null ? null : d.getWishedDays().doubleValue());
    FormFields.prefill(task, inputs);
  }

  /** A shared draft keeps what is written so far; an application must be complete. */
  private NeedsInput read(FormInput in, boolean sharing, NeedsDescription d) {
    boolean applying = APPLY.equals(in.choice("application"));
    if (!applying && !sharing) {
      in.check();
      return new NeedsInput(false, null, null, false, null, null, null, null, List.of(), List.of(), null, List.of(), false, null, null);
    }
    // Required only when applying (the form hides them when declining). Not "required" in the form:
    // form-js 1.8.7 keeps a hidden field's error, and Tasklist then keeps "Slutför" disabled.
    List<String> coWriters = in.list("coWriters", sharing);
    List<String> notStaff = coWriting.notStaffOf(d.getUnit(), coWriters);
    if (!notStaff.isEmpty()) {
      in.problem("cowriting.notStaff", "coWriters", String.join(", ", notStaff), d.getUnit().getName());
    }
    String sharedArea = in.text("sharedArea");
    if (sharedArea != null && !sharedAreas.titlesFor(d.getUnit()).contains(sharedArea)) {
      in.problem("error.notAChoice", "sharedArea");
    }
    NeedsInput input = new NeedsInput(applying,
        in.text("needs", applying),
        in.text("basis", applying),
        in.bool("restsOnAnalysis"),
        in.text("targetGroup", applying),
        in.choice("targetStage", applying),
        in.choice("needKind", applying),
        sharedArea,
        in.list("wantedSupport", applying),
        in.list("wantedSpecialities", false),
        in.text("teachersInvolved"),
        coWriters,
        in.bool("ongoingDevelopment"),
        in.integer("wishedMembers", applying),
        in.number("wishedDaysPerWeek", applying));
    in.check();
    return input;
  }

  private static List<String> csv(String value) {
    return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(","));
  }
}
