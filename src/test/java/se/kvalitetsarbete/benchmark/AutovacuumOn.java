package se.kvalitetsarbete.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL as in production while a benchmark runs: a server whose autovacuum is switched off
 * (this machine's, {@code conf.d/90-ci.conf}) never gathers statistics on tables that grow during a
 * run, so the planner keeps taking them for empty and picks plans no production server would (a
 * plan's variables read through the index of every variable without a task: 55 ms instead of 0.1
 * ms at 15,600 units). Switched on for the run ({@code ALTER SYSTEM}, reloaded) and back when done;
 * after a run that was killed, {@code alter system reset autovacuum} and {@code select pg_reload_conf()}
 * give the server its own setting back.
 */
final class AutovacuumOn implements AutoCloseable {

  private final String server;
  private final boolean switched;

  AutovacuumOn(String server) throws SQLException {
    this.server = server;
    try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", ""); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("show autovacuum")) {
      r.next();
      switched = !"on".equals(r.getString(1));
      if (switched) {
        s.execute("alter system set autovacuum = on");
        s.execute("select pg_reload_conf()");
      }
    }
  }

  /** What the benchmark prints about it. */
  String describe() {
    return switched ? "PostgreSQL's autovacuum was off on this server: on for the run (as in production), off again after"
        : "PostgreSQL's autovacuum is on (as in production)";
  }

  @Override
  public void close() throws SQLException {
    if (switched) {
      try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", ""); Statement s = c.createStatement()) {
        s.execute("alter system reset autovacuum");
        s.execute("select pg_reload_conf()");
      }
    }
  }
}
