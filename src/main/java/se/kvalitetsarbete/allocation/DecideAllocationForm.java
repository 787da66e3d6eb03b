package se.kvalitetsarbete.allocation;

import static se.kvalitetsarbete.allocation.TermAllocationProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import se.kvalitetsarbete.security.AsProcess;
import se.kvalitetsarbete.security.Roles;
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

  static final String MEETING_DATE = "meetingDate";
  static final String MEETING_ATTENDEES = "meetingAttendees";

  private final AllocationMeeting meeting;
  private final java.time.Clock clock;

  public DecideAllocationForm(AllocationMeeting meeting, Texts texts, java.time.Clock clock) {
    super(texts);
    this.meeting = meeting;
    this.clock = clock;
  }

  @Override
  protected void show(DelegateTask task) {
    Long roundId = (Long) task.getVariable(ROUND_ID);
    FormFields.show(task, "capacityText", () -> meeting.capacityText(roundId));
    FormFields.show(task, "teamMemberOptions", () -> JsonVariables.json(meeting.memberOptions()));
    FormFields.show(task, "rektorOptions", () -> JsonVariables.json(rektorer(task).stream()
        .map(u -> java.util.Map.of("label", CoWriting.name(u), "value", u.getId())).toList()));
    FormFields.prefill(task, java.util.Map.of(DECISIONS, JsonVariables.json(meeting.decisionRows(roundId)),
        MEETING_DATE, java.time.LocalDate.now(clock).toString(), MEETING_ATTENDEES, JsonVariables.json(List.of())));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    java.time.LocalDate date = in.date(MEETING_DATE, true);
    List<String> attendees = in.list(MEETING_ATTENDEES, true);
    java.util.Set<String> rektorIds = rektorer(task).stream().map(User::getId).collect(java.util.stream.Collectors.toSet());
    List<String> notRektorer = attendees.stream().filter(id -> !rektorIds.contains(id)).toList();
    if (!notRektorer.isEmpty()) {
      in.problem("meeting.notRektor", MEETING_ATTENDEES, String.join(", ", notRektorer));
    }
    meeting.decide((Long) task.getVariable(ROUND_ID), read(in), date, attendees, CurrentUser.of(task));
    FormFields.clear(task, DECISIONS, MEETING_DATE, MEETING_ATTENDEES);
  }

  /** Who may attend: the rektorer group, whoever fills in the form. */
  private static List<User> rektorer(DelegateTask task) {
    return AsProcess.call(() -> task.getProcessEngineServices().getIdentityService().createUserQuery()
        .memberOfGroup(Roles.REKTORER).orderByUserLastName().asc().list());
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
