package se.kvalitetsarbete.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import jakarta.persistence.EntityManager;

/**
 * The record decides, not the variable: before any user task's own listeners run, on creation and
 * on completion, every record id the task's process runs on must point to a record of this
 * process (its own instance or the instance that called it). A variable switched to another
 * unit's needs description, plan, round, assignment or follow-up stops the task with nothing
 * written, whatever route set it. Added by the engine to every user task of every model, so a
 * coordinator's new model has it too.
 */
public class RecordOwnership extends AbstractBpmnParseListener implements TaskListener {

  /** Variable → SQL giving the process instances that own the record with that id. */
  private static final Map<String, List<String>> OWNER = new LinkedHashMap<>();

  private static final String ROUND_OF_DECISION = "select r.process_instance_id from allocation_round r"
      + " join needs_description n on n.round_id = r.id join allocation_decision d on d.needs_description_id = n.id";

  static {
    OWNER.put("needsDescriptionId", List.of("select process_instance_id from needs_description where id = ?"));
    OWNER.put("qualityPlanId", List.of("select process_instance_id from quality_plan where id = ?"));
    OWNER.put("regionalExchangeId", List.of("select process_instance_id from regional_exchange where id = ?"));
    OWNER.put("decisionId", List.of(ROUND_OF_DECISION + " where d.id = ?",
        "select process_instance_id from assignment where decision_id = ?"));
    OWNER.put("assignmentId", List.of("select process_instance_id from assignment where id = ?",
        ROUND_OF_DECISION + " join assignment a on a.decision_id = d.id where a.id = ?"));
    OWNER.put("followUpId", List.of("select a.process_instance_id from assignment a join check_in c on c.assignment_id = a.id where c.id = ?",
        ROUND_OF_DECISION + " join assignment a on a.decision_id = d.id join check_in c on c.assignment_id = a.id where c.id = ?"));
  }

  /** Ids that may also be reached through a record this process owns (a round through its needs description). */
  private static final Map<String, List<String>> ALSO_THROUGH = Map.of(
      "roundId", List.of("select process_instance_id from allocation_round where id = ?",
          "select process_instance_id from needs_description where round_id = ?"),
      "schoolYearId", List.of("select process_instance_id from school_year where id = ?",
          "select process_instance_id from quality_plan where school_year_id = ?"),
      "unitId", List.of("select process_instance_id from needs_description where unit_id = ?",
          "select process_instance_id from quality_plan where unit_id = ?"),
      "staffTeamId", List.of("select p.process_instance_id from quality_plan p join staff_team t on t.unit_id = p.unit_id where t.id = ?"));

  /** The tables of the application's records, each with the process instance that owns its rows. */
  private static final List<String> ANCHOR_TABLES = List.of("needs_description", "quality_plan", "allocation_round", "school_year",
      "assignment", "regional_exchange");
  /** One question for all of them, asked before the first glue step of every new process. */
  private static final String OWNS_A_RECORD = ANCHOR_TABLES.stream()
      .map(table -> "select process_instance_id from " + table + " where process_instance_id in (?1)")
      .collect(Collectors.joining(" union all "));

  /** Records found to belong to a process ("variable=id@instance"), and processes found to own a record: facts that never become false. */
  private static final int MOST_REMEMBERED = 100_000;
  private final Map<String, Boolean> knownOwners = new ConcurrentHashMap<>();
  private final Map<String, Boolean> anchored = new ConcurrentHashMap<>();

  /** JPA's, so that records written earlier in the same transaction are flushed before they are read. */
  private final EntityManager database;

  public RecordOwnership(EntityManager database) {
    this.database = database;
  }

