package se.kvalitetsarbete.common;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * The form a user task shows, read from the deployment its process came from (the binding our
 * models use), so that a form changed and deployed from Modeler is what the server checks. Falls
 * back to the application's own {@code forms/} on the classpath.
 */
@Component
public class FormSchemas {

  private final Map<String, Map<String, FormSchema>> byDeployment = new ConcurrentHashMap<>();

  public FormSchema of(DelegateTask task) {
    ModelElementInstance element = task.getBpmnModelElementInstance();
    String formId = element instanceof UserTask userTask ? userTask.getCamundaFormRef() : null;
    if (formId == null) {
      return FormSchema.empty("");
    }
    CommandContext context = Context.getCommandContext();
    if (context != null && task.getProcessDefinitionId() != null) {
      ProcessDefinition definition = Context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(task.getProcessDefinitionId());
      FormSchema deployed = byDeployment.computeIfAbsent(definition.getDeploymentId(), id -> formsOf(context, id)).get(formId);
      if (deployed != null) {
        return deployed;
      }
    }
    return onClasspath(formId);
  }

  /** The application's own form with this id ({@code forms/<id>.form}). */
  public FormSchema onClasspath(String formId) {
    return FormSchema.application(formId);
  }

  private static Map<String, FormSchema> formsOf(CommandContext context, String deploymentId) {
    Map<String, FormSchema> forms = new ConcurrentHashMap<>();
    for (ResourceEntity resource : context.getResourceManager().findResourcesByDeploymentId(deploymentId)) {
      if (resource.getName().endsWith(".form") && resource.getBytes() != null) {
        try {
          FormSchema form = FormSchema.parse(new ByteArrayInputStream(resource.getBytes()));
          forms.putIfAbsent(form.id(), form);
        } catch (RuntimeException e) {
          // not a form we can read: the classpath's form applies
        }
      }
    }
    return forms;
  }
}
