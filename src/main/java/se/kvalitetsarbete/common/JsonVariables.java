package se.kvalitetsarbete.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/** JSON process variables for what forms show in lists (dynamic lists, tag options, checklists). */
public final class JsonVariables {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private JsonVariables() {}

  public static TypedValue json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON variable", e);
    }
  }
}
