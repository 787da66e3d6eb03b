package se.kvalitetsarbete.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.security.AsProcess;

/**
 * The criteria as they stand: read from the latest deployed prioritisation table (not a copy), so
 * what a rektor reads before writing, and what the decisions page shows, is what the table will
 * weigh. Each rule gives its points, its grounds in words, when it applies (the input's label and
 * the rule's entry) and the coordinators' annotation.
 */
@Component
public class PrioritisationCriteria {

  static final String DECISION_KEY = "Prioritisation";

  private final RepositoryService repository;
  private final Texts texts;

  public PrioritisationCriteria(RepositoryService repository, Texts texts) {
    this.repository = repository;
    this.texts = texts;
  }

  public record Criterion(int points, String reason, List<String> when, String note) {}

  public record Criteria(String name, String description, int version, List<Criterion> rules) {}

  /** The criteria of one deployed table: a deployed table never changes, a new version gets a new id. */
  private record Read(String definitionId, Criteria criteria) {}

  private volatile Read lastRead;

  public Criteria current() {
    return AsProcess.call(() -> {
      DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
          .latestVersion().singleResult();
      Read read = lastRead;
      if (read == null || !read.definitionId().equals(definition.getId())) {
        read = new Read(definition.getId(), read(definition));
        lastRead = read;
      }
      return read.criteria();
    });
  }

  private Criteria read(DecisionDefinition definition) {
    DmnModelInstance model = repository.getDmnModelInstance(definition.getId());
    Decision decision = model.getModelElementById(definition.getKey());
    DecisionTable table = (DecisionTable) decision.getExpression();
    List<Input> inputs = new ArrayList<>(table.getInputs());
    List<Output> outputs = new ArrayList<>(table.getOutputs());
    int pointsColumn = column(outputs, "points");
    int reasonColumn = column(outputs, "reason");
    List<Criterion> rules = new ArrayList<>();
    for (Rule rule : table.getRules()) {
      List<OutputEntry> out = new ArrayList<>(rule.getOutputEntries());
      List<InputEntry> in = new ArrayList<>(rule.getInputEntries());
      List<String> when = new ArrayList<>();
      for (int i = 0; i < in.size() && i < inputs.size(); i++) {
        String entry = text(in.get(i).getTextContent());
        if (!entry.isEmpty() && !entry.equals("-")) {
          when.add(inputs.get(i).getLabel() + ": " + readable(entry));
        }
      }
      rules.add(new Criterion(Integer.parseInt(text(out.get(pointsColumn).getTextContent())),
          unquote(text(out.get(reasonColumn).getTextContent())), when,
          rule.getDescription() == null ? null : text(rule.getDescription().getTextContent())));
    }
    return new Criteria(decision.getName(), decision.getDescription() == null ? null : text(decision.getDescription().getTextContent()),
        definition.getVersion(), rules);
  }

  /** The criteria in Markdown, as the needs description form shows them. */
  public String markdown() {
    Criteria criteria = current();
    StringBuilder md = new StringBuilder(texts.get("criteria.heading", criteria.version()));
    if (criteria.description() != null && !criteria.description().isBlank()) {
      md.append("\n\n").append(criteria.description());
    }
    md.append("\n");
    for (Criterion c : criteria.rules()) {
      if (c.points() == 0) {
        continue;
      }
      md.append("\n- ").append(texts.get("criteria.rule", c.points(), c.reason()));
      if (c.note() != null && !c.note().isBlank()) {
        md.append(" – ").append(c.note());
      }
    }
    return md.toString();
  }

  private static int column(List<Output> outputs, String name) {
    for (int i = 0; i < outputs.size(); i++) {
      if (name.equals(outputs.get(i).getName())) {
        return i;
      }
    }
    throw new IllegalStateException("The prioritisation table has no output named " + name);
  }

  /** An entry as people read it: ja/nej, codes by their Swedish names. */
  private String readable(String entry) {
    return switch (entry) {
      case "true" -> texts.get("yes");
      case "false" -> texts.get("no");
      default -> java.util.Arrays.stream(entry.split(","))
          .map(String::trim).map(PrioritisationCriteria::unquote)
          .map(this::label)
          .collect(Collectors.joining(", "));
    };
  }

  private String label(String code) {
    if (java.util.Arrays.stream(NeedsDescription.TargetStage.values()).anyMatch(v -> v.name().equals(code))) {
      return texts.get("stage." + code);
    }
    if (java.util.Arrays.stream(NeedsDescription.NeedKind.values()).anyMatch(v -> v.name().equals(code))) {
      return texts.get("needKind." + code);
    }
    return code;
  }

  private static String text(String s) {
    return s == null ? "" : s.strip();
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }
}
