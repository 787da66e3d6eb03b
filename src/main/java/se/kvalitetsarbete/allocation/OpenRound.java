package se.kvalitetsarbete.allocation;

import static se.kvalitetsarbete.allocation.TermAllocationProcess.*;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.Dates;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.organisation.Season;
import se.kvalitetsarbete.organisation.Term;

/** Task_OpenRound: the term is given by the coordinator, or the next one after today. */
@Component
public class OpenRound implements JavaDelegate {

  private final AllocationRounds rounds;
  private final Texts texts;

  public OpenRound(AllocationRounds rounds, Texts texts) {
    this.rounds = rounds;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate today = rounds.today();
    Term.Key term = execution.getVariable(TERM_SEASON) == null ? Term.nextAfter(today) : givenTerm(execution);
    LocalDate lastDay = lastDay(execution.getVariable(APPLICATION_DEADLINE), (String) execution.getVariable(APPLICATION_PERIOD), today);
    AllocationRound round = rounds.open(term, lastDay, execution.getProcessInstanceId());
    execution.setVariable(ROUND_ID, round.getId());
    execution.setProcessBusinessKey(round.getTerm().label());
    execution.setVariable(TERM_LABEL, round.getTerm().label());
    execution.setVariable(ROUND_DEADLINE, Dates.toDate(round.getDeadline()));
  }

  private Term.Key givenTerm(DelegateExecution execution) {
    Season season;
    int year;
    try {
      season = Season.valueOf(execution.getVariable(TERM_SEASON).toString().trim());
    } catch (IllegalArgumentException e) {
      throw texts.invalid("round.badSeason");
    }
    try {
      year = new java.math.BigDecimal(String.valueOf(execution.getVariable(TERM_YEAR)).trim()).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw texts.invalid("round.badYear");
    }
    if (year < 2020 || year > 2100) {
      throw texts.invalid("round.badYear");
    }
    return new Term.Key(season, year);
  }

  private LocalDate lastDay(Object given, String period, LocalDate today) {
    if (given == null || given.toString().isBlank()) {
      return today.plus(Period.parse(period));
    }
    if (given instanceof Date date) {
      return Dates.toLocal(date).toLocalDate();
    }
    String text = given.toString().trim();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw texts.invalid("round.badDeadline");
    }
  }
}
