package se.kvalitetsarbete.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.jdbc.core.JdbcTemplate;
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
  @Autowired AuthorizationService authorizations;
  @Autowired CamundaBpmProperties camunda;
  @Autowired DataSource dataSource;

  Deployment probe;

  @AfterEach
  void timeGoesBack() {
    ClockUtil.reset();
    if (probe != null) {
      repository.deleteDeployment(probe.getId(), true);
    }
  }

  /**
   * A person's right to work on a task is asked of the database once per command (a submission
   * asked it twice); only a granted answer is remembered, for that person and task only.
   */
  @Test
  void taskWorkIsCheckedOncePerCommandForThatPersonOnly() {
    probe = repository.createDeployment().name("task-work-probe")
        .addModelInstance("task-work-probe.bpmn", Bpmn.createExecutableProcess("TaskWorkProbe")
            .camundaHistoryTimeToLive(30).startEvent().userTask("Task_Probe").endEvent().done())
        .deploy();
    String instance = runtime.startProcessInstanceByKey("TaskWorkProbe").getId();
    String taskId = configuration.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    configuration.getTaskService().setAssignee(taskId, "arbetar");
    var identity = configuration.getIdentityService();
    try {
      configuration.getCommandExecutorTxRequired().execute(context -> {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        var manager = (EngineTuning.AllGroupsAuthorizationManager) context.getAuthorizationManager();

        identity.setAuthentication("annan", List.of());
        context.disableAuthorizationCheck();
        checkTaskWork(context, task);
        context.enableAuthorizationCheck();
        assertThat(manager.taskWorkGranted(taskId)).as("nothing remembered while checks are off").isFalse();
        assertThatThrownBy(() -> checkTaskWork(context, task))
            .isInstanceOf(AuthorizationException.class);

        identity.setAuthentication("arbetar", List.of());
        checkTaskWork(context, task);
        assertThat(manager.taskWorkGranted(taskId)).isTrue();
        checkTaskWork(context, task);

        identity.setAuthentication("annan", List.of());
        assertThat(manager.taskWorkGranted(taskId)).as("another person is not granted by it").isFalse();
        assertThatThrownBy(() -> checkTaskWork(context, task))
            .isInstanceOf(AuthorizationException.class);
        return null;
      });
    } finally {
      identity.clearAuthentication();
    }
  }

  private static void checkTaskWork(CommandContext context,
      TaskEntity task) {
    context.getProcessEngineConfiguration().getCommandCheckers().forEach(checker -> checker.checkTaskWork(task));
  }

  @Test
  void aBurstOfJobsLeavesConnectionsForPeoplesRequests() {
    var jobs = camunda.getJobExecution();
    int connections = ((HikariDataSource) dataSource).getMaximumPoolSize();
    // each job thread holds one connection while it runs, the acquisition one more
    assertThat(jobs.getMaxPoolSize() + 1).isLessThanOrEqualTo(connections / 2);
    assertThat(jobs.getMaxJobsPerAcquisition()).isLessThanOrEqualTo(jobs.getQueueCapacity());
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
    String oldTask = finish(old);
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(20))));
    String recent = runtime.startProcessInstanceByKey("CleanupProbe").getId();
    String recentTask = finish(recent);
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
    // the assignee's permission to read the finished task's history goes with it: the table of
    // authorizations holds open work and recent history, not all work ever done
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK).resourceId(oldTask).count()).isZero();
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK).resourceId(recentTask).count()).isEqualTo(1);
  }

  /**
   * History keeps who did what and when (tasks, variables as they ended, the operation log that
   * Tasklist shows), not a row for every single change of a variable or form field.
   */
  @Test
  void historyKeepsWhoDidWhatButNotEveryChangeOfAVariable() {
    assertThat(configuration.getHistoryLevel().getName()).isEqualTo(EngineTuning.HISTORY_LEVEL_NAME);
    probe = repository.createDeployment().name("history-level-probe")
        .addModelInstance("history-probe.bpmn", Bpmn.createExecutableProcess("HistoryProbe")
            .camundaHistoryTimeToLive(30).startEvent().userTask("Task_Probe").endEvent().done())
        .deploy();
    String instance = runtime.startProcessInstanceByKey("HistoryProbe", java.util.Map.of("text", "första")).getId();
    String task = configuration.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    runtime.setVariable(instance, "text", "andra");
    runtime.setVariable(instance, "text", "tredje");
    configuration.getTaskService().setAssignee(task, "historikprov");
    configuration.getIdentityService().setAuthenticatedUserId("historikprov");
    try {
      configuration.getTaskService().complete(task);
    } finally {
      configuration.getIdentityService().clearAuthentication();
    }

    assertThat(history.createHistoricDetailQuery().processInstanceId(instance).count()).as("no detail rows").isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).singleResult().getValue()).isEqualTo("tredje");
    assertThat(history.createHistoricTaskInstanceQuery().taskId(task).finished().count()).isEqualTo(1);
    assertThat(history.createUserOperationLogQuery().taskId(task).operationType("Complete").singleResult().getUserId())
        .isEqualTo("historikprov");
  }

  /** A database that was created with history level full is switched to ours at start, not refused. */
  @Test
  void aDatabaseOfLevelFullIsSwitchedAtStart() {
    JdbcTemplate database = new JdbcTemplate(configuration.getDataSource());
    database.update("update ACT_GE_PROPERTY set VALUE_ = '3' where NAME_ = 'historyLevel'");
    new EngineTuning().postInit(configuration);
    assertThat(database.queryForObject("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'", String.class))
        .isEqualTo(String.valueOf(EngineTuning.FULL_WITHOUT_DETAILS.getId()));
  }

  /**
   * Checks use all of a person's groups without reading which groups have authorizations, and the
   * revoke check has an index: the answers stay the same, a revoke (DENY) included.
   */
  @Test
  void authorizationChecksGiveTheSameAnswers() {
    String group = "provgrupp" + System.nanoTime();
    String other = "annangrupp" + System.nanoTime();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId("ProvProcess");
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("nekad");
    revoke.setResource(Resources.PROCESS_DEFINITION);
    revoke.setResourceId("ProvProcess");
    revoke.removePermission(Permissions.READ);
    authorizations.saveAuthorization(revoke);
    try {
      assertThat(authorizations.isUserAuthorized("tillaten", List.of(group, other), Permissions.READ, Resources.PROCESS_DEFINITION, "ProvProcess"))
          .isTrue();
      assertThat(authorizations.isUserAuthorized("tillaten", List.of(other), Permissions.READ, Resources.PROCESS_DEFINITION, "ProvProcess"))
          .as("a group without authorizations gives nothing").isFalse();
      assertThat(authorizations.isUserAuthorized("nekad", List.of(group), Permissions.READ, Resources.PROCESS_DEFINITION, "ProvProcess"))
          .as("the revoke wins over the group's grant").isFalse();
      assertThat(new JdbcTemplate(configuration.getDataSource()).queryForObject(
          "select count(*) from information_schema.indexes where upper(index_name) = 'KV_IDX_AUTH_TYPE'", Integer.class)).isPositive();
    } finally {
      authorizations.deleteAuthorization(grant.getId());
      authorizations.deleteAuthorization(revoke.getId());
    }
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

  /**
   * Due jobs are found through an index on their due date: every job has a due date, and a job
   * from before that (none) gets one at start instead of never running.
   */
  @Test
  void everyJobHasADueDateAndAJobWithoutOneStillRuns() {
    assertThat(new JdbcTemplate(dataSource).queryForObject(
        "select count(*) from information_schema.indexes where upper(index_name) = 'KV_IDX_JOB_DUEDATE'", Integer.class)).isPositive();
    probe = repository.createDeployment().name("due-date-probe")
        .addModelInstance("due-date-probe.bpmn", Bpmn.createExecutableProcess("DueDateProbe")
            .camundaHistoryTimeToLive(30).startEvent().serviceTask().camundaAsyncBefore().camundaExpression("${true}").endEvent().done())
        .deploy();
    String jobId = management.createJobQuery().processInstanceId(runtime.startProcessInstanceByKey("DueDateProbe").getId()).singleResult().getId();
    assertThat(management.createJobQuery().jobId(jobId).singleResult().getDuedate()).as("a new job is due when it is made").isNotNull();

    // A job made before every job had a due date.
    configuration.getCommandExecutorTxRequired().execute(context -> {
      context.getJobManager().findJobById(jobId).setDuedate(null);
      return null;
    });
    var jobExecutor = configuration.getJobExecutor();
    assertThat(acquiredBy(jobExecutor)).as("without a due date it is never acquired").doesNotContain(jobId);
    EngineTuning.giveJobsADueDate(dataSource);
    assertThat(acquiredBy(jobExecutor)).as("given the start's time, it is acquired").contains(jobId);
  }

  private List<String> acquiredBy(org.camunda.bpm.engine.impl.jobexecutor.JobExecutor jobExecutor) {
    AcquiredJobs acquired = configuration.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(jobExecutor, 100));
    return acquired.getJobIdBatches().stream().flatMap(List::stream).toList();
  }

  /** Completes the instance's task, assigned to someone first (who may then read its history); answers the task's id. */
  private String finish(String processInstanceId) {
    var task = configuration.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
    configuration.getTaskService().setAssignee(task.getId(), "provperson");
    configuration.getTaskService().complete(task.getId());
    return task.getId();
  }
}
