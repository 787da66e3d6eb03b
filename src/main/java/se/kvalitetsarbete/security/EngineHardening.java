package se.kvalitetsarbete.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import jakarta.persistence.EntityManager;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.common.CommandChains;

/**
 * Closes, inside the engine, what 7.24.0 Community leaves open (see the README's security table):
 * expressions see only variables and the process glue, deployments are checked before they are
 * parsed, people's commands are checked where no REST route can go around it, and assignees may
 * work on a task (claim, complete) but not set its variables ({@code TASK_WORK} instead of
 * {@code UPDATE}).
 */
@Component
public class EngineHardening extends AbstractProcessEnginePlugin {

  private final ApplicationContext beans;
  private final EntityManager records;

  public EngineHardening(ApplicationContext beans, EntityManager records) {
    this.beans = beans;
    this.records = records;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new RestrictedExpressionManager(beans));
    configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
    configuration.setEnableExpressionsInAdhocQueries(false);

    List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(0, new DeploymentCheck());
    configuration.setCustomPreDeployers(preDeployers);

    List<BpmnParseListener> parseListeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    parseListeners.add(new RecordOwnership(records));
    configuration.setCustomPreBPMNParseListeners(parseListeners);

    UserCommandCheck check = new UserCommandCheck();
    CommandChains.addInside(configuration, check, true);
  }
}
