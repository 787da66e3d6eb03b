package se.kvalitetsarbete.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.kvalitetsarbete.FreshPostgres;
import se.kvalitetsarbete.KvalitetsarbeteApplication;

/**
 * Two nodes (two JVMs, as in production) started at the same moment on one empty PostgreSQL
 * database, with demo data: both come up, the start-up work is done once (users, units, the
 * demo round), and each node writes its own name in the job log.
 */
class TwoNodesOnPostgresTest {

  static final Duration START_UP = Duration.ofMinutes(4);
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final List<Process> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    for (Process node : nodes) {
      node.destroy();
    }
  }

  @Test
  void twoNodesStartedTogetherOnAnEmptyDatabaseBothComeUpAndDoTheStartUpWorkOnce() throws Exception {
    String database = FreshPostgres.create("kvalitetsarbete_twin");
    int portA = freePort();
    int portB = freePort();
    Process a = start("node-a", portA, database);
    Process b = start("node-b", portB, database);

    awaitReady(a, "node-a", portA);
    awaitReady(b, "node-b", portB);

    try (Connection c = DriverManager.getConnection(database, "postgres", ""); Statement s = c.createStatement()) {
      assertThat(count(s, "select count(*) from act_id_user where id_ = 'demo'")).isEqualTo(1);
      assertThat(count(s, "select count(*) from act_id_group where id_ = 'coordinators'")).isEqualTo(1);
      assertThat(count(s, "select count(*) from unit")).as("demo units once").isEqualTo(6);
      assertThat(count(s, "select count(*) from allocation_round")).as("one demo round").isEqualTo(1);
      assertThat(count(s, "select count(*) from act_re_procdef where key_ = 'TermAllocation'")).as("the models deployed once").isEqualTo(1);

      // The demo round's invitations run as jobs on either node; the job log names the node.
      long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (count(s, "select count(*) from act_ru_task where task_def_key_ = 'Task_WriteNeedsDescription'") < 6) {
        assertThat(System.nanoTime()).as("the invitations were run").isLessThan(end);
        Thread.sleep(200);
      }
      Set<String> hosts = new HashSet<>();
      try (ResultSet rows = s.executeQuery("select distinct hostname_ from act_hi_job_log")) {
        while (rows.next()) {
          hosts.add(rows.getString(1));
        }
      }
      assertThat(hosts).isNotEmpty().isSubsetOf("node-a", "node-b");
    }

    // Probes see the status only; an administrator also sees what it is made of.
    HttpResponse<String> probe = get(portA, "/actuator/health/readiness", null);
    assertThat(probe.statusCode()).isEqualTo(200);
    assertThat(probe.body()).contains("\"status\":\"UP\"").doesNotContain("components");
    HttpResponse<String> operator = get(portB, "/actuator/health", "demo:demo");
    assertThat(operator.body()).contains("\"db\"", "\"processEngine\"", "\"jobExecutor\"");
    assertThat(get(portB, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
  }

  private Process start(String name, int port, String database) throws IOException {
    Path log = Path.of("target", "two-nodes", name + ".log");
    Files.createDirectories(log.getParent());
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process node = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
        "-cp", classpath, KvalitetsarbeteApplication.class.getName(),
        "--spring.profiles.active=postgres,demo", "--spring.datasource.url=" + database,
        "--server.port=" + port, "--kvalitet.node-name=" + name, "--camunda.bpm.webapp.enabled=false",
        "--kvalitet.admin.initial-password-file=target/two-nodes/" + name + "/initial-admin-password.txt")
        .redirectErrorStream(true).redirectOutput(log.toFile()).directory(new File(".")).start();
    nodes.add(node);
    return node;
  }

  private void awaitReady(Process node, String name, int port) throws Exception {
    long end = System.nanoTime() + START_UP.toNanos();
    while (true) {
      assertThat(node.isAlive()).as(name + " is running; its log: target/two-nodes/" + name + ".log\n" + tail(name)).isTrue();
      try {
        if (get(port, "/actuator/health/readiness", null).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      assertThat(System.nanoTime()).as(name + " ready in time\n" + tail(name)).isLessThan(end);
      Thread.sleep(500);
    }
  }

  private HttpResponse<String> get(int port, String path, String login) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
    if (login != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String tail(String name) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("target", "two-nodes", name + ".log"));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
