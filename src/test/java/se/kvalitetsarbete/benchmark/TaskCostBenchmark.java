package se.kvalitetsarbete.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import se.kvalitetsarbete.RestSteps;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.benchmark.bare.BareCamundaServer;

/**
 * What one completed user task costs the server, bare Camunda 7.24 against this application,
 * measured side by side in one run with the same Tasklist-like client.
 *
 * <p>Run: {@code mvn -Pbenchmark-task-cost -DskipTests verify} (PostgreSQL at 127.0.0.1:5432, user
 * postgres; creates and drops the databases bench_taskcost_bare and bench_taskcost_app). Options:
 * {@code -Dbench.threads=8 -Dbench.warmup=800 -Dbench.tasks=1000 -Dbench.jfr=true}
 * (a flight recording of the measured phase of each server, target/benchmark/taskcost-*.jfr, and
 * the hot methods), {@code -Dbench.server-jvm-args="-Xmx2g"}, {@code -Dbench.only=bare|app}.
 *
 * <p>Each server runs in a JVM of its own (BareCamundaServer, TaskCostAppServer), so its CPU time
 * is its own (/proc/&lt;pid&gt;/stat). The client, in this JVM, is eight people at once, each doing
 * what Tasklist does for one task: list the tasks of the filter "Mina uppgifter" (POST
 * /filter/{id}/list, HAL as Tasklist asks) and, with nothing there, of "Uppgifter där jag är
 * kandidat", read the chosen task's identity links, claim it when it is a candidate's, read the deployed form and the form variables (deserializeValues=false), and
 * submit the form; the server's job executor runs the due jobs. After a warm-up (the JIT settles),
 * the measured phase's counters are divided by the tasks completed in it.
 */
public final class TaskCostBenchmark {

  public static final String FILTER = "Mina uppgifter";
  /** Where a person looks when nothing is assigned to them: every unassigned task they may take. */
  public static final String TO_TAKE_FILTER = "Uppgifter där jag är kandidat";
  static final int THREADS = Integer.getInteger("bench.threads", 8);
  static final int WARMUP = Integer.getInteger("bench.warmup", 800);
  /** After the first warm-up, rounds of this many tasks until the JIT compilers use under 5 % of the server's CPU. */
  static final int WARMUP_ROUND = Integer.getInteger("bench.warmup-round", 200);
  static final int WARMUP_MAX = Integer.getInteger("bench.warmup-max", 3000);
  static final int MEASURED = Integer.getInteger("bench.tasks", 1000);
  static final boolean JFR = Boolean.getBoolean("bench.jfr");
  static final String ONLY = System.getProperty("bench.only", "");
  static final String SERVER = System.getProperty("it.postgres.server", "jdbc:postgresql://127.0.0.1:5432/");
  static final String PREFIX = System.getProperty("bench.database-prefix", "bench_taskcost_");
  static final Path OUT = Path.of("target", "benchmark");
  static final ObjectMapper JSON = new ObjectMapper();
  static final long TICKS_PER_SECOND = 100;

  public static String bareUser(int i) {
    return "bench" + i;
  }

  public static void main(String[] args) throws Exception {
    Files.createDirectories(OUT);
    List<Result> results = new ArrayList<>();
    try (AutovacuumOn autovacuum = new AutovacuumOn(SERVER)) {
      System.out.println("TASKCOST " + autovacuum.describe());
      if (!ONLY.equals("app")) {
        results.add(measure(new BareSide()));
      }
      if (!ONLY.equals("bare")) {
        results.add(measure(new AppSide()));
      }
    }
    print(results);
  }

  // ---------------------------------------------------------------- the two servers

  /** What differs between bare Camunda and the application: the server, its people and its forms' values. */
  interface Side {
    String name();

    String mainClass();

    List<String> serverArgs(String jdbcUrl);

    /** Before the warm-up: work for everyone (bare: process instances; the application opened its round itself). */
    void prepare(Client client) throws Exception;

    /** Who acts next on this thread: a user name. */
    String person(int thread, Client client);

    /** The form's values for a task of this definition, or null for a task this client leaves alone. */
    Map<String, Object> values(String taskDefinitionKey);

    /** After a completion by this person of a task of this definition. */
    default void completed(String taskDefinitionKey) {}

    default boolean exhausted() {
      return false;
    }
  }

  static final class BareSide implements Side {
    final int instances = (WARMUP_MAX + MEASURED) * 14 / 60 + 4 * THREADS;

    @Override
    public String name() {
      return "bare";
    }

    @Override
    public String mainClass() {
      return BareCamundaServer.class.getName();
    }

    @Override
    public List<String> serverArgs(String jdbcUrl) {
      return List.of(jdbcUrl, String.valueOf(THREADS));
    }

