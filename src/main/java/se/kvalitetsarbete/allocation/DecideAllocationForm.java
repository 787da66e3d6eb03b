package se.kvalitetsarbete.allocation;

import static se.kvalitetsarbete.allocation.TermAllocationProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import se.kvalitetsarbete.common.CurrentUser;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.allocation.AllocationDecision.Outcome;
import se.kvalitetsarbete.common.FormFields;
import se.kvalitetsarbete.common.FormInput;
import se.kvalitetsarbete.common.TaskForm;
import se.kvalitetsarbete.common.JsonVariables;
import se.kvalitetsarbete.common.Texts;

/** Task_DecideAllocation: the meeting's agenda in, its decisions out. */
@Component
public class DecideAllocationForm extends TaskForm {

  private final AllocationMeeting meeting;

  public DecideAllocationForm(AllocationMeeting meeting, Texts texts) {
    super(texts);
    this.meeting = meeting;
  }

  @Override
  protected void show(DelegateTask task) {
    Long roundId = (Long) task.getVariable(ROUND_ID);
    FormFields.show(task, "capacityText", meeting.capacityText(roundId));
    FormFields.show(task, "teamMemberOptions", JsonVariables.json(meeting.memberOptions()));
    FormFields.prefill(task, java.util.Map.of(DECISIONS, JsonVariables.json(meeting.decisionRows(roundId))));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    meeting.decide((Long) task.getVariable(ROUND_ID), read(in), CurrentUser.of(task));
    FormFields.clear(task, DECISIONS);
  }

  private List<DecisionInput> read(FormInput in) {
    List<DecisionInput> inputs = new ArrayList<>();
    int number = 0;
    for (JsonNode row : in.objects(DECISIONS)) {
      in.row(++number);
      BigDecimal id = in.number("needsDescriptionId", row.get("needsDescriptionId"), BigDecimal.ONE, BigDecimal.valueOf(Long.MAX_VALUE), true);
      Outcome outcome = null;
      JsonNode outcomeNode = row.get("outcome");
      if (outcomeNode != null && !outcomeNode.isNull() && !outcomeNode.asText().isBlank()) {
        try {
          outcome = Outcome.valueOf(outcomeNode.asText());
        } catch (IllegalArgumentException e) {
          in.problem("error.notAChoice", "outcome");
        }
      }
      List<String> members = new ArrayList<>();
      JsonNode memberNode = row.get("members");
      if (memberNode != null && memberNode.isArray()) {
        memberNode.forEach(m -> members.add(m.asText()));
      } else if (memberNode != null && memberNode.isTextual() && !memberNode.asText().isBlank()) {
        for (String m : memberNode.asText().split("\\s*,\\s*")) {
          members.add(m);
        }
      }
      BigDecimal days = in.number("daysPerWeek", row.get("daysPerWeek"), false);
      String motivationText = in.text("motivation", row.get("motivation"));
      if (id != null) {
        inputs.add(new DecisionInput(id.longValue(), outcome, members, days, motivationText));
      }
    }
    in.row(null);
    in.check();
    return inputs;
  }
}