  /** 403: the task and the record belong to different processes. */
  static final class NotOwned extends AuthorizationException implements se.kvalitetsarbete.common.ClientError {
    NotOwned(String message) {
      super(message);
    }
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
      userTask.getTaskDefinition().addBuiltInTaskListener(EVENTNAME_CREATE, this);
      userTask.getTaskDefinition().addBuiltInTaskListener(EVENTNAME_COMPLETE, this);
    }
  }

  /**
   * Service and business rule tasks (the glue that writes records) check the records' own ids before
   * they run, once their process owns a record (the glue that creates the first one has none to judge by).
   */
  @Override
  public void parseServiceTask(Element serviceTaskElement, ScopeImpl scope, ActivityImpl activity) {
    activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, beforeGlue);
  }

  @Override
  public void parseBusinessRuleTask(Element businessRuleTaskElement, ScopeImpl scope, ActivityImpl activity) {
    activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, beforeGlue);
  }

  private final ExecutionListener beforeGlue = execution -> {
    if (execution instanceof ExecutionEntity entity) {
      check(execution, entity, false);
    }
  };

  @Override
  public void notify(DelegateTask task) {
    if (task.getExecution() instanceof ExecutionEntity execution) {
      check(task, execution, true);
    }
  }

  /**
   * Every record id in scope must belong to this process or one that called it; with {@code linked}
   * (a user task), also the round, school year and unit, through a record this process owns. Before
   * glue, only once the process owns a record: the glue that creates the first one has none to
   * judge by (asked only when an id does not match, since a matching id shows that it owns one).
   */
  private void check(VariableScope scope, ExecutionEntity execution, boolean linked) {
    List<String> mine = processes(execution);
    List<String> wrong = new ArrayList<>();
    OWNER.forEach((variable, queries) -> {
      Object id = scope.getVariable(variable);
      if (id != null && !ownedByOneOf(variable, queries, id, mine)) {
        wrong.add(variable);
      }
    });
    if (linked) {
      ALSO_THROUGH.forEach((variable, queries) -> {
        Object id = scope.getVariable(variable);
        if (id != null && !ownedByOneOf(variable, queries, id, mine) && hasAnchor(mine)) {
          wrong.add(variable);
        }
      });
    }
    if (!wrong.isEmpty() && (linked || hasAnchor(mine))) {
      throw new NotOwned("Uppgiften hör inte till de uppgifter som " + String.join(", ", wrong)
          + " pekar på. Inget sparades.");
    }
  }

  /**
   * Whether one of these processes owns the record. What was found once stays true (a record's
   * process is set once and never moved; ids are never reused), so a remembered owner answers
   * without a query; anything else is asked of the database, for these processes only: a school
   * year or a round has as many owners as it has units, and they are not read.
   */
  private boolean ownedByOneOf(String variable, List<String> queries, Object id, List<String> mine) {
    long value;
    try {
      value = Long.parseLong(String.valueOf(id).trim());
    } catch (NumberFormatException e) {
      return false;
    }
    String key = variable + '=' + value + '@';
    if (mine.stream().anyMatch(instance -> knownOwners.containsKey(key + instance))) {
      return true;
    }
    String owner = ownerAmong(String.join(" union all ", queries), value, mine);
    if (owner == null) {
      return false;
    }
    remember(knownOwners, key + owner, Boolean.TRUE);
    remember(anchored, owner, Boolean.TRUE);
    return true;
  }

  /** Whether this process owns any record at all (a process of the application, not a coordinator's own test model). */
  private boolean hasAnchor(List<String> mine) {
    if (mine.stream().anyMatch(anchored::containsKey)) {
      return true;
    }
    List<?> found = database.createNativeQuery(OWNS_A_RECORD).setParameter(1, mine).setMaxResults(1).getResultList();
    if (found.isEmpty()) {
      return false;
    }
    remember(anchored, String.valueOf(found.get(0)), Boolean.TRUE);
    return true;
  }

  private static <V> void remember(Map<String, V> memory, String key, V value) {
    if (memory.size() >= MOST_REMEMBERED) {
      memory.clear();
    }
    memory.put(key, value);
  }

  /** The one of {@code mine} that owns the record with this id by one of these queries (joined by union), or null. */
  private String ownerAmong(String queries, long id, List<String> mine) {
    List<?> found = database.createNativeQuery("select o.process_instance_id from (" + queries.replace("?", "?1")
            + ") o where o.process_instance_id in (?2)")
        .setParameter(1, id).setParameter(2, mine).setMaxResults(1).getResultList();
    return found.isEmpty() ? null : String.valueOf(found.get(0));
  }

  /** This process instance and those that called it. */
  private static List<String> processes(ExecutionEntity execution) {
    List<String> instances = new ArrayList<>();
    for (ExecutionEntity instance = execution.getProcessInstance(); instance != null;
         instance = instance.getSuperExecution() == null ? null : instance.getSuperExecution().getProcessInstance()) {
      instances.add(instance.getProcessInstanceId());
    }
    return instances;
  }
}