    @Override
    public void prepare(Client client) throws Exception {
      for (int i = 0; i < instances; i++) {
        HttpResponse<String> started = client.post("/process-definition/key/" + BareCamundaServer.PROCESS + "/start",
            bareUser(1 + i % THREADS), RestSteps.variables(Map.of("title", "Ärende " + i)));
        if (started.statusCode() != 200) {
          throw new IllegalStateException("start: " + started.statusCode() + " " + started.body());
        }
      }
    }

    @Override
    public String person(int thread, Client client) {
      return bareUser(1 + thread);
    }

    @Override
    public Map<String, Object> values(String taskDefinitionKey) {
      if (!taskDefinitionKey.startsWith("Task_")) {
        return null;
      }
      String form = taskDefinitionKey.substring("Task_".length());
      return RestSteps.variables(Map.of("note" + form, "Genomgånget; inga frågor kvar för " + form + ".", "ok" + form, "YES",
          "hours" + form, 2.5, "done" + form, true));
    }
  }

  static final class AppSide implements Side {
    final int units = (WARMUP_MAX + MEASURED) / 2 + 5 * THREADS;
    final AtomicInteger nextUnit = new AtomicInteger();
    final AtomicInteger submitted = new AtomicInteger();
    final AtomicInteger reviewed = new AtomicInteger();

    @Override
    public String name() {
      return "app";
    }

    @Override
    public String mainClass() {
      return TaskCostAppServer.class.getName();
    }

    @Override
    public List<String> serverArgs(String jdbcUrl) {
      return List.of(jdbcUrl, String.valueOf(units), String.valueOf(THREADS));
    }

    @Override
    public void prepare(Client client) {}

    /**
     * A rektor (each unit's once: their needs description), or a coordinator (their own, on this
     * thread) when enough reviews wait that the coordinators rarely reach for the same one.
     */
    @Override
    public String person(int thread, Client client) {
      int waiting = submitted.get() - reviewed.get();
      if (waiting > 3 * THREADS || (waiting > 0 && nextUnit.get() >= units)) {
        return "samordnare" + (1 + thread);
      }
      int unit = nextUnit.getAndIncrement();
      return unit < units ? "benchrektor" + unit : "samordnare" + (1 + thread);
    }

    @Override
    public Map<String, Object> values(String taskDefinitionKey) {
      return switch (taskDefinitionKey) {
        case "Task_WriteNeedsDescription" -> RestSteps.variables(Scenario.needsDescriptionOverRest());
        case "Task_ReviewNeedsDescription" -> RestSteps.variables(Map.of("reviewOutcome", "APPROVE", "analysisConfirmed", "CONFIRMED",
            "reviewComment", ""));
        default -> null;
      };
    }

    @Override
    public void completed(String taskDefinitionKey) {
      (taskDefinitionKey.equals("Task_WriteNeedsDescription") ? submitted : reviewed).incrementAndGet();
    }

    @Override
    public boolean exhausted() {
      return nextUnit.get() >= units && submitted.get() <= reviewed.get();
    }
  }

  // ---------------------------------------------------------------- the client

  /** Eight people at once, as Tasklist: counts requests, completions, failures and latencies. */
  static final class Client {
    final String base;
    final Side side;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final AtomicLong requests = new AtomicLong();
    final AtomicInteger completed = new AtomicInteger();
    final AtomicInteger failedCompletions = new AtomicInteger();
    final AtomicInteger failedClaims = new AtomicInteger();
    final AtomicInteger nothingToDo = new AtomicInteger();
    final List<Long> submitNanos = Collections.synchronizedList(new ArrayList<>());
    final List<Long> taskNanos = Collections.synchronizedList(new ArrayList<>());
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    String filterId;
    String toTakeFilterId;

    Client(String base, Side side) {
      this.base = base;
      this.side = side;
    }

    void reset() {
      requests.set(0);
      completed.set(0);
      failedCompletions.set(0);
      failedClaims.set(0);
      nothingToDo.set(0);
      submitNanos.clear();
      taskNanos.clear();
      failures.clear();
    }

    /** The people work until this many tasks are completed in this phase. */
    void run(int tasks) throws Exception {
      if (filterId == null) {
        for (JsonNode filter : JSON.readTree(get("/filter?resourceType=Task", side.person(0, this)).body())) {
          if (filter.get("name").asText().equals(FILTER)) {
            filterId = filter.get("id").asText();
          } else if (filter.get("name").asText().equals(TO_TAKE_FILTER)) {
            toTakeFilterId = filter.get("id").asText();
          }
        }
        if (filterId == null || toTakeFilterId == null) {
          throw new IllegalStateException("no filter " + FILTER + " or " + TO_TAKE_FILTER);
        }
      }
      List<Thread> people = new ArrayList<>();
      List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Thread person = new Thread(() -> {
          try {
            while (completed.get() < tasks && !side.exhausted()) {
              work(thread);
            }
          } catch (Throwable e) {
            errors.add(e);
          }
        }, "person-" + t);
        person.start();
        people.add(person);
      }
      for (Thread person : people) {
        person.join();
      }
      if (!errors.isEmpty()) {
        throw new IllegalStateException("a person failed", errors.get(0));
      }
    }

