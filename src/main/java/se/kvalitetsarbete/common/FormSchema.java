package se.kvalitetsarbete.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Camunda Form (forms/*.form, as deployed) says about its fields: label, limits, whether
 * required, options. The form is the one place that says what a field accepts; {@link FormInput}
 * checks submissions against it, and a build-time test checks columns and texts against it.
 */
public final class FormSchema {

  /** Kinds of components that take no input. */
  private static final List<String> DISPLAY_ONLY = List.of("text", "html", "spacer", "separator", "image", "button", "iframe", "table", "expression");

  /** One field with a key. {@code options} is null when the form gives none (or takes them from a variable: {@code valuesKey}). */
  public record Field(String key, String type, String label, Integer maxLength, boolean required, BigDecimal min,
      BigDecimal max, List<String> options, String valuesKey, boolean disabled, boolean readonly, boolean conditional,
      String parentKey) {

    /** A field a person fills in (not one only shown). */
    public boolean input() {
      return !disabled && !readonly && !DISPLAY_ONLY.contains(type) && !"dynamiclist".equals(type) && !"group".equals(type);
    }

    /** A text a person types. */
    public boolean typedText() {
      return input() && ("textfield".equals(type) || "textarea".equals(type));
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String id;
  private final List<Field> fields;
  private final Map<String, Field> byKey = new LinkedHashMap<>();

  private FormSchema(String id, List<Field> fields) {
    this.id = id;
    this.fields = List.copyOf(fields);
    fields.forEach(f -> byKey.putIfAbsent(f.key(), f));
  }

  public static FormSchema parse(InputStream json) {
    try {
      JsonNode form = JSON.readTree(json);
      List<Field> fields = new ArrayList<>();
      collect(form.path("components"), null, fields);
      return new FormSchema(form.path("id").asText(), fields);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read form", e);
    }
  }

  private static final Map<String, FormSchema> APPLICATION_FORMS = new java.util.concurrent.ConcurrentHashMap<>();

  /** The application's own form with this id ({@code forms/<id>.form} on the classpath); empty if there is none. */
  public static FormSchema application(String formId) {
    return APPLICATION_FORMS.computeIfAbsent(formId, id -> {
      try (InputStream in = FormSchema.class.getClassLoader().getResourceAsStream("forms/" + id + ".form")) {
        return in == null ? empty(id) : parse(in);
      } catch (IOException e) {
        return empty(id);
      }
    });
  }

  /** The most characters this form lets a person give the field, or {@code otherwise}. */
  public int maxLength(String key, int otherwise) {
    return field(key).map(Field::maxLength).orElse(otherwise);
  }

  /** A form that says nothing: every field is unknown to it. */
  public static FormSchema empty(String id) {
    return new FormSchema(id, List.of());
  }

  public String id() {
    return id;
  }

  /** Every keyed field, dynamic lists' fields included, in the form's order. */
  public List<Field> fields() {
    return fields;
  }

  public Optional<Field> field(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  private static void collect(JsonNode components, String parentKey, List<Field> into) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      String key = c.hasNonNull("key") ? c.get("key").asText() : c.hasNonNull("path") ? c.get("path").asText() : null;
      if (key != null && !key.isBlank()) {
        JsonNode validate = c.path("validate");
        List<String> options = null;
        if (c.path("values").isArray() && !c.path("values").isEmpty()) {
          options = new ArrayList<>();
          for (JsonNode v : c.get("values")) {
            options.add(v.path("value").asText());
          }
        }
        String label = c.hasNonNull("label") ? c.get("label").asText() : c.hasNonNull("dateLabel") ? c.get("dateLabel").asText() : null;
        into.add(new Field(key, type, label,
            validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
            validate.path("required").asBoolean(false),
            validate.hasNonNull("min") ? validate.get("min").decimalValue() : null,
            validate.hasNonNull("max") ? validate.get("max").decimalValue() : null,
            options == null ? null : List.copyOf(options),
            c.hasNonNull("valuesKey") ? c.get("valuesKey").asText() : null,
            c.path("disabled").asBoolean(false), c.path("readonly").asBoolean(false),
            c.has("conditional"), parentKey));
      }
      if (c.path("components").isArray()) {
        collect(c.get("components"), "dynamiclist".equals(type) ? key : parentKey, into);
      }
    }
  }
}
