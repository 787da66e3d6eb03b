package se.kvalitetsarbete.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server side of TaskCostBenchmark's conversation with a server JVM it started: announces the
 * port, then answers commands on standard input, one a line, with a line "BENCH-SERVER …" on
 * standard output.
 */
public final class ServerConsole {

  static final String PREFIX = "BENCH-SERVER ";

  public static void serve(ConfigurableApplicationContext context) throws Exception {
    String port = context.getEnvironment().getProperty("local.server.port");
    answer("ready " + port + " " + ProcessHandle.current().pid());
    ManagementService management = context.getBean(ManagementService.class);
    Recording recording = null;
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      String[] command = line.trim().split(" ", 2);
      switch (command[0]) {
        // Due asynchronous jobs not yet done (the job executor runs them).
        case "jobs" -> answer("jobs " + management.createJobQuery().executable().count());
        case "statements" -> answer("statements " + StatementCounting.statements());
        case "jfr-start" -> {
          recording = new Recording(Configuration.getConfiguration("profile"));
          recording.start();
          answer("jfr-started");
        }
        case "jfr-stop" -> {
          recording.stop();
          recording.dump(Path.of(command[1]));
          recording.close();
          answer("jfr-stopped");
        }
        case "quit" -> {
          context.close();
          answer("bye");
          System.exit(0);
        }
        default -> answer("unknown " + line);
      }
    }
    context.close();
    System.exit(0);
  }

  static void answer(String text) {
    System.out.println(PREFIX + text);
    System.out.flush();
  }

  private ServerConsole() {}
}
