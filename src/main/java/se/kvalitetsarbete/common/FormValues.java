package se.kvalitetsarbete.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.AbstractTypedValue;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.type.SpinValueType;
import org.springframework.stereotype.Component;

/**
 * A task's form values are never stored as variables: what a form shows and starts from is asked
 * of its glue ({@link TaskForm#show}) when the form is read (Tasklist's form variables, the Java
 * API's), and again when it is submitted (submit-form or complete, from Tasklist, REST or Java),
 * where the submitted fields replace the pre-filled ones. Both are given to the glue's submit as
 * transient variables, which the engine neither writes nor keeps in history: our records keep what
 * was submitted. Before, every task wrote and then removed each field as a variable, with history
 * rows for each: about half of all statements per task.
 *
 * <p>A submitted field that is a stored variable of the process (an id the process runs on, a
 * field a task of an earlier version left) goes the engine's usual way, so every check on it
 * ({@code UserCommandCheck}, {@code RecordOwnership}) applies as before. Nothing is asked of the
 * glue before the engine's own check that the person may read (or work on) the task.
 */
@Component
public class FormValues extends AbstractProcessEnginePlugin {

  /** The glue of a task definition (process definition id + task key), or none. */
  private final Map<String, Optional<TaskForm>> glue = new ConcurrentHashMap<>();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandInterceptor values = new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (command instanceof SubmitTaskFormCmd submit) {
          Map<String, Object> usual = beforeSubmit((String) field(submit, "taskId"), map(field(submit, "properties")));
          if (usual != null) {
            replace(submit, "properties", Variables.fromMap(usual));
          }
        } else if (command instanceof CompleteTaskCmd complete) {
          Map<String, Object> usual = beforeSubmit((String) field(complete, "taskId"), map(field(complete, "variables")));
          if (usual != null) {
            replace(complete, "variables", usual);
          }
        }
        T result = next.execute(command);
        if (command instanceof GetTaskFormVariablesCmd read && result instanceof VariableMap variables) {
          whenRead(read.resourceId, read.formVariableNames, Boolean.TRUE.equals(field(read, "deserializeObjectValues")), variables);
        }
        return result;
      }
    };
    CommandChains.addInside(configuration, values, false);
  }

  /** The form as read: what is stored, with the glue's values over it. */
  private void whenRead(String taskId, Collection<String> names, boolean deserialize, VariableMap variables) {
    TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
    TaskForm form = task == null ? null : formOf(task);
    if (form == null) {
      return;
    }
    FormFields.Values values = form.values(task, name -> names == null || names.contains(name));
    Map<String, Object> all = new HashMap<>(values.inputs());
    all.putAll(values.shown());
    all.forEach((name, value) -> {
      if (names == null || names.contains(name)) {
        variables.putValueTyped(name, typed(value, deserialize));
      }
    });
  }

  /**
   * Before a submission: the pre-filled values, and the submitted fields over them, become
   * transient variables of the task. Answers what is left for the engine's usual way, or null when
   * the task has no glue of ours (then nothing changes).
   */
  private Map<String, Object> beforeSubmit(String taskId, Map<String, Object> submitted) {
    CommandContext context = Context.getCommandContext();
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    TaskForm form = task == null ? null : formOf(task);
    if (form == null || task.getExecution() == null) {
      return null;
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskWork(task);
    }
    Map<String, Object> usual = new HashMap<>();
    Map<String, Object> inputs = form.values(task, name -> false).inputs();
    inputs.forEach((name, value) -> {
      if (!submitted.containsKey(name) && !storedOnTask(task, name)) {
        task.setVariableLocal(name, asTransient(value));
      }
    });
    submitted.forEach((name, value) -> {
      // a field of the form stays with the task, as when it was pre-filled there; anything else
      // that is a variable of the process is set on it the usual way (and checked as such)
      if (inputs.containsKey(name) ? storedOnTask(task, name) : stored(task, name)) {
        usual.put(name, value);
      } else {
        task.setVariableLocal(name, asTransient(value));
      }
    });
    return usual;
  }

  /** Whether a task created before this way of working has the field stored where it was pre-filled (the task's execution). */
  static boolean storedOnTask(TaskEntity task, String name) {
    return isStored(task.getVariableInstanceLocal(name)) || isStored(task.getExecution().getVariableInstanceLocal(name));
  }

  private static boolean isStored(CoreVariableInstance instance) {
    return instance != null && !(instance instanceof VariableInstanceEntity entity && entity.isTransient());
  }

  /** Whether the name is a stored (not transient) variable of the task or a scope above it. */
  static boolean stored(AbstractVariableScope scope, String name) {
    for (AbstractVariableScope at = scope; at != null; at = at.getParentVariableScope()) {
      CoreVariableInstance instance = at.getVariableInstanceLocal(name);
      if (instance != null) {
        return isStored(instance);
      }
    }
    return false;
  }

  private TaskForm formOf(TaskEntity task) {
    if (task.getTaskDefinition() == null) {
      return null;
    }
    return glue.computeIfAbsent(task.getProcessDefinitionId() + '/' + task.getTaskDefinitionKey(), key -> {
      List<TaskListener> listeners = new ArrayList<>(task.getTaskDefinition().getTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE));
      listeners.addAll(task.getTaskDefinition().getTaskListenersForEvent(TaskListener.EVENTNAME_CREATE));
      for (TaskListener listener : listeners) {
        if (listener instanceof DelegateExpressionTaskListener delegate
            && ((org.camunda.bpm.engine.delegate.Expression) field(delegate, "expression")).getValue(task) instanceof TaskForm form) {
          return Optional.of(form);
        }
      }
      return Optional.empty();
    }).orElse(null);
  }

  private static TypedValue asTransient(Object value) {
    if (value instanceof UntypedValueImpl untyped) {
      return Variables.untypedValue(untyped.getValue(), true);
    }
    if (value instanceof AbstractTypedValue<?> typed) {
      typed.setTransient(true);
      return typed;
    }
    if (value instanceof TypedValue typed) {
      return typed;
    }
    return Variables.untypedValue(value, true);
  }

  /** As the engine would give a stored value: Json serialized for Tasklist, a Spin node for the Java API. */
  private static TypedValue typed(Object value, boolean deserialize) {
    if (value == null) {
      return Variables.untypedNullValue();
    }
    if (value instanceof SerializableValue serializable && SpinValueType.JSON.equals(serializable.getType())) {
      String json = serializable.isDeserialized() ? String.valueOf(serializable.getValue()) : serializable.getValueSerialized();
      return deserialize ? SpinValues.jsonValue(Spin.JSON(json)).create() : SpinValues.jsonValue(json).create();
    }
    if (value instanceof TypedValue typed) {
      return typed;
    }
    Object untyped = Variables.untypedValue(value);
    return Context.getProcessEngineConfiguration().getVariableSerializers()
        .findSerializerForValue((TypedValue) untyped).convertToTypedValue((UntypedValueImpl) untyped);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object variables) {
    Map<String, Object> copy = new HashMap<>();
    if (variables instanceof VariableMap typed) {
      typed.keySet().forEach(name -> copy.put(name, typed.getValueTyped(name)));
    } else if (variables instanceof Map<?, ?> plain) {
      copy.putAll((Map<String, Object>) plain);
    }
    return copy;
  }

  private static Object field(Object target, String name) {
    return EngineFields.read(target, name);
  }

  private static void replace(Object target, String name, Object value) {
    EngineFields.write(target, name, value);
  }
}
