package se.kvalitetsarbete.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** SQL statements per completed task from pg_stat_statements, where the server has it loaded. */
final class Statements {

  static void reset(String server) {
    try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", ""); Statement s = c.createStatement()) {
      s.execute("select pg_stat_statements_reset()");
    } catch (Exception e) {
      System.out.println("BENCHMARK pg_stat_statements not available: " + e.getMessage());
    }
  }

  static void report(String server, String database, int tasks) {
    try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", ""); Statement s = c.createStatement()) {
      ResultSet total = s.executeQuery("select sum(calls), sum(rows), sum(total_exec_time) from pg_stat_statements p join pg_database d on d.oid = p.dbid"
          + " where d.datname = '" + database + "'");
      total.next();
      System.out.printf("BENCHMARK SQL per completed task: %.1f statements, %.1f rows, %.2f ms database time%n",
          total.getDouble(1) / tasks, total.getDouble(2) / tasks, total.getDouble(3) / tasks);
      ResultSet top = s.executeQuery("select calls, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 160)"
          + " from pg_stat_statements p join pg_database d on d.oid = p.dbid where d.datname = '" + database + "'"
          + " order by calls desc limit 60");
      while (top.next()) {
        System.out.printf("BENCHMARK   %6.2f/task %7.3f ms/task  %s%n", top.getDouble(1) / tasks, top.getDouble(2) / tasks, top.getString(3));
      }
    } catch (Exception e) {
      System.out.println("BENCHMARK pg_stat_statements not available: " + e.getMessage());
    }
  }

  private Statements() {}
}
