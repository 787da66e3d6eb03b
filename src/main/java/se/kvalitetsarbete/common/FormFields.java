package se.kvalitetsarbete.common;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Where a task's form values live. Inputs are pre-filled on the task's own execution, so that a
 * submission through Tasklist (submit-form) and through REST or Java (complete) both update the
 * same variables, parallel tasks do not share them, and {@link #clear} removes them once stored.
 */
public final class FormFields {

  private FormFields() {}

  public static void prefill(DelegateTask task, Map<String, ?> inputs) {
    inputs.forEach((name, value) -> task.getExecution().setVariableLocal(name, value));
  }

  public static void prefillEmpty(DelegateTask task, String... inputs) {
    for (String name : inputs) {
      task.getExecution().setVariableLocal(name, null);
    }
  }

  /**
   * Values only shown, never submitted back. A text goes to the form as a Json string: a String
   * variable holds at most 4000 characters, a text built from people's writing may hold more, and
   * Tasklist parses a Json variable before handing it to the form, so the field shows the text.
   */
  public static void show(DelegateTask task, String name, Object value) {
    task.setVariableLocal(name, value instanceof String text ? JsonVariables.json(text) : value);
  }

  public static void clear(DelegateTask task, String... inputs) {
    task.getExecution().removeVariablesLocal(java.util.List.of(inputs));
  }
}
