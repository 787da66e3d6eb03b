package se.kvalitetsarbete.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import se.kvalitetsarbete.KvalitetsarbeteApplication;
import se.kvalitetsarbete.RestSteps;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.benchmark.bareboot.BareCamundaApplication;
import se.kvalitetsarbete.security.Roles;

/**
 * A country's worth: every Swedish school unit (about 15,600, generated, with a rektor and staff
 * each) on PostgreSQL. Prints how long the data took to load, how long a school year (SkaYearlyCycle,
 * one SkaUnitPlan per unit) takes to start for all units, Tasklist's first page for rektorer,
 * coordinators, teachers and heads of school form at 100,000 open tasks, how fast 10,000 due timers
 * run on two nodes (and that each ran once), and start-up time against a bare Camunda app. Run: mvn -Pbenchmark-country verify
 * (see docs/benchmarks.md, "A country's worth"). Numbers only, no assertions.
 */
public final class CountryBenchmark {

  static final int UNITS = Integer.getInteger("bench.country.units", 15_600);
  static final int STAFF_PER_UNIT = Integer.getInteger("bench.country.staff-per-unit", 8);
  static final int OPEN_TASKS = Integer.getInteger("bench.country.open-tasks", 100_000);
  static final int TIMERS = Integer.getInteger("bench.country.timers", 10_000);
  static final int QUERIES = Integer.getInteger("bench.country.queries", 200);
  static final int ENGINE_TASKS = Integer.getInteger("bench.country.engine-tasks", 2000);
  static final int START_TIMEOUT_S = Integer.getInteger("bench.country.start-timeout", 300);
  static final int TIMER_TIMEOUT_S = Integer.getInteger("bench.country.timer-timeout", 600);
  static final int STARTUP_RUNS = Integer.getInteger("bench.country.startup-runs", 2);
  /** Extra arguments for the application (in-process and nodes), e.g. job executor settings, comma-separated. */
  static final String APP_ARGS = System.getProperty("bench.country.app-args", "");
  /** Which parts to run: load,year,query,timers,startup (all by default). */
  static final String PHASES = System.getProperty("bench.country.phases", "load,year,query,timers,startup");
  static final String SERVER = System.getProperty("it.postgres.server", "jdbc:postgresql://127.0.0.1:5432/");
  /** Prefix of the benchmark's databases, so that two runs on one server keep apart. */
  static final String DB_PREFIX = System.getProperty("bench.country.db-prefix", "bench_country_");
  static final String DB = DB_PREFIX + "main";
  static final String PASSWORD = Scenario.PASSWORD;
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final int CODE_BASE = 50_000_000;
  static final List<String> COORDINATORS = List.of("samordnare1", "samordnare2", "samordnare3", "samordnare4", "samordnare5");
  static final String ADMINISTRATOR = "forvaltning1";