    /** A filter's first page, as Tasklist asks for it. */
    JsonNode page(String filter, String user) throws Exception {
      HttpResponse<String> list = send(HttpRequest.newBuilder(URI.create(base + "/filter/" + filter + "/list?firstResult=0&maxResults=15"))
          .header("Authorization", basic(user)).header("Accept", "application/hal+json").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}")).build());
      JsonNode page = JSON.readTree(list.body());
      return page.isArray() ? page : page.path("_embedded").path("task");
    }

    /** One person opens Tasklist, picks a task and completes it. */
    void work(int thread) throws Exception {
      String user = side.person(thread, this);
      long t0 = System.nanoTime();
      JsonNode mine = null;
      List<JsonNode> free = new ArrayList<>();
      for (String filter : List.of(filterId, toTakeFilterId)) {
        for (JsonNode task : page(filter, user)) {
          if (side.values(task.get("taskDefinitionKey").asText()) == null) {
            continue;
          }
          String assignee = task.path("assignee").asText(null);
          if (user.equals(assignee) && mine == null) {
            mine = task;
          } else if (assignee == null) {
            free.add(task);
          }
        }
        if (mine != null || !free.isEmpty()) {
          break;
        }
      }
      JsonNode task = mine != null ? mine : free.isEmpty() ? null : free.get(ThreadLocalRandom.current().nextInt(free.size()));
      if (task == null) {
        nothingToDo.incrementAndGet();
        Thread.sleep(20);
        return;
      }
      String id = task.get("id").asText();
      String key = task.get("taskDefinitionKey").asText();
      get("/task/" + id + "/identity-links", user);
      if (mine == null) {
        HttpResponse<String> claim = post("/task/" + id + "/claim", user, Map.of("userId", user));
        if (claim.statusCode() != 204) {
          failedClaims.incrementAndGet();
          return;
        }
      }
      get("/task/" + id + "/deployed-form", user);
      get("/task/" + id + "/form-variables?deserializeValues=false", user);
      long s0 = System.nanoTime();
      HttpResponse<String> submit = post("/task/" + id + "/submit-form", user, side.values(key));
      long end = System.nanoTime();
      if (submit.statusCode() == 204) {
        completed.incrementAndGet();
        side.completed(key);
        submitNanos.add(end - s0);
        taskNanos.add(end - t0);
      } else {
        failedCompletions.incrementAndGet();
        if (failures.size() < 5) {
          failures.add(key + " " + submit.statusCode() + " " + submit.body());
        }
      }
    }

