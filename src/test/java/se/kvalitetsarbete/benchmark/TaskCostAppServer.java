package se.kvalitetsarbete.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.kvalitetsarbete.KvalitetsarbeteApplication;
import se.kvalitetsarbete.RestSteps;

/**
 * The application for TaskCostBenchmark, in a JVM of its own: started as RoundBenchmark starts it
 * (postgres profile, an empty database of its own, job executor on), with the given number of
 * units (rektorer benchrektor0…) and coordinators (samordnare1…); a round is opened and the
 * server announces itself once every unit's needs description is waiting (invitations are jobs).
 *
 * <p>Arguments: the JDBC URL, the number of units, the number of coordinators.
 */
public final class TaskCostAppServer {

  public static void main(String[] args) throws Exception {
    int units = Integer.parseInt(args[1]);
    int coordinators = Integer.parseInt(args[2]);
    ConfigurableApplicationContext app = new SpringApplicationBuilder(KvalitetsarbeteApplication.class, StatementCounting.class).run(
        "--spring.profiles.active=postgres", "--spring.datasource.url=" + args[0], "--server.port=0", "--logging.level.root=WARN",
        "--kvalitet.admin.initial-password-file=target/benchmark/taskcost-initial-admin-password.txt");
    RoundBenchmark.seed(app, units, coordinators);
    String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/engine-rest";
    HttpResponse<String> round = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(base + "/process-definition/key/TermAllocation/submit-form"))
        .header("Authorization", RoundBenchmark.basic("samordnare1")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(RoundBenchmark.JSON.writeValueAsString(RestSteps.variables(Map.of(
            "termSeason", "HT", "termYear", 2035, "applicationDeadline", LocalDate.now().plusWeeks(2).toString()))))).build(),
        HttpResponse.BodyHandlers.ofString());
    if (round.statusCode() != 200) {
      throw new IllegalStateException("the round did not start: " + round.statusCode() + " " + round.body());
    }
    TaskService tasks = app.getBean(TaskService.class);
    long since = System.nanoTime();
    while (tasks.createTaskQuery().taskDefinitionKey("Task_WriteNeedsDescription").count() < units) {
      if (System.nanoTime() - since > 900_000_000_000L) {
        throw new IllegalStateException("invitations not done after 15 minutes");
      }
      Thread.sleep(500);
    }
    ServerConsole.serve(app);
  }

  private TaskCostAppServer() {}
}
