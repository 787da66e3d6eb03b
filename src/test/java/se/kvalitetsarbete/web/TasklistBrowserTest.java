package se.kvalitetsarbete.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A rektor and a coordinator in Tasklist, in a real browser: the application with demo data on a
 * free port, and {@code src/test/browser/tasklist-scenario.mjs} driving Debian's Chromium headless
 * through playwright-core. The root address opens Tasklist in Swedish; the rektor finds the needs
 * description in the default filter, is told what is missing without the message covering the
 * buttons, fills it in and submits it; the coordinator finds the review in the default filter,
 * takes it and approves it; after the last day the coordinator decides every row of the meeting's
 * list and completes it with one click (form-js 1.8.7 would keep "Slutför" grey), and the motivation
 * typed last reaches the decision; a teacher and a team member see a Swedish Tasklist with nothing
 * to start. Screenshots are kept in {@code target/browser/}.
 *
 * <p>Without Chromium, Node or {@code npm ci} the test is skipped and says so loudly; with
 * {@code KVALITET_BROWSER_TESTS=required} (set by {@code .ci/run}) it fails instead.
 */
@ExtendWith(TasklistBrowserTest.BrowserAvailable.class)
@DirtiesContext
@ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:browser-tests;DB_CLOSE_DELAY=-1",
    "kvalitet.admin.initial-password-file=target/browser-tests/initial-admin-password.txt"})
class TasklistBrowserTest {

  static final Path SCENARIO = Path.of("src/test/browser/tasklist-scenario.mjs");
  static final Path SCREENSHOTS = Path.of("target/browser");
  static final Path PLAYWRIGHT = Path.of("node_modules/playwright-core/package.json");
  static final long TIME_LIMIT_SECONDS = 480;

  @LocalServerPort int port;

  @Test
  void aRektorSubmitsTheNeedsDescriptionAndACoordinatorApprovesItInTasklist() throws Exception {
    assertThat(BrowserAvailable.missing()).as("what the browser test needs (KVALITET_BROWSER_TESTS=required)").isEmpty();
    String node = onPath("node");
    Files.createDirectories(SCREENSHOTS);
    Path log = SCREENSHOTS.resolve("scenario.log");
    Process scenario = new ProcessBuilder(node, SCENARIO.toString(), "http://localhost:" + port, SCREENSHOTS.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean finished = scenario.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      scenario.destroyForcibly();
    }
    String output = Files.readString(log);
    System.out.println(output);
    assertThat(finished).as("the scenario ends within %d s:%n%s", TIME_LIMIT_SECONDS, output).isTrue();
    assertThat(scenario.exitValue()).as("the browser scenario (screenshots in %s):%n%s", SCREENSHOTS, output).isZero();
    assertThat(output).contains("browser scenario passed");
  }

  /**
   * Decided before the application starts: without Chromium, Node or playwright-core the test is
   * skipped, with the reason in the build's output; with KVALITET_BROWSER_TESTS=required it runs and fails.
   */
  static final class BrowserAvailable implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      List<String> missing = missing();
      if (missing.isEmpty()) {
        return ConditionEvaluationResult.enabled("Chromium, Node and playwright-core are there");
      }
      String reason = "The browser tests did not run: missing " + String.join(", ", missing) + ".";
      if ("required".equals(System.getenv("KVALITET_BROWSER_TESTS"))) {
        return ConditionEvaluationResult.enabled(reason + " They are required (KVALITET_BROWSER_TESTS), so the test fails.");
      }
      System.err.println("\n**********\n*** " + reason + "\n*** Tasklist was not checked in a browser.\n**********\n");
      return ConditionEvaluationResult.disabled(reason);
    }

    static List<String> missing() {
      String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
      List<String> missing = new ArrayList<>();
      if (!Files.isExecutable(Path.of(chromium))) {
        missing.add("Chromium (" + chromium + "; apt-get install chromium, or set CHROMIUM)");
      }
      if (onPath("node") == null) {
        missing.add("Node.js (node on the PATH)");
      }
      if (!Files.exists(PLAYWRIGHT)) {
        missing.add("playwright-core (npm ci)");
      }
      return missing;
    }
  }

  private static String onPath(String program) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(folder, program);
      if (!folder.isEmpty() && Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
