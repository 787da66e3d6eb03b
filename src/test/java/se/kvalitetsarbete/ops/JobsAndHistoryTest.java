package se.kvalitetsarbete.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Finished history is removed at night once its time-to-live has passed; nothing else is. The jobs
 * of a node that died are taken over by another once its lock has run out.
 */
// One process engine per JVM is registered by name: each class closes its own.
@DirtiesContext
@SpringBootTest
@ActiveProfiles("test")
class JobsAndHistoryTest {

  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  Deployment probe;

  @AfterEach
  void timeGoesBack() {
    ClockUtil.reset();
    if (probe != null) {
      repository.deleteDeployment(probe.getId(), true);
    }
  }

  @Test
  void theCleanupIsScheduledForTheNightWindow() {
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00+0100");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0100");
    Job cleanup = management.createJobQuery().list().stream()
        .filter(job -> "history-cleanup".equals(((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job).getJobHandlerType()))
        .findFirst().orElseThrow();
    OffsetDateTime due = cleanup.getDuedate().toInstant().atOffset(ZoneOffset.ofHours(1));
    assertThat(due.getHour()).as("due in the window, Swedish winter time").isBetween(1, 4);
  }

  @Test
  void finishedHistoryPastItsTimeToLiveIsRemovedAndNewerHistoryIsKept() {
    probe = repository.createDeployment().name("history-cleanup-probe")
        .addModelInstance("cleanup-probe.bpmn", Bpmn.createExecutableProcess("CleanupProbe")
            .camundaHistoryTimeToLive(30).startEvent().userTask("Task_Probe").endEvent().done())
        .deploy();
    String old = runtime.startProcessInstanceByKey("CleanupProbe").getId();
    finish(old);
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(20))));
    String recent = runtime.startProcessInstanceByKey("CleanupProbe").getId();
    finish(recent);
    String running = runtime.startProcessInstanceByKey("CleanupProbe").getId();

    // 31 days after the first instance ended: only its history is past the time-to-live.
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(11))));
    Job cleanup = history.cleanUpHistoryAsync(true);
    for (int pass = 0; pass < 5 && cleanup != null && management.createJobQuery().jobId(cleanup.getId()).executable().count() > 0; pass++) {
      management.executeJob(cleanup.getId());
    }

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(old).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(old).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(recent).count()).isEqualTo(1);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(running).count()).isEqualTo(1);
  }

  @Test
  void aDeadNodesJobsAreTakenOverByAnotherNodeWithinAMinute() {
    var jobExecutor = configuration.getJobExecutor();
    assertThat(jobExecutor.getLockOwner()).isEqualTo(configuration.getHostname()).isNotBlank();
    assertThat(jobExecutor.getLockTimeInMillis()).isEqualTo(60_000);
    probe = repository.createDeployment().name("job-takeover-probe")
        .addModelInstance("takeover-probe.bpmn", Bpmn.createExecutableProcess("TakeoverProbe")
            .camundaHistoryTimeToLive(30).startEvent().serviceTask().camundaAsyncBefore().camundaExpression("${true}").endEvent().done())
        .deploy();
    String instance = runtime.startProcessInstanceByKey("TakeoverProbe").getId();
    String jobId = management.createJobQuery().processInstanceId(instance).singleResult().getId();

    // Another node took the job and died with it: its lock runs for the lock time from now.
    Date now = ClockUtil.getCurrentTime();
    configuration.getCommandExecutorTxRequired().execute(context -> {
      JobEntity job = context.getJobManager().findJobById(jobId);
      job.setLockOwner("node-that-died");
      job.setLockExpirationTime(new Date(now.getTime() + 60_000));
      return null;
    });
    assertThat(acquiredBy(jobExecutor)).as("still locked by the dead node").doesNotContain(jobId);

    ClockUtil.setCurrentTime(new Date(now.getTime() + 61_000));
    assertThat(acquiredBy(jobExecutor)).as("taken over after the lock time").contains(jobId);
    assertThat(((JobEntity) management.createJobQuery().jobId(jobId).singleResult()).getLockOwner()).isEqualTo(jobExecutor.getLockOwner());
  }

  private List<String> acquiredBy(org.camunda.bpm.engine.impl.jobexecutor.JobExecutor jobExecutor) {
    AcquiredJobs acquired = configuration.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(jobExecutor, 100));
    return acquired.getJobIdBatches().stream().flatMap(List::stream).toList();
  }

  private void finish(String processInstanceId) {
    var task = configuration.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
    configuration.getTaskService().complete(task.getId());
  }
}
