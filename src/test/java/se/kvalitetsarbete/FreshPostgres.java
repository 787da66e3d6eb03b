package se.kvalitetsarbete;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An empty PostgreSQL database of its own for each integration test class.
 *
 * <p>The server is the one given as a JDBC URL prefix ending in {@code /} (system property
 * {@value #SERVER_PROPERTY}, else environment variable {@value #SERVER_VARIABLE}, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/}, user {@code postgres} without a password); without
 * one, a PostgreSQL of the test JVM's own (binaries from the Maven repository), started at the
 * first call on a free port, shared by all test classes and stopped when the JVM ends, its files
 * under {@code target/embedded-postgres}. Databases made on a given server are dropped when the
 * JVM ends; their random suffix keeps parallel runs on one server apart.
 */
public final class FreshPostgres {

  public static final String SERVER_PROPERTY = "it.postgres.server";
  public static final String SERVER_VARIABLE = "KVALITET_TEST_POSTGRES";

  private static final Logger LOG = LoggerFactory.getLogger(FreshPostgres.class);
  private static final Path EMBEDDED_FILES = Path.of("target", "embedded-postgres").toAbsolutePath();

  private static String server;
  private static final List<String> created = new ArrayList<>();

  private FreshPostgres() {}

  /** Creates {@code prefix_<random>} and points {@code spring.datasource.url} at it. */
  public static void use(DynamicPropertyRegistry registry, String prefix) throws SQLException {
    String url = create(prefix);
    registry.add("spring.datasource.url", () -> url);
  }

  /** Creates {@code prefix_<random>} and answers its JDBC URL. */
  public static synchronized String create(String prefix) throws SQLException {
    String database = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
      s.execute("create database " + database);
    }
    created.add(database);
    return server() + database;
  }

  /** Connects as {@code postgres} to a database on the tests' server. */
  public static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(server() + database, "postgres", "");
  }

  /** The tests' server as a JDBC URL prefix: the given one, or the embedded one, started now if need be. */
  public static synchronized String server() {
    if (server == null) {
      String given = System.getProperty(SERVER_PROPERTY, System.getenv(SERVER_VARIABLE));
      if (given != null && !given.isBlank()) {
        server = given.endsWith("/") ? given : given + "/";
        LOG.info("Test databases on the given PostgreSQL server {}", server);
        Runtime.getRuntime().addShutdownHook(new Thread(FreshPostgres::dropCreated, "fresh-postgres-cleanup"));
      } else {
        server = startEmbedded();
      }
    }
    return server;
  }

  // PostgreSQL refuses to run as root; as root, zonky runs initdb and pg_ctl in a user namespace
  // (`unshare -U`, where the kernel allows it), in which they are an unprivileged user.
  private static String startEmbedded() {
    try {
      Files.createDirectories(EMBEDDED_FILES);
      // Binaries, stale data directories and zonky's own files stay under target/, not in the temp folder.
      if (System.getProperty("ot.epg.working-dir") == null) {
        System.setProperty("ot.epg.working-dir", EMBEDDED_FILES.toString());
      }
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setOverrideWorkingDirectory(EMBEDDED_FILES.toFile())
          .setDataDirectory(EMBEDDED_FILES.resolve("data-" + UUID.randomUUID()))
          .setCleanDataDirectory(true)
          // Only TCP on a free port: no socket files in the temp folder.
          .setServerConfig("unix_socket_directories", "")
          .setRegisterShutdownHook(true)
          .start();
      String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
      LOG.info("Test databases on an embedded PostgreSQL, {}", url);
      return url;
    } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
      throw new IllegalStateException("Could not start an embedded PostgreSQL for the tests. As root this needs "
          + "user namespaces (`unshare -U id` must work); otherwise run the tests as another user, or give a server: "
          + "-D" + SERVER_PROPERTY + "=jdbc:postgresql://127.0.0.1:5432/ (or " + SERVER_VARIABLE + ")", e);
    }
  }

  private static synchronized void dropCreated() {
    try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
      for (String database : created) {
        s.execute("drop database if exists " + database + " with (force)");
      }
    } catch (SQLException e) {
      // Logging may already be shut down.
      System.err.println("Could not drop the test databases " + created + ": " + e);
    }
  }
}
