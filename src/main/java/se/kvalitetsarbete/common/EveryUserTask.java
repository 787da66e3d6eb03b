package se.kvalitetsarbete.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * What the application adds to every user task of every deployed model (due dates, mails, the sole
 * candidate's assignment), after the model's own parsing, so that no model needs to say it.
 */
public final class EveryUserTask {

  private EveryUserTask() {}

  /** {@code add} gets each user task's process key and definition as a model is deployed or read. */
  public static void extend(ProcessEngineConfigurationImpl configuration, BiConsumer<String, TaskDefinition> add) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          add.accept(((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey(), userTask.getTaskDefinition());
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
