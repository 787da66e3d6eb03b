package se.kvalitetsarbete.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a task's form shows and starts from, given by the form's glue ({@link TaskForm#show}) and
 * never stored: {@link FormValues} asks for it when the form is read (Tasklist's form variables)
 * and again when it is submitted, where the submitted fields replace the pre-filled ones. Inputs
 * are pre-filled values of fields that are submitted back; shown values are only read.
 */
public final class FormFields {

  /** A form's values, as {@link TaskForm#show} gives them. */
  public record Values(Map<String, Object> inputs, Map<String, Object> shown) {}

  /** What is being collected: the values, and which shown values are asked for. */
  private record Collecting(Values values, Predicate<String> shownAsked) {}

  private static final ThreadLocal<Collecting> COLLECTING = new ThreadLocal<>();

  private FormFields() {}

  /**
   * Runs the form's glue and answers what it gave, instead of writing anything. A shown value is
   * worked out only when its name is asked for: not at all when the form is submitted.
   */
  static Values collect(Runnable show, Predicate<String> shownAsked) {
    Collecting previous = COLLECTING.get();
    Values values = new Values(new LinkedHashMap<>(), new LinkedHashMap<>());
    COLLECTING.set(new Collecting(values, shownAsked));
    try {
      show.run();
      return values;
    } finally {
      if (previous == null) {
        COLLECTING.remove();
      } else {
        COLLECTING.set(previous);
      }
    }
  }

  public static void prefill(DelegateTask task, Map<String, ?> inputs) {
    inputs.forEach((name, value) -> collecting().values().inputs().put(name, value));
  }

  public static void prefillEmpty(DelegateTask task, String... inputs) {
    for (String name : inputs) {
      collecting().values().inputs().put(name, null);
    }
  }

  /**
   * Values only shown, never submitted back. A text goes to the form as a Json string: Tasklist
   * parses a Json variable before handing it to the form, so the field shows the text however long.
   */
  public static void show(DelegateTask task, String name, Supplier<?> value) {
    Collecting collecting = collecting();
    if (collecting.shownAsked().test(name)) {
      Object shown = value.get();
      collecting.values().shown().put(name, shown instanceof String text ? JsonVariables.json(text) : shown);
    }
  }

  /** Inputs that a form of an earlier version left on the task's execution, removed once stored. */
  public static void clear(DelegateTask task, String... inputs) {
    task.getExecution().removeVariablesLocal(java.util.List.of(inputs));
  }

  private static Collecting collecting() {
    Collecting values = COLLECTING.get();
    if (values == null) {
      throw new IllegalStateException("A form's values are given when the form is read or submitted (FormValues), not written");
    }
    return values;
  }
}
