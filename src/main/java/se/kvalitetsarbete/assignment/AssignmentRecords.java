package se.kvalitetsarbete.assignment;

import se.kvalitetsarbete.security.ModelGlue;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.Dates;

/** What the Assignment model asks of the records (multi-instance collections, timer dates, gateways). */
@Component
public class AssignmentRecords {

  /** Follow-up conversations fall due in the morning of their day. */
  private static final LocalTime FOLLOW_UP_TIME = LocalTime.of(8, 0);

  private final Assignments assignments;

  public AssignmentRecords(Assignments assignments) {
    this.assignments = assignments;
  }

  /** Who answers the end evaluation, each their own task: rektor, team members, the carrier, the teachers named at kick-off. */
  @ModelGlue
  public List<String> respondentsOf(Long assignmentId) {
    return assignments.respondents(assignmentId);
  }

  @ModelGlue
  public List<Long> followUpIds(Long assignmentId) {
    return assignments.followUpIds(assignmentId);
  }

  @ModelGlue
  public Date followUpDue(Long followUpId) {
    return Dates.toDate(assignments.followUp(followUpId).getDueOn().atTime(FOLLOW_UP_TIME));
  }

  @ModelGlue
  public boolean moreSupportNeeded(Long followUpId) {
    return assignments.followUp(followUpId).isMoreSupportNeeded();
  }
}