  static final List<String> RESULTS = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    Runtime runtime = Runtime.getRuntime();
    result("machine: %d cores, JVM max heap %d MiB, PostgreSQL at %s; load average at start %s", runtime.availableProcessors(),
        runtime.maxMemory() >> 20, SERVER, loadAverage());
    result("scale: %d units, %d staff per unit, %d open tasks aimed at, %d timers", UNITS, STAFF_PER_UNIT, OPEN_TASKS, TIMERS);
    try (AutovacuumOn autovacuum = new AutovacuumOn(SERVER)) {
      result("%s", autovacuum.describe());
      run();
    }
    System.out.println();
    RESULTS.forEach(line -> System.out.println("COUNTRY " + line));
  }

  static void run() throws Exception {
    if (has("load") || has("year") || has("query")) {
      if (has("load")) {
        recreate(DB);
      }
      long started = System.nanoTime();
      try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KvalitetsarbeteApplication.class).run(appArgs(DB, "bench-main"))) {
        result("in-process start-up on %s: %.1f s", DB, seconds(started));
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/engine-rest";
        DataSource data = app.getBean(DataSource.class);
        if (has("load")) {
          load(app, data);
        }
        if (has("year")) {
          startSchoolYear(app, base, data);
        }
        if (has("query")) {
          fillOpenTasks(app, data);
          queries(base, data);
        }
      }
    }
    if (has("timers")) {
      timers();
    }
    if (has("startup")) {
      startups();
    }
  }

  // ---------------------------------------------------------------- data

  /** Units, rektorer, staff, staff groups and arbetslag in a few set-based SQL statements. */
  static void load(ConfigurableApplicationContext app, DataSource data) throws SQLException {
    long started = System.nanoTime();
    IdentityService identity = app.getBean(IdentityService.class);
    // One user made by the engine gives the password hash and salt every generated user shares.
    person(identity, "benchtemplate", Roles.STAFF);
    person(identity, ADMINISTRATOR, Roles.ADMINISTRATION);
    COORDINATORS.forEach(c -> person(identity, c, Roles.COORDINATORS));
    for (String form : Roles.FORM_GROUPS) {
      String head = "vchef" + form.toLowerCase(Locale.ROOT);
      person(identity, head, Roles.HEADS_OF_SCHOOL_FORMS);
      identity.createMembership(head, Roles.headsOf(form));
    }
    int n = UNITS;
    try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      // Skolformer roughly as in Sweden: most units are förskolor.
      s.execute("insert into unit (code, name, school_form, rektor_user_id, active) select (" + CODE_BASE + " + i)::text, "
          + "'Enhet ' || lpad(i::text, 5, '0'), (array['FORSKOLA','FORSKOLA','FORSKOLA','FORSKOLA','FORSKOLA','FORSKOLA','FORSKOLA',"
          + "'FORSKOLA','FORSKOLA','FORSKOLA','FORSKOLA','FORSKOLA','GRUNDSKOLA_F3','GRUNDSKOLA_F3','GRUNDSKOLA_4_6','GRUNDSKOLA_4_6',"
          + "'GRUNDSKOLA_7_9','FRITIDSHEM','GYMNASIESKOLA','GYMNASIESKOLA'])[1 + i % 20], 'brektor' || i, true "
          + "from generate_series(0, " + (n - 1) + ") i");
      s.execute("insert into act_id_group (id_, rev_, name_, type_) select 'personal' || (" + CODE_BASE + " + i), 1, "
          + "'Personal – Enhet ' || lpad(i::text, 5, '0'), 'WORKFLOW' from generate_series(0, " + (n - 1) + ") i");
      String template = "(select pwd_, salt_ from act_id_user where id_ = 'benchtemplate') t";
      s.execute("insert into act_id_user (id_, rev_, first_, last_, pwd_, salt_, attempts_) select 'brektor' || i, 1, 'Rektor', "
          + "'Enhet ' || lpad(i::text, 5, '0'), t.pwd_, t.salt_, 0 from generate_series(0, " + (n - 1) + ") i cross join " + template);
      s.execute("insert into act_id_membership (user_id_, group_id_) select 'brektor' || i, 'rektorer' from generate_series(0, "
          + (n - 1) + ") i");
      s.execute("insert into act_id_user (id_, rev_, first_, last_, pwd_, salt_, attempts_) select 'bstaff' || i || 'x' || j, 1, "
          + "'Lärare ' || j, 'Enhet ' || lpad(i::text, 5, '0'), t.pwd_, t.salt_, 0 from generate_series(0, " + (n - 1)
          + ") i cross join generate_series(1, " + STAFF_PER_UNIT + ") j cross join " + template);
      s.execute("insert into act_id_membership (user_id_, group_id_) select 'bstaff' || i || 'x' || j, g from generate_series(0, "
          + (n - 1) + ") i cross join generate_series(1, " + STAFF_PER_UNIT + ") j cross join lateral (values ('personal'), "
          + "('personal' || (" + CODE_BASE + " + i))) m(g)");
      // Two arbetslag per unit, three teachers each.
      s.execute("insert into staff_team (unit_id, name) select u.id, t.name from unit u cross join (values ('Arbetslag 1'), "
          + "('Arbetslag 2')) t(name) where u.rektor_user_id like 'brektor%'");
      s.execute("insert into staff_team_member (staff_team_id, user_id) select st.id, 'bstaff' || (u.code::int - " + CODE_BASE
          + ") || 'x' || (j + case when st.name = 'Arbetslag 2' then 3 else 0 end) from staff_team st join unit u on u.id = st.unit_id "
          + "cross join generate_series(1, " + Math.min(3, STAFF_PER_UNIT / 2) + ") j where u.rektor_user_id like 'brektor%'");
      c.commit();
      s.execute("analyze");
    }
    long users = count(data, "select count(*) from act_id_user");
    result("loaded %d units, %d users (%d rektorer, %d staff), %d staff groups, %d arbetslag, %d memberships in %.1f s (set-based SQL)",
        count(data, "select count(*) from unit"), users, n, (long) n * STAFF_PER_UNIT, count(data, "select count(*) from act_id_group where id_ like 'personal5%'"),
        count(data, "select count(*) from staff_team"), count(data, "select count(*) from act_id_membership"), seconds(started));
  }

  static void person(IdentityService identity, String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      RoundBenchmark.user(identity, id, group);
    }
  }

  // ---------------------------------------------------------------- school year

  /**
   * The administration starts SkaYearlyCycle and submits Förbered läsåret; the year's fan-out then
   * starts one SkaUnitPlan per unit, in SkaUnitPlanBatch instances, each plan's first step a job of
   * its own. Timed from the submit until every rektor has Hur blev det?.
   */
  static void startSchoolYear(ConfigurableApplicationContext app, String base, DataSource data) throws Exception {
    String label = SchoolYearLabel.next();
    HttpResponse<String> started = post(base + "/process-definition/key/SkaYearlyCycle/submit-form", ADMINISTRATOR,
        RestSteps.variables(Map.of("schoolYear", label)));
    check(started);
    String year = JSON.readTree(started.body()).get("id").asText();
    JsonNode prepare = JSON.readTree(get(base + "/task?processInstanceId=" + year + "&taskDefinitionKey=Task_PrepareSchoolYear",
        ADMINISTRATOR).body());
    String task = prepare.get(0).get("id").asText();
    long units = count(data, "select count(*) from unit where active");
    long t0 = System.nanoTime();
    HttpResponse<String> submitted = post(base + "/task/" + task + "/submit-form", ADMINISTRATOR, RestSteps.variables(Map.of(
        "planDeadline", LocalDate.now().plusWeeks(6).toString(), "sharedAreasGrundskola", "Läsförståelse\nStudiero",
        "sharedAreasForskola", "Språkutveckling")));
    double submit = seconds(t0);
    check(submitted);
    result("school year %s: 'Förbered läsåret' submitted in %.1f s for %d units (the fan-out runs after the request, in jobs)", label,
        submit, units);
    String counting = "select count(*) from act_ru_task where task_def_key_ = 'Task_FollowUpLastYear'";
    long done = 0;
    long lastPrint = System.nanoTime();
    java.util.ArrayDeque<long[]> recent = new java.util.ArrayDeque<>();
    while (done < units && seconds(t0) < START_TIMEOUT_S) {
      Thread.sleep(1000);
      done = count(data, counting);
      recent.addLast(new long[] {System.nanoTime(), done});
      while (recent.size() > 61) {
        recent.removeFirst();
      }
      if (System.nanoTime() - lastPrint > 15_000_000_000L) {
        lastPrint = System.nanoTime();
        System.out.printf("COUNTRY progress: %d of %d unit plans started after %.0f s (%.1f per second); jobs left %d (%d not timers); load %s%n",
            done, units, seconds(t0), done / seconds(t0), count(data, "select count(*) from act_ru_job"),
            count(data, "select count(*) from act_ru_job where type_ = 'message'"), loadAverage());
      }
    }
    double elapsed = seconds(t0);
    if (done >= units) {
      result("school year started for all %d units in %.1f s (%.1f units per second; from the submit until every rektor has "
          + "'Hur blev det?')", units, elapsed, units / elapsed);
    } else {
      result("school year NOT started for all units within %d s: %d of %d unit plans (%.1f per second over the whole time, "
          + "%.1f per second in the last minute)", START_TIMEOUT_S, done, units, done / elapsed,
          (done - recent.getFirst()[1]) / Math.max(0.001, (recent.getLast()[0] - recent.getFirst()[0]) / 1e9));
      result("left at the time limit: %d of the year's batches not yet started, %d unit plans whose first step has not run",
          count(data, "select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ "
              + "where d.key_ = 'SkaUnitPlanBatch' and e.parent_id_ is null"),
          count(data, "select count(*) from act_ru_job j join act_re_procdef d on d.id_ = j.process_def_id_ "
              + "where d.key_ = 'SkaUnitPlan' and j.type_ = 'message'"));
    }
    result("after the start: %d process instances, %d jobs (%d timers), %d variables, %d authorizations",
        count(data, "select count(*) from act_ru_execution where parent_id_ is null"), count(data, "select count(*) from act_ru_job"),
        count(data, "select count(*) from act_ru_job where type_ = 'timer'"), count(data, "select count(*) from act_ru_variable"),
        count(data, "select count(*) from act_ru_authorization"));
  }

  /** A school year label 5 years ahead, never one the demo or tests use. */
  static final class SchoolYearLabel {
    static String next() {
      int first = LocalDate.now().getYear() + 5;
      return first + "/" + String.format("%02d", (first + 1) % 100);
    }
  }

  // ---------------------------------------------------------------- Tasklist queries

  /**
   * Open tasks up to OPEN_TASKS, made by the engine (so its identity links and authorizations are
   * the engine's own), in transactions of 2,000: a mix like the year's own work (arbetslag
   * self-assessments for three teachers, rektor tasks, feedback for heads of school form, reviews
   * for coordinators).
   */
  static void fillOpenTasks(ConfigurableApplicationContext app, DataSource data) throws SQLException {
    long open = count(data, "select count(*) from act_ru_task");
    if (open >= OPEN_TASKS) {
      result("open tasks: %d (no filling needed)", open);
      return;
    }
    long started = System.nanoTime();
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    TaskService tasks = engine.getTaskService();
    int missing = (int) (OPEN_TASKS - open);
    // The engine makes the first ENGINE_TASKS itself; the rest are copies of its rows (task,
    // candidate links, the authorizations it gives assignees and candidates) made by SQL.
    int byEngine = Math.min(missing, ENGINE_TASKS);
    int bySql = missing - byEngine;
    String[] forms = {"forskola", "forskola", "forskola", "forskola", "forskola", "forskola", "forskola", "forskola", "forskola",
        "forskola", "forskola", "forskola", "grundskola", "grundskola", "grundskola", "grundskola", "grundskola", "fritidshem",
        "gymnasieskola", "gymnasieskola"};
    int batch = 2000;
    // Two writers: one waits on PostgreSQL while the other works.
    java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(2);
    List<java.util.concurrent.Future<?>> work = new ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
    for (int from = 0; from < byEngine; from += batch) {
      int first = from;
      int last = Math.min(byEngine, from + batch);
      work.add(writers.submit(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
        for (int k = first; k < last; k++) {
          int unit = k % UNITS;
          int kind = k % 20;
          Task task = tasks.newTask();
          if (kind < 8) {
            task.setName("Självskattning – varje arbetslag");
            tasks.saveTask(task);
            for (int j = 1; j <= Math.min(3, STAFF_PER_UNIT); j++) {
              tasks.addCandidateUser(task.getId(), "bstaff" + unit + "x" + j);
            }
          } else if (kind < 14) {
            task.setName("Skriv analysdelen");
            task.setAssignee("brektor" + unit);
            tasks.saveTask(task);
          } else if (kind < 19) {
            task.setName("Återkoppla på planen");
            tasks.saveTask(task);
            tasks.addCandidateGroup(task.getId(), Roles.HEADS_OF_SCHOOL_FORMS + forms[unit % 20]);
          } else {
            task.setName("Granska behovsbeskrivningen");
            tasks.saveTask(task);
            tasks.addCandidateGroup(task.getId(), Roles.COORDINATORS);
          }
        }
        int now = made.addAndGet(last - first);
        if (now % 20_000 < batch) {
          System.out.printf("COUNTRY progress: %d of %d tasks made, %.0f s%n", now, byEngine, seconds(started));
        }
        return null;
      })));
    }
    for (java.util.concurrent.Future<?> f : work) {
      try {
        f.get();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    writers.shutdown();
    double engineSeconds = seconds(started);
    long t1 = System.nanoTime();
    if (bySql > 0) {
      copyTasks(byEngine, byEngine + bySql);
    }
    try (Connection c = DriverManager.getConnection(SERVER + DB, "postgres", ""); Statement s = c.createStatement()) {
      s.execute("analyze");
    }
    result("open tasks: %d (%d made by the engine in %.1f s, %.0f per second; %d copied from them by SQL in %.1f s); %d identity links, "
        + "%d authorizations", count(data, "select count(*) from act_ru_task"), byEngine, engineSeconds, byEngine / engineSeconds, bySql,
        seconds(t1), count(data, "select count(*) from act_ru_identitylink"), count(data, "select count(*) from act_ru_authorization"));
  }

  /**
   * Tasks from..to (same mix and people as the engine's) as rows like the engine's: the task, its
   * candidate links, and per assignee or candidate the two authorizations (task, historic task)
   * with the permissions the engine gave the first tasks. Created over the past weeks, one a minute.
   */
  static void copyTasks(int from, int to) throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + DB, "postgres", ""); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      String kinds = "from generate_series(" + from + ", " + (to - 1) + ") k cross join lateral (select k % " + UNITS + " as unit, k % 20 as kind) x";
      String forms = "(array['forskola','forskola','forskola','forskola','forskola','forskola','forskola','forskola','forskola','forskola',"
          + "'forskola','forskola','grundskola','grundskola','grundskola','grundskola','grundskola','fritidshem','gymnasieskola',"
          + "'gymnasieskola'])[1 + x.unit % 20]";
      s.execute("insert into act_ru_task (id_, rev_, name_, priority_, create_time_, last_updated_, suspension_state_, task_state_, assignee_) "
          + "select 'bench-' || k, 1, case when x.kind < 8 then 'Självskattning – varje arbetslag' when x.kind < 14 then 'Skriv analysdelen' "
          + "when x.kind < 19 then 'Återkoppla på planen' else 'Granska behovsbeskrivningen' end, 50, "
          + "localtimestamp - (k || ' minutes')::interval, localtimestamp - (k || ' minutes')::interval, 1, 'Updated', "
          + "case when x.kind >= 8 and x.kind < 14 then 'brektor' || x.unit end " + kinds);
      s.execute("insert into act_ru_identitylink (id_, rev_, type_, user_id_, group_id_, task_id_) "
          + "select 'bench-' || k || '-' || j, 1, 'candidate', case when x.kind < 8 then 'bstaff' || x.unit || 'x' || j end, "
          + "case when x.kind < 8 then null when x.kind < 19 then 'verksamhetschefer' || " + forms + " else 'coordinators' end, 'bench-' || k "
          + kinds + " cross join generate_series(1, 3) j where (x.kind < 8) or (x.kind >= 14 and j = 1)");
      // The engine's permissions for a candidate user, an assignee and a candidate group, on the task (7) and its history (19).
      String perms = "(select max(a.perms_) from act_ru_authorization a join act_ru_task t on t.id_ = a.resource_id_ and t.proc_inst_id_ is null "
          + "where a.resource_type_ = %d and %s)";
      String user = "a.user_id_ is not null and t.assignee_ is null";
      String assignee = "a.user_id_ = t.assignee_";
      String group = "a.group_id_ is not null";
      for (int type : new int[] {7, 19}) {
        s.execute("insert into act_ru_authorization (id_, rev_, type_, user_id_, group_id_, resource_type_, resource_id_, perms_) "
            + "select 'bench-' || k || '-' || j || '-" + type + "', 1, 1, i.user_id_, i.group_id_, " + type + ", i.task_id_, "
            + "case when i.user_id_ is not null then " + String.format(perms, type, user) + " else " + String.format(perms, type, group)
            + " end from act_ru_identitylink i cross join lateral (select split_part(i.id_, '-', 2)::int as k, split_part(i.id_, '-', 3) as j) x "
            + "where i.id_ like 'bench-%'");
        s.execute("insert into act_ru_authorization (id_, rev_, type_, user_id_, resource_type_, resource_id_, perms_) "
            + "select t.id_ || '-a-" + type + "', 1, 1, t.assignee_, " + type + ", t.id_, " + String.format(perms, type, assignee)
            + " from act_ru_task t where t.id_ like 'bench-%' and t.assignee_ is not null");
      }
      c.commit();
    }
  }

  /**
   * What Tasklist asks when a person opens it: the first filter's page (15, newest first, hal+json,
   * which holds the count too) and its count, and the counts of all filters (our header's numbers,
   * GET /filter?itemCount=true), for rektorer, coordinators, teachers and the heads of grundskola in
   * turn, sequentially.
   */
  static void queries(String base, DataSource data) throws Exception {
    long open = count(data, "select count(*) from act_ru_task");
    Map<String, List<String>> roles = new LinkedHashMap<>();
    List<String> rektorer = new ArrayList<>();
    List<String> teachers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      rektorer.add("brektor" + (i * 7919 % UNITS));
      teachers.add("bstaff" + (i * 7919 % UNITS) + "x1");
    }
    roles.put("rektor", rektorer);
    roles.put("coordinator", COORDINATORS);
    roles.put("teacher", teachers);
    roles.put("head of grundskola", List.of("vchefgrundskola"));
    JsonNode first = firstFilter(base, rektorer.get(0));
    String filter = first.get("id").asText();
    String name = first.get("name").asText();
    for (Map.Entry<String, List<String>> who : roles.entrySet()) {
      List<String> users = who.getValue();
      String user0 = users.get(0);
      String page = post(base + "/filter/" + filter + "/list?firstResult=0&maxResults=15", user0, TASKLIST_BODY, true).body();
      String count = post(base + "/filter/" + filter + "/count", user0, TASKLIST_BODY, false).body();
      String all = get(base + "/filter?resourceType=Task&itemCount=true", user0).body();
      for (int i = 0; i < 10; i++) {
        check(post(base + "/filter/" + filter + "/list?firstResult=0&maxResults=15", users.get(i % users.size()), TASKLIST_BODY, true));
      }
      List<Long> list = new ArrayList<>();
      List<Long> counts = new ArrayList<>();
      List<Long> itemCounts = new ArrayList<>();
      for (int i = 0; i < QUERIES; i++) {
        String user = users.get(i % users.size());
        long t0 = System.nanoTime();
        check(post(base + "/filter/" + filter + "/list?firstResult=0&maxResults=15", user, TASKLIST_BODY, true));
        list.add(System.nanoTime() - t0);
        t0 = System.nanoTime();
        check(post(base + "/filter/" + filter + "/count", user, TASKLIST_BODY, false));
        counts.add(System.nanoTime() - t0);
        t0 = System.nanoTime();
        check(get(base + "/filter?resourceType=Task&itemCount=true", user));
        itemCounts.add(System.nanoTime() - t0);
      }
      if (Boolean.getBoolean("bench.country.log-sql")) {
        // The SQL of one page and of every filter's count, with its parameters, in the log (MyBatis at DEBUG), for EXPLAIN ANALYZE.
        LoggingSystem logging = LoggingSystem.get(CountryBenchmark.class.getClassLoader());
        String mapper = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
        logging.setLogLevel(mapper, LogLevel.DEBUG);
        System.out.println("COUNTRY SQL of " + who.getKey() + " follows");
        post(base + "/filter/" + filter + "/list?firstResult=0&maxResults=15", user0, TASKLIST_BODY, true);
        get(base + "/filter?resourceType=Task&itemCount=true", user0);
        logging.setLogLevel(mapper, LogLevel.WARN);
      }
      int shown = JSON.readTree(page).path("_embedded").path("task").size();
      Map<String, String> perFilter = new LinkedHashMap<>();
      JSON.readTree(all).forEach(f -> perFilter.put(f.get("name").asText(), f.path("itemCount").asText()));
      result("Tasklist '%s' as %s (%s, %d users in turn), %d open tasks, load %s: list (15, hal+json) p50 %d ms, p95 %d ms, max %d ms; "
          + "count p50 %d ms, p95 %d ms; all filters' counts p50 %d ms, p95 %d ms; the first user sees %s tasks (%d on the page), "
          + "per filter %s", name, who.getKey(), user0, users.size(), open, loadAverage(), pct(list, 50), pct(list, 95), pct(list, 100),
          pct(counts, 50), pct(counts, 95), pct(itemCounts, 50), pct(itemCounts, 95), JSON.readTree(count).path("count").asText(),
          shown, perFilter);
    }
  }

  /** What Tasklist sends for a filter's page: newest first, the filter's variables embedded (hal+json). */
  static final Map<String, Object> TASKLIST_BODY = Map.of("processVariables", List.of(), "taskVariables", List.of(),
      "caseInstanceVariables", List.of(), "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));

  /** The filter Tasklist opens: the one with the lowest priority. */
  static JsonNode firstFilter(String base, String user) throws Exception {
    List<JsonNode> filters = new ArrayList<>();
    JSON.readTree(get(base + "/filter?resourceType=Task", user).body()).forEach(filters::add);
    filters.sort(java.util.Comparator.comparingInt(f -> f.path("properties").path("priority").asInt()));
    return filters.get(0);
  }

  static long pct(List<Long> nanos, int percent) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int index = Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1);
    return sorted.get(Math.max(0, index)) / 1_000_000;
  }

  // ---------------------------------------------------------------- timers on two nodes

  /**
   * Two nodes (JVMs) on the country's database, job executor on. When both are up, TIMERS of the
   * unit plans' timers ("En vecka före sista dag", then "Sista dag passerad") are made due; the
   * time until all have run, and whether any ran twice (history: one activity instance each).
   */
  static void timers() throws Exception {
    List<Node> nodes = new ArrayList<>();
    try {
      for (String name : List.of("nodeA", "nodeB")) {
        Node node = Node.start(KvalitetsarbeteApplication.class, name, appArgsList(DB, name), "Started KvalitetsarbeteApplication");
        nodes.add(node);
      }
      for (Node node : nodes) {
        node.awaitReady(600);
        result("node %s on %s (%d units) ready: %s", node.name, DB, UNITS, node.startup());
      }
      try (Connection c = DriverManager.getConnection(SERVER + DB, "postgres", ""); Statement s = c.createStatement()) {
        long available = count(c, "select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
            + "where d.act_id_ in ('Timer_DeadlineApproaching', 'Timer_DeadlinePassed')");
        s.execute("create temporary table due_timer as select j.id_, j.process_instance_id_ as proc_inst_id_, d.act_id_ from act_ru_job j "
            + "join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ in ('Timer_DeadlineApproaching', 'Timer_DeadlinePassed') "
            + "order by d.act_id_, j.id_ limit " + TIMERS);
        long due = count(c, "select count(*) from due_timer");
        long t0 = System.nanoTime();
        s.execute("update act_ru_job set duedate_ = now() - interval '1 minute' where id_ in (select id_ from due_timer)");
        long left = due;
        long lastPrint = System.nanoTime();
        while (left > 0 && seconds(t0) < TIMER_TIMEOUT_S) {
          Thread.sleep(500);
          left = count(c, "select count(*) from act_ru_job where id_ in (select id_ from due_timer)");
          if (System.nanoTime() - lastPrint > 15_000_000_000L) {
            lastPrint = System.nanoTime();
            System.out.printf("COUNTRY progress: %d of %d timers left after %.0f s; load %s%n", left, due, seconds(t0), loadAverage());
          }
        }
        double elapsed = seconds(t0);
        // Each timer that fired left one activity instance of its timer event in history; more than one is a duplicate.
        String fired = "select h.proc_inst_id_, h.act_id_, count(*) n from act_hi_actinst h join due_timer t "
            + "on t.proc_inst_id_ = h.proc_inst_id_ and t.act_id_ = h.act_id_ group by 1, 2";
        long executed = count(c, "select count(*) from (" + fired + ") f");
        long duplicates = count(c, "select coalesce(sum(n - 1), 0) from (" + fired + ") f where n > 1");
        long reminders = count(c, "select count(*) from act_hi_actinst h join due_timer t on t.proc_inst_id_ = h.proc_inst_id_ "
            + "and h.act_id_ = case t.act_id_ when 'Timer_DeadlineApproaching' then 'Task_RemindBeforeDeadline' else 'Task_RemindAfterDeadline' end");
        Map<String, Long> perNode = new LinkedHashMap<>();
        long failures;
        try (ResultSet r = s.executeQuery("select hostname_, count(*) from act_hi_job_log where job_id_ in (select id_ from due_timer) "
            + "and job_state_ = 2 group by 1 order by 1")) {
          while (r.next()) {
            perNode.put(r.getString(1), r.getLong(2));
          }
        }
        failures = count(c, "select count(*) from act_hi_job_log where job_id_ in (select id_ from due_timer) and job_state_ = 1");
        result("timers: %d of %d available made due; %d ran (%d left) in %.1f s on 2 nodes (%.0f per second); per node %s; "
            + "duplicates %d; reminder service tasks run %d; failed attempts (retried) %d", due, available, executed, left, elapsed,
            executed / elapsed, perNode, duplicates, reminders, failures);
      }
    } finally {
      nodes.forEach(Node::stop);
    }
  }

  // ---------------------------------------------------------------- start-up

  /** The application and the bare Camunda app, each first on an empty database (schema made), then restarted on it. */
  static void startups() throws Exception {
    recreate(DB_PREFIX + "empty");
    recreate(DB_PREFIX + "bare");
    List<Double> restartRatios = new ArrayList<>();
    for (int run = 0; run <= STARTUP_RUNS; run++) {
      String kind = run == 0 ? "first start, empty database (schema created)" : "restart " + run + " on that database";
      Node app = Node.start(KvalitetsarbeteApplication.class, "startup", appArgsList(DB_PREFIX + "empty", "startup"),
          "Started KvalitetsarbeteApplication");
      app.awaitReady(600);
      String appTime = app.startup();
      app.stop();
      Node bare = Node.start(BareCamundaApplication.class, "bare", List.of("--spring.config.name=bareboot-country",
          "--spring.datasource.url=" + SERVER + DB_PREFIX + "bare", "--server.port=0", "--logging.level.root=WARN",
          "--logging.level." + BareCamundaApplication.class.getName() + "=INFO"), "Started BareCamundaApplication");
      bare.awaitReady(600);
      String bareTime = bare.startup();
      bare.stop();
      result("start-up, %s: application %s; bare Camunda %s; ratio %.2f; load %s", kind, appTime, bareTime, app.wall / bare.wall,
          loadAverage());
      if (run > 0) {
        restartRatios.add(app.wall / bare.wall);
      }
    }
    if (!restartRatios.isEmpty()) {
      Collections.sort(restartRatios);
      int n = restartRatios.size();
      double median = n % 2 == 1 ? restartRatios.get(n / 2) : (restartRatios.get(n / 2 - 1) + restartRatios.get(n / 2)) / 2;
      result("start-up, %d restarts: application ÷ bare Camunda (ready after the process was spawned) median %.2f, from %.2f to %.2f",
          n, median, restartRatios.get(0), restartRatios.get(n - 1));
    }
  }

  /** A JVM of its own on the class path of {@link #classpath(Class)}. */
  static final class Node {
    static final Pattern STARTED = Pattern.compile("in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");
    final String name;
    final Process process;
    final CompletableFuture<String> ready = new CompletableFuture<>();
    final long spawned = System.nanoTime();
    volatile double wall;

    Node(String name, Process process, String marker) {
      this.name = name;
      this.process = process;
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          Path log = Path.of("target", "benchmark", "country-" + name + ".log");
          Files.createDirectories(log.getParent());
          try (var out = Files.newBufferedWriter(log)) {
            String line;
            while ((line = in.readLine()) != null) {
              out.write(line);
              out.newLine();
              out.flush();
              if (line.contains(marker) && !ready.isDone()) {
                wall = seconds(spawned);
                Matcher m = STARTED.matcher(line);
                ready.complete(m.find() ? m.group(1) + " s (JVM " + m.group(2) + " s)" : line);
              }
            }
          }
        } catch (IOException e) {
          ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException(name + " ended before it was ready (see target/benchmark/country-" + name + ".log)"));
      }, "node-" + name);
      reader.setDaemon(true);
      reader.start();
    }

    static Node start(Class<?> main, String name, List<String> args, String marker) throws IOException {
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", classpath(main)));
      String jvm = System.getProperty("bench.country.node-jvm-args", "");
      if (!jvm.isBlank()) {
        command.addAll(List.of(jvm.split(" ")));
      }
      command.add(main.getName());
      command.addAll(args);
      return new Node(name, new ProcessBuilder(command).redirectErrorStream(true).start(), marker);
    }

    void awaitReady(int seconds) throws Exception {
      ready.get(seconds, TimeUnit.SECONDS);
    }

    String startup() throws Exception {
      return String.format(Locale.ROOT, "Spring %s, ready %.1f s after the process was spawned", ready.get(), wall);
    }

    void stop() {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * A node's class path: the application's classes and its runtime dependencies as shipped (written
   * by the profile's maven-dependency-plugin), so neither JVM sees the tests' classes, beans or
   * test-scope libraries. The bare app's own class comes from the test classes, which it alone
   * scans (its own package).
   */
  static String classpath(Class<?> main) throws IOException {
    Path runtime = Path.of("target", "benchmark", "runtime-classpath.txt");
    if (!Files.exists(runtime)) {
      throw new IllegalStateException(runtime + " is missing: run the benchmark with mvn -Pbenchmark-country verify");
    }
    Path classes = Path.of("target", main == BareCamundaApplication.class ? "test-classes" : "classes").toAbsolutePath();
    return classes + File.pathSeparator + Files.readString(runtime, StandardCharsets.UTF_8).trim();
  }

  // ---------------------------------------------------------------- helpers

  static String[] appArgs(String db, String node) {
    return appArgsList(db, node).toArray(String[]::new);
  }

  static List<String> appArgsList(String db, String node) {
    List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + SERVER + db,
        "--server.port=0", "--logging.level.root=WARN", "--logging.level.se.kvalitetsarbete.KvalitetsarbeteApplication=INFO",
        "--kvalitet.node-name=" + node, "--kvalitet.admin.initial-password-file=target/benchmark/initial-admin-password.txt"));
    for (String extra : APP_ARGS.split(",")) {
      if (!extra.isBlank()) {
        args.add(extra.trim());
      }
    }
    return args;
  }

  static boolean has(String phase) {
    return List.of(PHASES.split(",")).contains(phase);
  }

  static void recreate(String db) throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + db + " with (force)");
      s.execute("create database " + db);
    }
  }

  static void result(String format, Object... args) {
    String line = String.format(Locale.ROOT, format, args);
    RESULTS.add(line);
    System.out.println("COUNTRY " + line);
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /**
   * The benchmark's own look at the database, on a connection of its own: never one of the
   * application's pool, which the job executor may use up.
   */
  static long count(DataSource data, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + DB, "postgres", "")) {
      return count(c, sql);
    }
  }

  static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  static void check(HttpResponse<String> response) {
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(response.statusCode() + " " + response.uri() + " " + response.body());
    }
  }

  static HttpResponse<String> get(String url, String user) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String url, String user, Object body) throws Exception {
    return post(url, user, body, false);
  }

  static HttpResponse<String> post(String url, String user, Object body, boolean hal) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user))
        .header("Content-Type", "application/json").header("Accept", hal ? "application/hal+json" : "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private CountryBenchmark() {}
}
