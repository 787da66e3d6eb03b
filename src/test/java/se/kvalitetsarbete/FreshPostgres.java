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

  /** Creates {@code prefix_<random>} so that two runs on one server never share or drop each other's database. */
  public static void use(DynamicPropertyRegistry registry, String prefix) throws SQLException {
    String url = create(prefix);
    registry.add("spring.datasource.url", () -> url);
  }

  /** The JDBC URL of a new, empty database {@code prefix_<random>}. */
  public static String create(String prefix) throws SQLException {
    String database = prefix + "_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
         Statement s = c.createStatement()) {
      s.execute("drop database if exists " + database + " with (force)");
      s.execute("create database " + database);
    }
    return SERVER + database;
  }
}
