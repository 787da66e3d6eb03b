package se.kvalitetsarbete.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.EveryUserTask;
import se.kvalitetsarbete.common.Dates;

/**
 * Every user task has a due date in Tasklist. A model may set its own ({@code camunda:dueDate},
 * e.g. the round's deadline for the needs description); every other task is due at 23:59 on the
 * school day that lies {@code kvalitet.calendar.task-due-school-days.<process id>} school days after
 * it was created (else {@code ….default}), so never in a lov or on a weekend. Added to every user
 * task when a model is parsed: no model needs to say it.
 */
@Component
public class TaskDueDates extends AbstractProcessEnginePlugin {

  public static final String SETTING = "kvalitet.calendar.task-due-school-days";
  static final int DEFAULT_SCHOOL_DAYS = 10;

  private final ObjectProvider<SchoolCalendar> calendar;
  private final Environment environment;
  private final Clock clock;
  private final Map<String, Integer> schoolDays = new ConcurrentHashMap<>();

  public TaskDueDates(ObjectProvider<SchoolCalendar> calendar, Environment environment, Clock clock) {
    this.calendar = calendar;
    this.environment = environment;
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.extend(configuration, (processKey, task) ->
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, new DefaultDueDate(processKey)));
  }

  /** How many school days a task of this process has when its model gives no due date. */
  public int schoolDaysFor(String processKey) {
    // Read once per process: looking a setting up through every property source took 1.6 % of the
    // job threads' time when a school year started its units' plans.
    return schoolDays.computeIfAbsent(processKey, key -> {
      Integer days = environment.getProperty(SETTING + "." + key, Integer.class);
      return days != null ? days : environment.getProperty(SETTING + ".default", Integer.class, DEFAULT_SCHOOL_DAYS);
    });
  }

  /** The due date of a task created today in this process. */
  public LocalDate dueFor(String processKey) {
    return calendar.getObject().schoolDaysAfter(LocalDate.now(clock), schoolDaysFor(processKey));
  }

  /** The create listener on every user task: keeps the model's due date, else gives the calendar's. */
  public final class DefaultDueDate implements TaskListener {

    private final String processKey;

    DefaultDueDate(String processKey) {
      this.processKey = processKey;
    }

    @Override
    public void notify(DelegateTask task) {
      if (task.getDueDate() == null) {
        task.setDueDate(Dates.toDate(Dates.deadlineOn(dueFor(processKey))));
      }
    }
  }
}
