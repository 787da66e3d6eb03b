package se.kvalitetsarbete.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.kvalitetsarbete.KvalitetsarbeteApplication;
import se.kvalitetsarbete.RestSteps;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Speciality;
import se.kvalitetsarbete.organisation.TeamMember;
import se.kvalitetsarbete.organisation.TeamMemberRepository;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;
import se.kvalitetsarbete.security.Roles;

/**
 * How fast a round goes through the REST API on PostgreSQL, as Tasklist drives it: every rektor
 * submits a needs description, then coordinators approve them all, in parallel threads. Prints
 * tasks per second and latencies. Run: mvn -Pbenchmark verify (see docs/benchmarks.md).
 */
public final class RoundBenchmark {

  static final int UNITS = Integer.getInteger("bench.units", 200);
  static final int THREADS = Integer.getInteger("bench.threads", 8);
  /** Authorizations left by earlier work (a year of finished tasks), to show that a task costs the same with them. */
  static final int AGED = Integer.getInteger("bench.aged", 0);
  static final String PASSWORD = Scenario.PASSWORD;
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    String server = System.getProperty("it.postgres.server", "jdbc:postgresql://127.0.0.1:5432/");
    try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", ""); Statement s = c.createStatement()) {
      s.execute("drop database if exists kvalitetsarbete_bench with (force)");
      s.execute("create database kvalitetsarbete_bench");
    }
    long started = System.nanoTime();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KvalitetsarbeteApplication.class).run(
        "--spring.profiles.active=postgres", "--spring.datasource.url=" + server + "kvalitetsarbete_bench",
        "--server.port=0", "--logging.level.root=WARN",
        "--kvalitet.admin.initial-password-file=target/benchmark/initial-admin-password.txt")) {
      double startup = (System.nanoTime() - started) / 1e9;
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/engine-rest";
      seed(app, UNITS, THREADS);
      age(server, AGED);
      HttpResponse<String> round = post(base + "/process-definition/key/TermAllocation/submit-form", "samordnare1",
          RestSteps.variables(Map.of("termSeason", "HT", "termYear", 2035, "applicationDeadline", LocalDate.now().plusWeeks(2).toString())));
      if (round.statusCode() != 200) {
        throw new IllegalStateException(round.body());
      }
      // The job executor invites each unit in a job of its own.
      long inviting = System.nanoTime();
      org.camunda.bpm.engine.TaskService taskService = app.getBean(org.camunda.bpm.engine.TaskService.class);
      while (taskService.createTaskQuery().taskDefinitionKey("Task_WriteNeedsDescription").count() < UNITS) {
        if (System.nanoTime() - inviting > 300_000_000_000L) {
          throw new IllegalStateException("invitations not done after 5 minutes");
        }
        Thread.sleep(200);
      }
      double invitations = (System.nanoTime() - inviting) / 1e9;
      Statements.reset(server);

      List<Long> submit = run("submit", unitIndex -> {
        String rektor = "benchrektor" + unitIndex;
        String task = JSON.readTree(get(base + "/task?assignee=" + rektor, rektor).body()).get(0).get("id").asText();
        get(base + "/task/" + task + "/form-variables?deserializeValues=false", rektor);
        return post(base + "/task/" + task + "/submit-form", rektor, RestSteps.variables(Scenario.needsDescriptionOverRest()));
      });
      List<Long> review = run("review", unitIndex -> {
        String coordinator = "samordnare" + (1 + unitIndex % THREADS);
        JsonNode tasks = JSON.readTree(get(base + "/task?candidateGroup=coordinators&taskDefinitionKey=Task_ReviewNeedsDescription"
            + "&processInstanceBusinessKeyLike=round-%25-" + code(unitIndex), coordinator).body());
        String task = tasks.get(0).get("id").asText();
        post(base + "/task/" + task + "/claim", coordinator, Map.of("userId", coordinator));
        return post(base + "/task/" + task + "/submit-form", coordinator,
            RestSteps.variables(Map.of("reviewOutcome", "APPROVE", "analysisConfirmed", "CONFIRMED", "reviewComment", "")));
      });
      Statements.report(server, "kvalitetsarbete_bench", UNITS * 2);
      Runtime runtime = Runtime.getRuntime();
      System.out.printf("%nBENCHMARK machine: %d cores, JVM max heap %d MiB; PostgreSQL; %d units, %d threads%n",
          runtime.availableProcessors(), runtime.maxMemory() >> 20, UNITS, THREADS);
      System.out.printf("BENCHMARK start-up (context, engine, deployment): %.1f s%n", startup);
      System.out.printf("BENCHMARK invitations of %d units by the job executor (one job each): %.1f s%n", UNITS, invitations);
      report("rektor: read form + submit needs description", submit);
      report("coordinator: search + claim + approve (DMN, round lock)", review);
      System.gc();
      System.out.printf("BENCHMARK heap used after run: %d MiB%n", (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }
  }

  interface Step {
    HttpResponse<String> run(int unitIndex) throws Exception;
  }

  static List<Long> run(String name, Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long begin = System.nanoTime();
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < UNITS; i++) {
      int unit = i;
      work.add(pool.submit(() -> {
        long t0 = System.nanoTime();
        HttpResponse<String> response = step.run(unit);
        if (response.statusCode() >= 300) {
          throw new IllegalStateException(name + " " + response.statusCode() + " " + response.body());
        }
        latencies.add(System.nanoTime() - t0);
        return null;
      }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    latencies.add(0, System.nanoTime() - begin);
    return latencies;
  }

  static void report(String name, List<Long> measured) {
    long total = measured.get(0);
    List<Long> latencies = new ArrayList<>(measured.subList(1, measured.size()));
    Collections.sort(latencies);
    System.out.printf("BENCHMARK %s: %.1f per second; latency p50 %d ms, p95 %d ms, max %d ms%n", name,
        latencies.size() / (total / 1e9), latencies.get(latencies.size() / 2) / 1_000_000,
        latencies.get((int) (latencies.size() * 0.95)) / 1_000_000, latencies.get(latencies.size() - 1) / 1_000_000);
  }

  static void seed(ConfigurableApplicationContext app, int unitCount, int coordinators) {
    IdentityService identity = app.getBean(IdentityService.class);
    UnitRepository units = app.getBean(UnitRepository.class);
    for (int i = 0; i < unitCount; i++) {
      units.save(new Unit(code(i), "Enhet " + i, SchoolForm.GRUNDSKOLA_F3, "benchrektor" + i));
      user(identity, "benchrektor" + i, Roles.REKTORER);
    }
    for (int i = 1; i <= coordinators; i++) {
      user(identity, "samordnare" + i, Roles.COORDINATORS);
    }
    app.getBean(TeamMemberRepository.class).save(new TeamMember("team1", "Teammedlem", List.of(Speciality.ELEVINFLYTANDE), new BigDecimal("3.5")));
  }

  /**
   * What years of finished work leave behind in the table every authorization check reads: each
   * finished task's permission for its assignee to read its history (enableHistoricInstancePermissions),
   * and its candidate group's, until history cleanup removes them.
   */
  static void age(String server, int rows) throws Exception {
    if (rows <= 0) {
      return;
    }
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection(server + "kvalitetsarbete_bench", "postgres", ""); Statement s = c.createStatement()) {
      int historicTask = org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK.resourceType();
      s.execute("insert into ACT_RU_AUTHORIZATION (ID_, TYPE_, USER_ID_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_, REV_)"
          + " select 'aged-' || g, 1, case when g % 2 = 0 then 'benchrektor' || (g % " + UNITS + ") else null end,"
          + " case when g % 2 = 1 then 'coordinators' else null end, " + historicTask + ", 'finished-task-' || g, 2, 1"
          + " from generate_series(1, " + rows + ") g");
      s.execute("analyze ACT_RU_AUTHORIZATION");
    }
    System.out.printf("BENCHMARK aged: %d authorizations of finished tasks added in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
  }

  static String code(int unitIndex) {
    return String.valueOf(40_000_000 + unitIndex);
  }

  static void user(IdentityService identity, String id, String group) {
    User user = identity.newUser(id);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }

  static HttpResponse<String> get(String url, String user) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String url, String user, Object body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private RoundBenchmark() {}
}
