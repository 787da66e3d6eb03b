package se.kvalitetsarbete.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads and checks what a user submitted with a task, the same rules for Tasklist and REST.
 * Collects every problem, then {@link #check()} refuses the submission with one Swedish message
 * that names each field.
 */
public class FormInput {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The most a top-level text may hold: Camunda keeps a submitted String in a varchar(4000). */
  public static final int MAX_VARIABLE_TEXT = 4000;

  private final VariableScope scope;
  private final Texts texts;
  private final FormSchema form;
  private final List<String> problems = new ArrayList<>();
  private String rowPrefix = "";

  public FormInput(VariableScope scope, Texts texts) {
    this(scope, texts, FormSchema.empty(""));
  }

  /** Checks against what the form says of each field: its limits, whether required, its options and label. */
  public FormInput(VariableScope scope, Texts texts, FormSchema form) {
    this.scope = scope;
    this.texts = texts;
    this.form = form;
  }

  // What the form says, said once: the methods below take limits, required and options from it.
  // A field may be required by a rule across fields (requiredIf), never less than the form says.

  /** A text as the form allows it (its maxLength; required as the form says). */
  public String text(String field) {
    return text(field, false);
  }

  /** A text as the form allows it, also required when {@code requiredIf} (e.g. a comment when sending back). */
  public String text(String field, boolean requiredIf) {
    return text(field, maxLength(field), required(field, requiredIf));
  }

  /** A text in a dynamic list's row, as the form allows it. */
  public String text(String field, JsonNode node) {
    return text(field, node, maxLength(field), required(field, false));
  }

  /** One of the form's options for this field. */
  public String choice(String field) {
    return choice(field, false);
  }

  public String choice(String field, boolean requiredIf) {
    return choice(field, options(field), required(field, requiredIf));
  }

  /** A checklist: each value one of the form's options. */
  public List<String> list(String field, boolean requiredIf) {
    return list(field, options(field), required(field, requiredIf));
  }

  /** A whole number within the form's min and max. */
  public Integer integer(String field, boolean requiredIf) {
    BigDecimal value = number(field, requiredIf);
    if (value != null && value.stripTrailingZeros().scale() > 0) {
      problem("error.notWholeNumber", field);
      return null;
    }
    return value == null ? null : value.intValue();
  }

  public Integer integer(String field) {
    return integer(field, false);
  }

  /** A number within the form's min and max. */
  public BigDecimal number(String field, boolean requiredIf) {
    return number(field, min(field), max(field), required(field, requiredIf));
  }

  /** A number in a dynamic list's row, within the form's min and max. */
  public BigDecimal number(String field, JsonNode node, boolean requiredIf) {
    return number(field, node, min(field), max(field), required(field, requiredIf));
  }

  public LocalDate date(String field) {
    return date(field, required(field, false));
  }

  private FormSchema.Field spec(String field) {
    return form.field(field).orElse(null);
  }

  private int maxLength(String field) {
    FormSchema.Field spec = spec(field);
    int max = spec == null || spec.maxLength() == null ? MAX_VARIABLE_TEXT : spec.maxLength();
    // A top-level text beyond Camunda's limit cannot be stored: refuse it with a message, not a 500.
    return spec != null && spec.parentKey() != null ? max : Math.min(max, MAX_VARIABLE_TEXT);
  }

  private boolean required(String field, boolean requiredIf) {
    FormSchema.Field spec = spec(field);
    return requiredIf || spec != null && spec.required();
  }

  private Set<String> options(String field) {
    FormSchema.Field spec = spec(field);
    return spec == null || spec.options() == null ? Set.of() : Set.copyOf(spec.options());
  }

  private BigDecimal min(String field) {
    FormSchema.Field spec = spec(field);
    if (spec != null && spec.min() == null && numericOptions(spec) != null) {
      return numericOptions(spec).stream().min(BigDecimal::compareTo).orElseThrow();
    }
    return spec == null || spec.min() == null ? BigDecimal.valueOf(Long.MIN_VALUE) : spec.min();
  }

  private BigDecimal max(String field) {
    FormSchema.Field spec = spec(field);
    if (spec != null && spec.max() == null && numericOptions(spec) != null) {
      return numericOptions(spec).stream().max(BigDecimal::compareTo).orElseThrow();
    }
    return spec == null || spec.max() == null ? BigDecimal.valueOf(Long.MAX_VALUE) : spec.max();
  }

  /** A scale given as options (a radio 1–4): its numbers; null when the options are not all numbers. */
  private static List<BigDecimal> numericOptions(FormSchema.Field spec) {
    if (spec.options() == null || spec.options().isEmpty()) {
      return null;
    }
    try {
      return spec.options().stream().map(BigDecimal::new).toList();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A text, trimmed; null when empty and not required. */
  public String text(String field, int maxLength, boolean required) {
    return checkedText(field, plain(scope.getVariable(field)), maxLength, required);
  }

  /** A value as text; a Json string (how long texts are shown to a form) as its content. */
  private static String plain(Object raw) {
    if (raw instanceof org.camunda.spin.json.SpinJsonNode node) {
      return node.isNull() ? null : node.isString() ? node.stringValue() : node.toString();
    }
    return raw == null ? null : raw.toString();
  }

  public boolean bool(String field) {
    Object raw = scope.getVariable(field);
    if (raw == null || raw instanceof Boolean) {
      return Boolean.TRUE.equals(raw);
    }
    String value = raw.toString().trim();
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") || value.isEmpty()) {
      return value.equalsIgnoreCase("true");
    }
    problem("error.notBoolean", field);
    return false;
  }

  public BigDecimal number(String field, BigDecimal min, BigDecimal max, boolean required) {
    return toNumber(field, scope.getVariable(field), min, max, required);
  }

  public Integer integer(String field, int min, int max, boolean required) {
    BigDecimal value = number(field, BigDecimal.valueOf(min), BigDecimal.valueOf(max), required);
    if (value != null && value.stripTrailingZeros().scale() > 0) {
      problem("error.notWholeNumber", field);
      return null;
    }
    return value == null ? null : value.intValue();
  }

  /** A date (a datetime field with date only arrives as "yyyy-MM-dd"). */
  public LocalDate date(String field, boolean required) {
    Object raw = scope.getVariable(field);
    if (raw instanceof Date date) {
      return Dates.toLocal(date).toLocalDate();
    }
    String value = raw == null ? "" : raw.toString().trim();
    if (value.isEmpty()) {
      if (required) {
        problem("error.required", field);
      }
      return null;
    }
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      problem("error.notADate", field);
      return null;
    }
  }

  /** One of the allowed values (a radio or select field). */
  public String choice(String field, Set<String> allowed, boolean required) {
    String value = text(field, MAX_VARIABLE_TEXT, required);
    if (value != null && !allowed.contains(value)) {
      problem("error.notAChoice", field);
      return null;
    }
    return value;
  }

  /** A checklist or tag list: every value must be one of the allowed ones. */
  public List<String> list(String field, Set<String> allowed, boolean required) {
    List<String> values = new ArrayList<>();
    for (JsonNode item : jsonArray(field, scope.getVariable(field))) {
      values.add(item.asText());
    }
    if (values.isEmpty() && required) {
      problem("error.requiredChoice", field);
    }
    if (!allowed.isEmpty() && values.stream().anyMatch(v -> !allowed.contains(v))) {
      problem("error.notAChoice", field);
    }
    return values;
  }

  /** A JSON array variable (a dynamic list in a form), as Jackson nodes. */
  public List<JsonNode> objects(String field) {
    List<JsonNode> items = new ArrayList<>();
    jsonArray(field, scope.getVariable(field)).forEach(items::add);
    return items;
  }

  /** A text inside a submitted JSON object (a dynamic list's row), checked like a top-level field. */
  public String text(String field, JsonNode node, int maxLength, boolean required) {
    return checkedText(field, node == null || node.isNull() ? null : node.asText(), maxLength, required);
  }

  private String checkedText(String field, String raw, int maxLength, boolean required) {
    String value = raw == null ? null : raw.trim();
    if (value == null || value.isEmpty()) {
      if (required) {
        problem("error.required", field);
      }
      return null;
    }
    if (value.length() > maxLength) {
      problem("error.tooLong", field, String.valueOf(maxLength));
      return null;
    }
    return value;
  }

  /** A number inside a submitted JSON object, checked like a top-level field. */
  public BigDecimal number(String field, JsonNode node, BigDecimal min, BigDecimal max, boolean required) {
    Object raw = node == null || node.isNull() ? null : node.isNumber() ? node.decimalValue() : node.asText();
    return toNumber(field, raw, min, max, required);
  }

  /** Records a rule broken across fields; the key's text receives the arguments. */
  public void problem(String key, Object... args) {
    Object[] labelled = args.clone();
    if (labelled.length > 0 && labelled[0] instanceof String field) {
      labelled[0] = label(field);
    }
    problems.add(rowPrefix + texts.get(key, labelled));
  }

  /** Problems found from now on are about this row of a list (1-based); null for the form itself. */
  public void row(Integer number) {
    rowPrefix = number == null ? "" : texts.get("error.row", number);
  }

  public void require(boolean condition, String key, Object... args) {
    if (!condition) {
      problem(key, args);
    }
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** Refuses the submission, with every problem found, if there were any. */
  public void check() {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(texts.get("error.form", String.join(" ", problems)));
    }
  }

  /** The form's label for the field (what the user sees), else the bundle's {@code field.<key>}, else the key. */
  private String label(String field) {
    FormSchema.Field spec = spec(field);
    if (spec != null && spec.label() != null && !spec.label().isBlank()) {
      return spec.label();
    }
    String key = "field." + field;
    String label = texts.get(key);
    return label.equals(key) ? field : label;
  }

  private BigDecimal toNumber(String field, Object raw, BigDecimal min, BigDecimal max, boolean required) {
    if (raw == null || raw.toString().isBlank()) {
      if (required) {
        problem("error.required", field);
      }
      return null;
    }
    BigDecimal value;
    try {
      value = raw instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(raw.toString().trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      problem("error.notANumber", field);
      return null;
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      problem("error.outOfRange", field, decimal(min), decimal(max));
      return null;
    }
    return value;
  }

  /** As Swedish readers write it: 0,5. */
  private static String decimal(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString().replace('.', ',');
  }

  private Iterable<JsonNode> jsonArray(String field, Object raw) {
    if (raw == null) {
      return List.of();
    }
    try {
      JsonNode node;
      if (raw instanceof Collection<?> collection) {
        node = JSON.valueToTree(collection);
      } else {
        String text = raw.toString().trim();
        if (text.isEmpty()) {
          return List.of();
        }
        node = text.startsWith("[") ? JSON.readTree(text) : JSON.valueToTree(List.of(text.split("\\s*,\\s*")));
      }
      if (node.isArray()) {
        return node;
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // reported below
    }
    problem("error.notAList", field);
    return List.of();
  }
}
