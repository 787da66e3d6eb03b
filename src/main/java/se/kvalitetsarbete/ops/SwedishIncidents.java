package se.kvalitetsarbete.ops;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.Texts;

/**
 * A job that failed all its retries becomes an incident whose message tells the administrator,
 * in Swedish, which step stopped and what to do; the engine's own reason follows.
 */
@Component
public class SwedishIncidents extends AbstractProcessEnginePlugin {

  /** The incident message column holds 4000 characters. */
  static final int MAX_MESSAGE = 3900;

  private final Texts texts;

  public SwedishIncidents(Texts texts) {
    this.texts = texts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomIncidentHandlers() == null) {
      configuration.setCustomIncidentHandlers(new ArrayList<>());
    }
    configuration.getCustomIncidentHandlers().add(new Handler());
  }

  class Handler extends DefaultIncidentHandler {

    Handler() {
      super(Incident.FAILED_JOB_HANDLER_TYPE);
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
      String text = texts.get("incident.failedJob", stepName(context), message == null ? "" : message);
      return super.handleIncident(context, text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) : text);
    }

    private String stepName(IncidentContext context) {
      String activityId = context.getActivityId();
      if (context.getExecutionId() != null && Context.getCommandContext() != null) {
        ExecutionEntity execution = Context.getCommandContext().getExecutionManager().findExecutionById(context.getExecutionId());
        if (execution != null && execution.getProcessDefinition() != null && activityId != null) {
          var activity = execution.getProcessDefinition().findActivity(activityId.replace("#multiInstanceBody", ""));
          if (activity != null && activity.getName() != null) {
            return activity.getName();
          }
        }
      }
      return activityId == null ? "?" : activityId;
    }
  }
}
