package se.kvalitetsarbete.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two nodes started at the same moment on one PostgreSQL database take turns through their
 * start-up work: Flyway's migrations of our tables, Camunda creating or checking its schema,
 * deploying the models, AccessSetup creating groups, users and authorizations, the demo data. Each
 * of these checks and then creates, which is safe for one node at a time only ("The user already
 * exists"; Flyway: "Unable to baseline schema history table … as it already exists, and is empty",
 * when it found the twin's history table made and not yet filled). The first node holds a
 * PostgreSQL advisory lock from its migrations (this is the application's Flyway migration strategy)
 * until its start-up listeners are done; the twin waits, then finds everything in place. H2 (one
 * node only) takes no lock.
 */
@Component
public class StartupLock extends AbstractProcessEnginePlugin implements FlywayMigrationStrategy {

  /** Any number that no other part of the application uses as an advisory lock key. */
  static final long KEY = 7_415_001L;
  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private final DataSource dataSource;
  private Connection held;

  public StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Before the migrations, which run before the engine is built. */
  @Override
  public void migrate(Flyway flyway) {
    acquire();
    flyway.migrate();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  synchronized void acquire() {
    if (held != null) {
      return;
    }
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      if (!call(connection, "select pg_try_advisory_lock(?)")) {
        LOG.info("Another node is starting on this database; waiting for it to finish its start-up work");
        call(connection, "select pg_advisory_lock(?) is null");
      }
      held = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the start-up lock", e);
    }
  }

  @EventListener(PostDeployEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  public void afterStartupWork() {
    release();
  }

  @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class})
  public void atTheLatest() {
    release();
  }

  synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held) {
      held = null;
      call(connection, "select pg_advisory_unlock(?)");
    } catch (SQLException e) {
      LOG.warn("Could not release the start-up lock; it ends with the connection", e);
    }
  }

  private static boolean call(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, KEY);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getBoolean(1);
      }
    }
  }
}