    HttpResponse<String> get(String path, String user) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user)).build());
    }

    HttpResponse<String> post(String path, String user, Object body) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
      requests.incrementAndGet();
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user) {
      return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Scenario.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
  }

  // ---------------------------------------------------------------- a server JVM

  /** A server in a JVM of its own, spoken to on its standard input (ServerConsole). */
  static final class ServerProcess implements AutoCloseable {
    final Process process;
    final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    final PrintWriter in;
    final long pid;
    final int port;

    ServerProcess(Side side, String jdbcUrl) throws Exception {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      String jvmArgs = System.getProperty("bench.server-jvm-args", "").trim();
      if (!jvmArgs.isEmpty()) {
        command.addAll(List.of(jvmArgs.split("\\s+")));
      }
      if (JFR) {
        // JFR keeps 64 frames of a stack by default: a REST request through Tomcat, the filters,
        // Jersey and an engine command is deeper, and its outer frames (which command, which
        // resource) would be cut off.
        command.add("-XX:FlightRecorderOptions:stackdepth=2048");
      }
      command.addAll(List.of("-cp", classpath(), side.mainClass()));
      command.addAll(side.serverArgs(jdbcUrl));
      Path log = OUT.resolve("taskcost-" + side.name() + ".log");
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
      in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
      Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
      Thread logger = new Thread(() -> {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            logWriter) {
          for (String line; (line = out.readLine()) != null; ) {
            logWriter.write(line + "\n");
            logWriter.flush();
            if (line.startsWith(ServerConsole.PREFIX)) {
              answers.add(line.substring(ServerConsole.PREFIX.length()));
            }
          }
        } catch (Exception e) {
          answers.add("error " + e);
        }
        answers.add("exited");
      }, "log-" + side.name());
      logger.setDaemon(true);
      logger.start();
      String ready = answers.poll(20, TimeUnit.MINUTES);
      if (ready == null || !ready.startsWith("ready ")) {
        throw new IllegalStateException(side.name() + " server did not start (" + ready + "); see " + log);
      }
      String[] parts = ready.split(" ");
      port = Integer.parseInt(parts[1]);
      pid = Long.parseLong(parts[2]);
    }

    String ask(String command) throws Exception {
      in.println(command);
      String answer = answers.poll(2, TimeUnit.MINUTES);
      if (answer == null || answer.equals("exited")) {
        throw new IllegalStateException("no answer to " + command);
      }
      return answer;
    }

    long number(String command) throws Exception {
      String answer = ask(command);
      return Long.parseLong(answer.substring(answer.indexOf(' ') + 1).trim());
    }

    /** Waits until the job executor has run every due job. */
    void jobsDone() throws Exception {
      for (int i = 0; i < 600 && number("jobs") > 0; i++) {
        Thread.sleep(200);
      }
    }

    @Override
    public void close() throws Exception {
      in.println("quit");
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroy();
      }
    }

    static String classpath() {
      // exec:java runs this class in a class loader of its own; the server JVMs get the same path.
      if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 1) {
        List<String> entries = new ArrayList<>();
        for (URL url : loader.getURLs()) {
          try {
            entries.add(new File(url.toURI()).getPath());
          } catch (Exception e) {
            entries.add(url.getPath());
          }
        }
        return String.join(File.pathSeparator, entries);
      }
      return System.getProperty("java.class.path");
    }
  }

  // ---------------------------------------------------------------- measurement

  /** Counters at one moment: the server's CPU, PostgreSQL's, the database's, the WAL, the statements. */
  record Snapshot(long nanos, long jvmTicks, Map<String, Long> jvmThreadTicks, Map<Long, Long> dbBackendTicks, long allPostgresTicks,
      long transactions, long inserted, long updated, long deleted, String walLsn, long statements) {}

  static final Map<String, Integer> warmups = new java.util.concurrent.ConcurrentHashMap<>();

  static long jit(Map<String, Long> threads) {
    return threads.entrySet().stream().filter(e -> e.getKey().contains("Compiler")).mapToLong(Map.Entry::getValue).sum();
  }

  /** The server JVM's CPU by kind of thread (/proc/&lt;pid&gt;/task: request threads, job executor, JIT, GC, …). */
  static Map<String, Long> threadTicks(long pid) {
    Map<String, Long> groups = new HashMap<>();
    try (var threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      for (Path thread : (Iterable<Path>) threads::iterator) {
        try {
          String stat = Files.readString(thread.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          groups.merge(name.replaceAll("[#\\d-]+$", "").replaceAll("-exec$", ""),
              Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
        } catch (Exception gone) {
          // the thread ended meanwhile
        }
      }
    } catch (Exception gone) {
      // the process ended
    }
    return groups;
  }

  static Snapshot snapshot(ServerProcess server, Connection pg, String database) throws Exception {
    long statements = server.number("statements");
    Map<Long, Long> backends = new HashMap<>();
    try (PreparedStatement s = pg.prepareStatement("select pid from pg_stat_activity where datname = ?")) {
      s.setString(1, database);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          backends.put(r.getLong(1), ticks(r.getLong(1)));
        }
      }
    }
    long all = 0;
    try (var processes = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) processes::iterator) {
        String name = p.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit)) {
          try {
            if (Files.readString(p.resolve("comm")).trim().equals("postgres")) {
              all += ticks(Long.parseLong(name));
            }
          } catch (Exception gone) {
            // the process ended meanwhile
          }
        }
      }
    }
    try (PreparedStatement s = pg.prepareStatement("select xact_commit + xact_rollback, tup_inserted, tup_updated, tup_deleted, "
        + "pg_current_wal_lsn()::text from pg_stat_database where datname = ?")) {
      s.setString(1, database);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return new Snapshot(System.nanoTime(), ticks(server.pid), threadTicks(server.pid), backends, all, r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4),
            r.getString(5), statements);
      }
    }
  }

  /** utime + stime of a process, in clock ticks (1/100 s). */
  static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (Exception gone) {
      return 0;
    }
  }

  record Result(String name, Snapshot before, Snapshot after, Client client, int tasks, long walBytes, Long dbWalBytes, Path jfr) {
    double perTask(double value) {
      return value / tasks;
    }

    double jvmMs() {
      return perTask((after.jvmTicks - before.jvmTicks) * 1000.0 / TICKS_PER_SECOND);
    }

    double dbBackendMs() {
      long sum = 0;
      for (Map.Entry<Long, Long> e : after.dbBackendTicks.entrySet()) {
        sum += e.getValue() - before.dbBackendTicks.getOrDefault(e.getKey(), 0L);
      }
      return perTask(sum * 1000.0 / TICKS_PER_SECOND);
    }

    double allPostgresMs() {
      return perTask((after.allPostgresTicks - before.allPostgresTicks) * 1000.0 / TICKS_PER_SECOND);
    }

    double seconds() {
      return (after.nanos - before.nanos) / 1e9;
    }
  }

  static Result measure(Side side) throws Exception {
    String database = PREFIX + side.name();
    String url = SERVER + database;
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = admin.createStatement()) {
      s.execute("drop database if exists " + database + " with (force)");
      s.execute("create database " + database);
    }
    System.out.printf("TASKCOST %s: starting the server%n", side.name());
    try (ServerProcess server = new ServerProcess(side, url);
        Connection pg = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
      Client client = new Client("http://127.0.0.1:" + server.port + "/engine-rest", side);
      side.prepare(client);
      System.out.printf("TASKCOST %s: warm-up, %d tasks%n", side.name(), WARMUP);
      client.run(WARMUP);
      int warmedUp = client.completed.get();
      while (warmedUp < WARMUP_MAX && !side.exhausted()) {
        client.reset();
        long jvm = ticks(server.pid);
        Map<String, Long> threads = threadTicks(server.pid);
        client.run(WARMUP_ROUND);
        int done = Math.max(1, client.completed.get());
        warmedUp += done;
        double jitMs = (jit(threadTicks(server.pid)) - jit(threads)) * 1000.0 / TICKS_PER_SECOND / done;
        double jvmMs = (ticks(server.pid) - jvm) * 1000.0 / TICKS_PER_SECOND / done;
        System.out.printf("TASKCOST %s: warm-up to %d tasks: JVM %.1f ms per task, of which JIT compilers %.1f ms%n", side.name(),
            warmedUp, jvmMs, jitMs);
        if (jitMs < 0.05 * jvmMs) {
          break;
        }
      }
      warmups.put(side.name(), warmedUp);
      server.jobsDone();
      client.reset();
      // PostgreSQL publishes a backend's counters at most once a second, an idle one's within 10 s.
      Thread.sleep(11_000);
      Path jfr = JFR ? OUT.resolve("taskcost-" + side.name() + ".jfr").toAbsolutePath() : null;
      if (JFR) {
        server.ask("jfr-start");
      }
      WalReader walReader = new WalReader(database);
      // Read in the benchmark database itself, so before the first snapshot and after the last.
      Map<String, long[]> tablesBefore = tableRows(url);
      Snapshot before = snapshot(server, pg, database);
      walReader.start(before.walLsn);
      System.out.printf("TASKCOST %s: measuring, %d tasks%n", side.name(), MEASURED);
      client.run(MEASURED);
      server.jobsDone();
      if (JFR) {
        server.ask("jfr-stop " + jfr);
      }
      Thread.sleep(11_000);
      Snapshot after = snapshot(server, pg, database);
      int tasks = client.completed.get();
      printTableRows(side.name(), tablesBefore, tableRows(url), tasks);
      long wal;
      try (PreparedStatement s = pg.prepareStatement("select pg_wal_lsn_diff(?::pg_lsn, ?::pg_lsn)::bigint")) {
        s.setString(1, after.walLsn);
        s.setString(2, before.walLsn);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          wal = r.getLong(1);
        }
      }
      Long dbWal = walReader.finish(after.walLsn);
      if (!client.failures.isEmpty()) {
        System.out.printf("TASKCOST %s: failed completions, first ones: %s%n", side.name(), client.failures);
      }
      return new Result(side.name(), before, after, client, tasks, wal, dbWal, jfr);
    } finally {
      if (!Boolean.getBoolean("bench.keep")) {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = admin.createStatement()) {
          s.execute("drop database if exists " + database + " with (force)");
        }
      }
    }
  }

  /** Rows inserted, updated and deleted so far, per table of the benchmark database. */
  static Map<String, long[]> tableRows(String url) throws Exception {
    Map<String, long[]> rows = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables")) {
      while (r.next()) {
        rows.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3), r.getLong(4)});
      }
    }
    return rows;
  }

  static void printTableRows(String name, Map<String, long[]> before, Map<String, long[]> after, int tasks) {
    System.out.printf("%nTASKCOST %s: rows per completed task by table (inserted / updated / deleted), the most first:%n", name);
    after.entrySet().stream()
        .map(e -> {
          long[] b = before.getOrDefault(e.getKey(), new long[3]);
          return Map.entry(e.getKey(), new double[] {(e.getValue()[0] - b[0]) / (double) tasks, (e.getValue()[1] - b[1]) / (double) tasks,
              (e.getValue()[2] - b[2]) / (double) tasks});
        })
        .filter(e -> e.getValue()[0] + e.getValue()[1] + e.getValue()[2] >= 0.5)
        .sorted((x, y) -> Double.compare(y.getValue()[0] + y.getValue()[1] + y.getValue()[2], x.getValue()[0] + x.getValue()[1] + x.getValue()[2]))
        .limit(20)
        .forEach(e -> System.out.printf("TASKCOST %s:   %-32s %6.1f / %6.1f / %6.1f%n", name, e.getKey(), e.getValue()[0], e.getValue()[1],
            e.getValue()[2]));
  }

  static final String WAL_DATABASE = PREFIX + "wal";

  /**
   * The WAL written for the benchmark database alone (the cluster is shared): with pg_walinspect,
   * the records that touch its relations and all records of the transactions that wrote them
   * (their commits), read every few seconds, before PostgreSQL recycles the segments. Runs in a
   * database of its own (bench_taskcost_wal), so that its queries are not counted as the
   * benchmark database's transactions. Null when not possible (no pg_walinspect, WAL recycled).
   */
  static final class WalReader {
    Thread thread;
    final String database;
    volatile boolean stop;
    volatile String failure;
    long bytes;
    String from;
    Connection connection;

    WalReader(String database) {
      this.database = database;
      try {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = admin.createStatement()) {
          s.execute("drop database if exists " + WAL_DATABASE + " with (force)");
          s.execute("create database " + WAL_DATABASE);
        }
        connection = DriverManager.getConnection(SERVER + WAL_DATABASE, "postgres", "");
        try (Statement s = connection.createStatement()) {
          s.execute("create extension pg_walinspect");
        }
      } catch (Exception e) {
        failure = e.getMessage();
      }
    }

    void start(String from) {
      this.from = from;
      thread = new Thread(() -> {
        while (!stop && failure == null) {
          try {
            Thread.sleep(3000);
            read(null);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "wal-reader");
      thread.setDaemon(true);
      thread.start();
    }

    /** The records from the last position to this one (or to the flushed end). */
    synchronized void read(String to) {
      if (failure != null) {
        return;
      }
      try (PreparedStatement q = connection.prepareStatement("""
          with oid as (select '%/' || oid || '/%' as pattern from pg_database where datname = ?),
               r as (select xid, record_length, block_ref from pg_get_wal_records_info(?::pg_lsn, ?::pg_lsn)),
               x as (select distinct xid from r, oid where xid <> '0' and block_ref like oid.pattern)
          select coalesce(sum(record_length), 0) from r, oid where block_ref like oid.pattern or xid in (select xid from x)""");
          Statement s = connection.createStatement()) {
        String end;
        try (PreparedStatement e = connection.prepareStatement("""
            select case when ?::pg_lsn is not null and ?::pg_lsn <= pg_current_wal_flush_lsn() then ?::pg_lsn
                        else pg_current_wal_flush_lsn() end::text as lsn"""); ) {
          e.setString(1, to);
          e.setString(2, to);
          e.setString(3, to);
          try (ResultSet r = e.executeQuery()) {
            r.next();
            end = r.getString(1);
          }
        }
        try (ResultSet r = s.executeQuery("select '" + end + "'::pg_lsn <= '" + from + "'::pg_lsn")) {
          r.next();
          if (r.getBoolean(1)) {
            return;
          }
        }
        q.setString(1, database);
        q.setString(2, from);
        q.setString(3, end);
        try (ResultSet r = q.executeQuery()) {
          r.next();
          bytes += r.getLong(1);
        }
        from = end;
      } catch (Exception e) {
        failure = e.getMessage();
      }
    }

    Long finish(String to) throws Exception {
      stop = true;
      thread.interrupt();
      thread.join();
      read(to);
      if (connection != null) {
        connection.close();
      }
      try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = admin.createStatement()) {
        s.execute("drop database if exists " + WAL_DATABASE + " with (force)");
      }
      if (failure != null) {
        System.out.printf("TASKCOST WAL of the database alone not measurable: %s%n", failure);
        return null;
      }
      return bytes;
    }
  }

  // ---------------------------------------------------------------- output

  static void print(List<Result> results) throws Exception {
    Runtime runtime = Runtime.getRuntime();
    System.out.printf("%n## Per task: this application against bare Camunda%n%n");
    System.out.printf("%s; %d cores; %s; PostgreSQL %s at %s; %d people at once; warm-up at least %d tasks, measured %d tasks per server; "
            + "server JVMs: %s%n%n", ZonedDateTime.now().withNano(0), runtime.availableProcessors(), System.getProperty("java.vm.name") + " "
            + System.getProperty("java.version"), postgresVersion(), SERVER, THREADS, WARMUP, MEASURED,
        System.getProperty("bench.server-jvm-args", "").isBlank() ? "default settings" : System.getProperty("bench.server-jvm-args"));
    System.out.printf("bare = Camunda 7.24 Spring Boot starter (REST + webapps), history full, authorization on, HTTP Basic "
        + "(ProcessEngineAuthenticationFilter), a process of six user tasks with Camunda Forms; app = this application, "
        + "postgres profile, needs descriptions (rektor, assignee) and their reviews (coordinators, candidates: claim).%n%n");
    List<String> names = results.stream().map(Result::name).toList();
    System.out.println("| per completed task | " + String.join(" | ", names) + (results.size() == 2 ? " | app ÷ bare |" : " |"));
    System.out.println("|---|" + "---|".repeat(names.size()) + (results.size() == 2 ? "---|" : ""));
    row(results, "tasks of warm-up (until the JIT settled)", r -> (double) warmups.getOrDefault(r.name, 0), "%.0f", false);
    row(results, "tasks completed (measured)", r -> (double) r.tasks, "%.0f", false);
    row(results, "tasks per second (wall)", r -> r.tasks / r.seconds(), "%.1f", false);
    row(results, "server JVM CPU, ms", Result::jvmMs, "%.1f", true);
    row(results, "… of which JIT compiler threads, ms", r -> r.perTask((jit(r.after.jvmThreadTicks) - jit(r.before.jvmThreadTicks)) * 1000.0
        / TICKS_PER_SECOND), "%.1f", true);
    row(results, "PostgreSQL CPU, its backends, ms", Result::dbBackendMs, "%.1f", true);
    row(results, "server CPU (JVM + its PostgreSQL backends), ms", r -> r.jvmMs() + r.dbBackendMs(), "%.1f", true);
    row(results, "all postgres processes of the machine, ms (shared)", Result::allPostgresMs, "%.1f", true);
    row(results, "SQL statements (JDBC)", r -> r.perTask(r.after.statements - r.before.statements), "%.1f", true);
    row(results, "database transactions", r -> r.perTask(r.after.transactions - r.before.transactions), "%.1f", true);
    row(results, "rows inserted", r -> r.perTask(r.after.inserted - r.before.inserted), "%.1f", true);
    row(results, "rows updated", r -> r.perTask(r.after.updated - r.before.updated), "%.1f", true);
    row(results, "rows deleted", r -> r.perTask(r.after.deleted - r.before.deleted), "%.1f", true);
    row(results, "WAL of its transactions, KiB (pg_walinspect)", r -> r.dbWalBytes == null ? Double.NaN : r.perTask(r.dbWalBytes / 1024.0), "%.1f",
        true);
    row(results, "WAL of the cluster, KiB (shared)", r -> r.perTask(r.walBytes / 1024.0), "%.1f", true);
    row(results, "HTTP requests", r -> r.perTask(r.client.requests.get()), "%.2f", true);
    row(results, "failed completions (total)", r -> (double) r.client.failedCompletions.get(), "%.0f", false);
    row(results, "failed claims, taken by another (total)", r -> (double) r.client.failedClaims.get(), "%.0f", false);
    row(results, "completion (submit-form) p50, ms", r -> percentile(r.client.submitNanos, 50), "%.0f", true);
    row(results, "completion (submit-form) p95, ms", r -> percentile(r.client.submitNanos, 95), "%.0f", true);
    row(results, "whole task (list … submit) p50, ms", r -> percentile(r.client.taskNanos, 50), "%.0f", true);
    row(results, "whole task (list … submit) p95, ms", r -> percentile(r.client.taskNanos, 95), "%.0f", true);
    threads(results);
    if (results.size() == 2) {
      Result bare = results.get(0);
      Result app = results.get(1);
      System.out.printf("%nbare CPU per task / app CPU per task (JVM + its backends): %.2f%n",
          (bare.jvmMs() + bare.dbBackendMs()) / (app.jvmMs() + app.dbBackendMs()));
    }
    for (Result r : results) {
      if (r.jfr != null) {
        hotSpots(r);
      }
    }
  }

  /** The server JVM's CPU per task by kind of thread, the largest first. */
  static void threads(List<Result> results) {
    Map<String, Double> total = new HashMap<>();
    List<Map<String, Double>> perResult = new ArrayList<>();
    for (Result r : results) {
      Map<String, Double> ms = new HashMap<>();
      r.after.jvmThreadTicks.forEach((group, ticks) -> ms.put(group,
          r.perTask((ticks - r.before.jvmThreadTicks.getOrDefault(group, 0L)) * 1000.0 / TICKS_PER_SECOND)));
      ms.forEach((group, v) -> total.merge(group, v, Double::sum));
      perResult.add(ms);
    }
    System.out.printf("%n| server JVM CPU per task by thread (ms) | %s |%n|---|%s%n",
        String.join(" | ", results.stream().map(Result::name).toList()), "---|".repeat(results.size()));
    total.entrySet().stream().filter(e -> e.getValue() >= 0.2).sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> System.out.println("| " + e.getKey() + " | " + String.join(" | ",
            perResult.stream().map(ms -> String.format("%.1f", ms.getOrDefault(e.getKey(), 0.0))).toList()) + " |"));
  }

  static void row(List<Result> results, String name, Function<Result, Double> value, String format, boolean ratio) {
    StringBuilder line = new StringBuilder("| " + name + " |");
    for (Result r : results) {
      double v = value.apply(r);
      line.append(' ').append(Double.isNaN(v) ? "n/a" : String.format(format, v)).append(" |");
    }
    if (results.size() == 2) {
      double bare = value.apply(results.get(0));
      double app = value.apply(results.get(1));
      line.append(' ').append(ratio && bare > 0 && !Double.isNaN(app) ? String.format("%.1f×", app / bare) : "").append(" |");
    }
    System.out.println(line);
  }

  static double percentile(List<Long> nanos, int p) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
  }

  static String postgresVersion() {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("show server_version")) {
      r.next();
      return r.getString(1);
    } catch (Exception e) {
      return "?";
    }
  }

  /** The flight recording's CPU samples: the hottest methods, our code on the stack, the engine's commands. */
  static void hotSpots(Result result) throws Exception {
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> ours = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> commands = new HashMap<>();
    Map<String, Integer> requests = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(result.jfr)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      self.merge(method(frames.get(0)), 1, Integer::sum);
      String firstOurs = null;
      String command = null;
      String resource = null;
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < frames.size(); i++) {
        RecordedFrame frame = frames.get(i);
        String type = frame.getMethod().getType().getName();
        if (ours(type)) {
          String name = method(frame);
          if (seen.add(name)) {
            inclusive.merge(name, 1, Integer::sum);
          }
          if (firstOurs == null) {
            // A filter or interceptor of ours that only passed the call on: the time is the framework's below it.
            String callee = i == 0 ? "" : frames.get(i - 1).getMethod().getType().getName();
            firstOurs = PASS_ON.stream().anyMatch(callee::startsWith) ? "(below " + name + ", in the framework)" : name;
          }
        }
        if (command == null && type.startsWith("org.camunda.bpm.engine.impl.cmd.") && frame.getMethod().getName().equals("execute")) {
          command = type.substring(type.lastIndexOf('.') + 1);
        }
        if (type.startsWith("org.camunda.bpm.engine.rest.") && type.contains("Resource")) {
          resource = method(frame);
        }
      }
      ours.merge(firstOurs == null ? "(no application frame)" : firstOurs, 1, Integer::sum);
      commands.merge(command == null ? "(outside an engine command)" : command, 1, Integer::sum);
      requests.merge(resource == null ? "(outside a REST resource)" : resource, 1, Integer::sum);
    }
    System.out.printf("%n### %s: CPU samples of the measured phase (JFR, %d samples, %s)%n", result.name, samples, result.jfr.getFileName());
    top("hot methods (top frame)", self, samples, 15);
    if (result.name.equals("app")) {
      top("innermost frame of the application's own code (its own work and what it calls)", ours, samples, 15);
      top("application methods on the stack (inclusive)", inclusive, samples, 15);
    }
    top("engine command on the stack", commands, samples, 12);
    top("REST resource method on the stack (outermost)", requests, samples, 12);
  }

  /** Where a call goes on through a chain (filters, interceptors) rather than into work of its own. */
  static final List<String> PASS_ON = List.of("org.camunda.bpm.engine.impl.interceptor.", "org.springframework.web.filter.",
      "org.springframework.security.web.", "org.apache.catalina.", "jakarta.servlet.", "org.springframework.transaction.");

  static boolean ours(String type) {
    return type.startsWith("se.kvalitetsarbete.") && !type.startsWith("se.kvalitetsarbete.benchmark.");
  }

  static void top(String title, Map<String, Integer> counts, int samples, int n) {
    System.out.printf("%n%s:%n%n| samples | share | method |%n|---|---|---|%n", title);
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
        .forEach(e -> System.out.printf("| %d | %.1f %% | `%s` |%n", e.getValue(), 100.0 * e.getValue() / samples, e.getKey()));
  }

  static String method(RecordedFrame frame) {
    String type = frame.getMethod().getType().getName();
    return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName() + " (" + type.substring(0, Math.max(0,
        type.lastIndexOf('.'))) + ")";
  }

  private TaskCostBenchmark() {}
}
