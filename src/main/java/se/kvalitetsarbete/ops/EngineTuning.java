package se.kvalitetsarbete.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import se.kvalitetsarbete.common.CommandChains;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the engine does on every task that costs more than it gives here (measured in
 * docs/benchmarks.md), with every authorization check and audit record kept:
 * <ul>
 * <li><b>History without details</b> ({@value #HISTORY_LEVEL_NAME}, set in application.yaml): all
 * of level full (who did what and when, the operation log Tasklist shows, decisions of the DMN,
 * job log) except the detail rows of every variable change and form field (ACT_HI_DETAIL), about
 * 30 inserts per task; our own records keep what was submitted. A database created with level full
 * is switched to it (and back, if full is configured again).</li>
 * <li><b>Authorization checks without the group scan</b>: Camunda narrows a person's groups to those
 * that have any authorization, by reading all distinct group ids of ACT_RU_AUTHORIZATION in every
 * command; a group without authorizations matches no row anyway, so the person's groups are used
 * as they are (the result of every check is the same).</li>
 * <li><b>An index for the revoke check</b>: before each command's checks Camunda asks whether any
 * revoke (DENY) authorization exists for the person, on a column without an index, which read the
 * whole table.</li>
 * <li><b>A person's right to work on a task is checked once per command</b>: a submission is
 * checked before its form's glue runs ({@code FormValues}) and again by the engine's own command;
 * the second asks the same of the same database in the same transaction. Only a granted check is
 * remembered, for that person with those groups and that task, and only while checks are on.</li>
 * <li><b>Statistics on the permission bits</b> (PostgreSQL only): every authorized query joins the
 * person's authorizations filtered by {@code PERMS_ & 2 = 2} (read a task) or {@code & 64} (read the
 * tasks of a process definition). Without statistics on these expressions PostgreSQL takes them
 * for 0.5 % of the rows and, for a group with one authorization per task, chose a nested loop over
 * every pair: the count of a group's 5,000 tasks took 5 s, of 15,000 tasks 50 s; with them 0.3
 * and 0.5 s (docs/benchmarks.md). H2 has no such statistics and plans these joins by index anyway.</li>
 * <li><b>Due jobs found by an index</b>: every job has a due date ({@code ensureJobDueDateNotNull}
 * in application.yaml), so the job executor's question "which jobs are due" is answered by an index
 * on the due date instead of a full scan of the job table at every acquisition; the table holds two
 * timers per unit plan (31,000 in a country), which made every job slower as a school year started.
 * Jobs of an older database that have no due date get the time of the start, so that they still run.</li>
 * <li><b>FEEL parsed once per expression</b> ({@link ParsedFeelExpressions}), not at every evaluation
 * of a decision table.</li>
 * </ul>
 */
@Component
public class EngineTuning extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineTuning.class);

  public static final String HISTORY_LEVEL_NAME = "full-without-details";

  /** Level full, without the history of every single variable and form field change. */
  public static final HistoryLevel FULL_WITHOUT_DETAILS = new AbstractHistoryLevel() {
    @Override
    public int getId() {
      return 43;
    }

    @Override
    public String getName() {
      return HISTORY_LEVEL_NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL && eventType != HistoryEventTypes.FORM_PROPERTY_UPDATE;
    }
  };

  /** An extra index on one of the engine's tables. */
  record Index(String name, String table, String columns) {}

  static final List<Index> INDEXES = List.of(new Index("KV_IDX_AUTH_TYPE", "ACT_RU_AUTHORIZATION", "TYPE_"),
      new Index("KV_IDX_JOB_DUEDATE", "ACT_RU_JOB", "DUEDATE_"));

  /** Statistics on the permission bits that Tasklist's queries test (task READ, process definition READ_TASK). */
  static final String AUTH_PERMS_STATISTICS = "kv_stat_auth_perms";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
    levels.add(FULL_WITHOUT_DETAILS);
    configuration.setCustomHistoryLevels(levels);

    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new AllGroupsAuthorizationManager();
      }
    });
    configuration.setCustomSessionFactories(factories);

    CommandChains.addInside(configuration, new TaskListsPlannedWithTheirValues(), false);
    ParsedFeelExpressions.install(configuration);
  }

  /** Before the engine compares its history level with the database's: full and ours may replace each other. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getCommandCheckers().replaceAll(checker ->
        checker.getClass() == AuthorizationCommandChecker.class ? new TaskWorkCheckedOnce() : checker);
    HistoryLevel configured = configuration.getHistoryLevel();
    if (configured == null || !Set.of(3, FULL_WITHOUT_DETAILS.getId()).contains(configured.getId())) {
      return;
    }
    try (Connection connection = configuration.getDataSource().getConnection()) {
      if (!hasTable(connection, "ACT_GE_PROPERTY")) {
        return; // a new database: the engine creates its tables, with the configured level
      }
      connection.setAutoCommit(true);
      try (PreparedStatement update = connection.prepareStatement(
          "update ACT_GE_PROPERTY set VALUE_ = ?, REV_ = REV_ + 1 where NAME_ = 'historyLevel' and VALUE_ in ('3', '43') and VALUE_ <> ?")) {
        String id = Integer.toString(configured.getId());
        update.setString(1, id);
        update.setString(2, id);
        if (update.executeUpdate() > 0) {
          LOG.info("Historiknivån i databasen ändrad till {} ({})", configured.getName(), id);
        }
      }
    } catch (SQLException e) {
      LOG.warn("Historiknivån i databasen kunde inte läsas: {}", e.getMessage());
    }
  }

  private static boolean hasTable(Connection connection, String table) throws SQLException {
    for (String name : List.of(table, table.toLowerCase(java.util.Locale.ROOT))) {
      try (var tables = connection.getMetaData().getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    for (Index index : INDEXES) {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        connection.setAutoCommit(true);
        statement.execute("create index if not exists " + index.name() + " on " + index.table() + " (" + index.columns() + ")");
      } catch (SQLException e) {
        LOG.warn("Index {} kunde inte skapas: {}", index.name(), e.getMessage());
      }
    }
    if (engine.getProcessEngineConfiguration().isEnsureJobDueDateNotNull()) {
      giveJobsADueDate(dataSource);
    }
    if ("postgres".equals(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType())) {
      ensureAuthorizationStatistics(dataSource);
    }
  }

  /** Jobs made before every job got a due date would never be acquired: they are due now. */
  static void giveJobsADueDate(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement("update ACT_RU_JOB set DUEDATE_ = ? where DUEDATE_ is null")) {
      connection.setAutoCommit(true);
      update.setTimestamp(1, new Timestamp(ClockUtil.getCurrentTime().getTime()));
      int updated = update.executeUpdate();
      if (updated > 0) {
        LOG.info("{} jobb utan förfallotid får starttiden som förfallotid", updated);
      }
    } catch (SQLException e) {
      LOG.warn("Jobb utan förfallotid kunde inte få en: {}", e.getMessage());
    }
  }

  /** Created once, then gathered at once (not at the next autovacuum) so that the first queries already use them. */
  private static void ensureAuthorizationStatistics(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      try (var existing = statement.executeQuery("select 1 from pg_statistic_ext where stxname = '" + AUTH_PERMS_STATISTICS + "'")) {
        if (existing.next()) {
          return;
        }
      }
      statement.execute("create statistics if not exists " + AUTH_PERMS_STATISTICS
          + " on (PERMS_ & 2), (PERMS_ & 64) from ACT_RU_AUTHORIZATION");
      statement.execute("analyze ACT_RU_AUTHORIZATION");
    } catch (SQLException e) {
      LOG.warn("Statistiken {} kunde inte skapas: {}", AUTH_PERMS_STATISTICS, e.getMessage());
    }
  }

  /**
   * Camunda's authorization manager (one per command), checking with all of a person's groups
   * instead of reading which groups have authorizations, and remembering granted task work.
   */
  static final class AllGroupsAuthorizationManager extends AuthorizationManager {

    private final Set<String> taskWorkGranted = new HashSet<>();

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
    }

    /** Whether the current person was already granted work on the task in this command. */
    boolean taskWorkGranted(String taskId) {
      return isAuthCheckExecuted() && taskWorkGranted.contains(key(taskId));
    }

    void grantedTaskWork(String taskId) {
      if (isAuthCheckExecuted()) {
        taskWorkGranted.add(key(taskId));
      }
    }

    private String key(String taskId) {
      Authentication person = getCurrentAuthentication();
      return person.getUserId() + '\n' + person.getGroupIds() + '\n' + person.getTenantIds() + '\n' + taskId;
    }
  }

  /**
   * On PostgreSQL, Tasklist's lists and counts (a filter's, or a task query's) are planned with
   * their values in their own transaction ({@code SET LOCAL plan_cache_mode}): after a few runs of a
   * prepared statement PostgreSQL may keep one generic plan for all values, which cannot use the
   * statistics on the permission bits, and a group's task count took 5-50 s instead of 0.3-0.5 s at
   * 100,000 open tasks. Only these commands: planning every statement of every command so cost
   * about 12 ms of the database's CPU per completed task (docs/benchmarks.md).
   */
  static final class TaskListsPlannedWithTheirValues extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (isTaskList(command) && "postgres".equals(Context.getProcessEngineConfiguration().getDatabaseType())) {
        try (Statement statement = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection().createStatement()) {
          statement.execute("set local plan_cache_mode = force_custom_plan");
        } catch (SQLException e) {
          LOG.warn("Planering med värden kunde inte slås på: {}", e.getMessage());
        }
      }
      return next.execute(command);
    }

    static boolean isTaskList(Command<?> command) {
      return command instanceof TaskQueryImpl || command instanceof ExecuteFilterCountCmd
          || command instanceof ExecuteFilterListCmd || command instanceof ExecuteFilterListPageCmd;
    }
  }

  /** Camunda's checks, asking the database once per command whether a person may work on a task. */
  static final class TaskWorkCheckedOnce extends AuthorizationCommandChecker {
    @Override
    public void checkTaskWork(TaskEntity task) {
      if (!(Context.getCommandContext().getAuthorizationManager() instanceof AllGroupsAuthorizationManager manager)) {
        super.checkTaskWork(task);
        return;
      }
      if (!manager.taskWorkGranted(task.getId())) {
        super.checkTaskWork(task);
        manager.grantedTaskWork(task.getId());
      }
    }
  }
}
