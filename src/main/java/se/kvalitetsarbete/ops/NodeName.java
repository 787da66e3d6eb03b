package se.kvalitetsarbete.ops;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each node of a cluster on one database locks the jobs it runs under its own name
 * (kvalitet.node-name, the host name by default) and writes it as the host name in the job log
 * (ACT_HI_JOB_LOG.HOSTNAME_), so the job log and Cockpit tell the nodes apart. A node holds a job
 * for kvalitet.jobs.lock-time-in-millis: when it dies, another node takes its jobs after that.
 */
@Component
public class NodeName extends AbstractProcessEnginePlugin {

  private final String name;
  private final int lockTimeInMillis;

  public NodeName(@Value("${kvalitet.node-name}") String name,
      @Value("${kvalitet.jobs.lock-time-in-millis:60000}") int lockTimeInMillis) {
    this.name = name;
    this.lockTimeInMillis = lockTimeInMillis;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHostname(name);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(name);
      configuration.getJobExecutor().setLockTimeInMillis(lockTimeInMillis);
    }
  }
}
