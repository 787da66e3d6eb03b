package se.kvalitetsarbete.assignment;

import static se.kvalitetsarbete.assignment.AssignmentProcess.*;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.mail.TaskFacts;
import se.kvalitetsarbete.mail.TaskMailDescription;

/**
 * The mail about a follow-up conversation is its invitation: which of the assignment's follow-ups
 * it is (the second of three), how long after the closing, and when it was planned.
 */
@Component
public class FollowUpInvitation implements TaskMailDescription {

  private final Assignments assignments;
  private final Texts texts;

  public FollowUpInvitation(Assignments assignments, Texts texts) {
    this.assignments = assignments;
    this.texts = texts;
  }

  @Override
  public boolean describes(TaskFacts task) {
    return TASK_HOLD_FOLLOW_UP.equals(task.definitionKey()) && task.variable(FOLLOW_UP_ID) instanceof Long
        && task.variable(ASSIGNMENT_ID) instanceof Long;
  }

  @Override
  public Description describe(TaskFacts task) {
    Long followUpId = (Long) task.variable(FOLLOW_UP_ID);
    List<Long> all = assignments.followUpIds((Long) task.variable(ASSIGNMENT_ID));
    int number = all.indexOf(followUpId) + 1;
    CheckIn followUp = assignments.followUp(followUpId);
    LocalDate closed = followUp.getAssignment().getClosedAt().toLocalDate();
    String when = assignments.followUpAfterText(followUpId);
    return new Description(texts.get("mail.followUp.title", number, all.size(), when),
        texts.get("mail.followUp.text", number, all.size(), when, closed, followUp.getDueOn()));
  }
}
