package se.kvalitetsarbete.assignment;

import static se.kvalitetsarbete.assignment.AssignmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.calendar.SchoolCalendar;
import se.kvalitetsarbete.calendar.TermDates;
import se.kvalitetsarbete.common.Dates;
import se.kvalitetsarbete.organisation.Term;
import se.kvalitetsarbete.security.InstanceAccess;

/** Task_RegisterAssignment: the granted decision becomes an assignment with its participants and term. */
@Component
public class RegisterAssignment implements JavaDelegate {

  /** The term's last day ends at this hour. */
  static final int TERM_ENDS_AT_HOUR = 16;

  private final Assignments assignments;
  private final InstanceAccess access;
  private final SchoolCalendar calendar;

  public RegisterAssignment(Assignments assignments, InstanceAccess access, SchoolCalendar calendar) {
    this.assignments = assignments;
    this.access = access;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Assignment assignment = assignments.register((Long) execution.getVariable(DECISION_ID), execution.getProcessInstanceId());
    Term term = assignment.getDecision().getNeedsDescription().getRound().getTerm();
    execution.setVariable(ASSIGNMENT_ID, assignment.getId());
    execution.setProcessBusinessKey(assignments.unit(assignment.getId()).getName() + " – " + term.label());
    execution.setVariable(PARTICIPANTS, String.join(",", assignments.participants(assignment.getId())));
    execution.setVariable("unitName", assignments.unit(assignment.getId()).getName());
    execution.setVariable("termLabel", term.label());
    TermDates dates = calendar.term(term.key());
    execution.setVariable(TERM_START, Dates.toDate(dates.starts().atTime(SchoolCalendar.SCHOOL_DAY_BEGINS)));
    execution.setVariable(TERM_END, Dates.toDate(dates.ends().atTime(TERM_ENDS_AT_HOUR, 0)));
    access.grantRead(execution, assignments.participants(assignment.getId()));
  }
}
