package se.kvalitetsarbete;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/** An empty PostgreSQL database of its own for an integration test (server: it.postgres.server). */
public final class FreshPostgres {

  static final String SERVER = System.getProperty("it.postgres.server", "jdbc:postgresql://127.0.0.1:5432/");

  private FreshPostgres() {}

  public static void use(DynamicPropertyRegistry registry, String database) throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
         Statement s = c.createStatement()) {
      s.execute("drop database if exists " + database + " with (force)");
      s.execute("create database " + database);
    }
    registry.add("spring.datasource.url", () -> SERVER + database);
  }
}
