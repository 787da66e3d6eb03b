package se.kvalitetsarbete;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every flow node and sequence flow of every model in bpmn/ is passed by some test. Reads the
 * reports the coverage extension wrote in this run (target/process-test-coverage/), so it runs last.
 */
@Order(Integer.MAX_VALUE)
class ProcessCoverageTest {

  static final Path REPORTS = Path.of("target", "process-test-coverage");
  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final Set<String> FLOW_ELEMENTS = Set.of("startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent",
      "boundaryEvent", "task", "userTask", "serviceTask", "businessRuleTask", "scriptTask", "sendTask", "receiveTask",
      "manualTask", "callActivity", "subProcess", "exclusiveGateway", "parallelGateway", "inclusiveGateway",
      "eventBasedGateway", "sequenceFlow");

  @Test
  void everyFlowNodeAndSequenceFlowOfEveryModelIsPassedByATest() throws Exception {
    long runStarted = ManagementFactory.getRuntimeMXBean().getStartTime();
    Map<String, Set<String>> passed = new HashMap<>();
    Map<String, Set<String>> elements = new TreeMap<>();
    try (Stream<Path> reports = Files.exists(REPORTS) ? Files.walk(REPORTS) : Stream.empty()) {
      for (Path report : reports.filter(p -> p.endsWith("report.json")).toList()) {
        if (Files.getLastModifiedTime(report).toMillis() < runStarted) {
          continue;
        }
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        for (JsonNode model : json.get("models")) {
          elements.computeIfAbsent(model.get("key").asText(), k -> idsOf(model.get("xml").asText()));
        }
        for (JsonNode suite : json.get("suites")) {
          for (JsonNode run : suite.get("runs")) {
            for (JsonNode event : run.get("events")) {
              passed.computeIfAbsent(event.get("modelKey").asText(), k -> new TreeSet<>()).add(event.get("definitionKey").asText());
            }
          }
        }
      }
    }
    assertThat(elements.keySet()).as("every process in bpmn/ was deployed in a covered test").containsAll(processIdsInBpmnFolder());
    Map<String, Set<String>> missing = new TreeMap<>();
    elements.forEach((process, ids) -> {
      Set<String> notPassed = new TreeSet<>(ids);
      notPassed.removeAll(passed.getOrDefault(process, Set.of()));
      System.out.printf("Process test coverage %s: %d of %d elements%n", process, ids.size() - notPassed.size(), ids.size());
      if (!notPassed.isEmpty()) {
        missing.put(process, notPassed);
      }
    });
    assertThat(missing).as("flow nodes and sequence flows no test passes (reports: %s)", REPORTS).isEmpty();
  }

  private static Set<String> idsOf(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      NodeList all = factory.newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getElementsByTagNameNS(BPMN, "*");
      Set<String> ids = new TreeSet<>();
      for (int i = 0; i < all.getLength(); i++) {
        Element element = (Element) all.item(i);
        if (FLOW_ELEMENTS.contains(element.getLocalName())) {
          ids.add(element.getAttribute("id"));
        }
      }
      return ids;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read a model from the coverage report", e);
    }
  }

  private static Set<String> processIdsInBpmnFolder() throws IOException {
    Set<String> ids = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        var matcher = java.util.regex.Pattern.compile("<bpmn:process id=\"([^\"]+)\"").matcher(Files.readString(file));
        while (matcher.find()) {
          ids.add(matcher.group(1));
        }
      }
    }
    return ids;
  }
}
