package se.kvalitetsarbete.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import se.kvalitetsarbete.common.InvalidInputException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.QueryValidators.AdhocQueryValidator;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import se.kvalitetsarbete.common.EngineFields;

/**
 * The engine's own guard for what people may do through any entrance (both REST APIs, Tasklist,
 * a future route): it runs inside every command, so it cannot be bypassed by how a request is
 * spelled. Refused calls change nothing: they are refused before the command runs.
 * <ul>
 *   <li>Ad-hoc task queries may not carry expressions anywhere (7.24.0 checks only the top level,
 *       not {@code orQueries}; a filter's extending query likewise).</li>
 *   <li>A person (not an administrator) completes a task or starts a process with the fields of its
 *       Camunda Form only: the ids a process runs on cannot be switched.</li>
 *   <li>Only administrators execute jobs by hand: 7.24.0 uses up one retry of the job for each
 *       refused call, so a refused call must never reach the job.</li>
 *   <li>Comments and attachments are written by those who work on the task, and read by id only
 *       by those who may read the task.</li>
 * </ul>
 */
public class UserCommandCheck extends CommandInterceptor {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "checkbox", "checklist", "radio",
      "select", "taglist", "datetime");

  private final Map<String, Set<String>> formKeys = new ConcurrentHashMap<>();

  /**
   * Routes around the forms and the process's own order (start at a later step, move or restart an
   * instance, end a task with an error, correlate messages, signals and conditions with variables):
   * the application never needs them from a person, so only administrators may.
   */
  private static final List<Class<?>> ADMINISTRATORS_ONLY = List.of(StartProcessInstanceAtActivitiesCmd.class,
      ModifyProcessInstanceCmd.class, ProcessInstanceModificationCmd.class, ModifyProcessInstanceAsyncCmd.class,
      ProcessInstanceModificationBatchCmd.class, RestartProcessInstancesCmd.class, RestartProcessInstancesBatchCmd.class,
      HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class, HandleExternalTaskBpmnErrorCmd.class,
      CorrelateMessageCmd.class, CorrelateAllMessageCmd.class, MessageEventReceivedCmd.class, SignalEventReceivedCmd.class,
      EvaluateStartConditionCmd.class);

  /** Commands the engine runs inside a person's command (a delegate starting a process) are the application's, not the person's. */
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof FailedJobListener listener && field(listener, "jobFailureCollector") instanceof JobFailureCollector failure
        && failure.getFailure() instanceof ManualJobRefused) {
      // The job was never touched: a refused call must not use up a retry.
      return null;
    }
    int[] depth = DEPTH.get();
    if (depth[0] == 0) {
      refuseExpressionsFromRequests(command);
      CommandContext context = Context.getCommandContext();
      Authentication user = context == null ? null : context.getProcessEngineConfiguration().getIdentityService().getCurrentAuthentication();
      if (user != null && !isAdministrator(user)) {
        checkPerson(command, context);
      }
    }
    depth[0]++;
    try {
      return next.execute(command);
    } finally {
      depth[0]--;
    }
  }

  /** Refused before the job runs; the failed-job listener, which would use up a retry, is then skipped. */
  static final class ManualJobRefused extends AuthorizationException {
    ManualJobRefused() {
      super("Bara administratörer kan köra jobb och timers för hand.");
    }
  }

  private static boolean isAdministrator(Authentication user) {
    List<String> groups = user.getGroupIds();
    return groups != null && groups.contains(Roles.ADMINISTRATORS);
  }

  private void refuseExpressionsFromRequests(Command<?> command) {
    if (command instanceof TaskQueryImpl query && isAdhoc(query)) {
      refuseExpressions(query);
    } else if (command instanceof AbstractExecuteFilterCmd filter && field(filter, "extendingQuery") instanceof TaskQueryImpl extending) {
      refuseExpressions(extending);
    }
  }

  private static boolean isAdhoc(AbstractQuery<?, ?> query) {
    return field(query, "validators") instanceof Collection<?> validators && validators.contains(AdhocQueryValidator.get());
  }

  private static void refuseExpressions(TaskQueryImpl query) {
    boolean expressions = !query.getExpressions().isEmpty();
    for (TaskQueryImpl or : query.getQueries()) {
      expressions |= !or.getExpressions().isEmpty();
    }
    if (expressions) {
      throw new BadUserRequestException(
          "Uttryck (${…}) är inte tillåtna i frågor om uppgifter, inte heller i orQueries. Använd ett sparat filter.");
    }
  }

  private void checkPerson(Command<?> command, CommandContext context) {
    if (command instanceof CompleteTaskCmd complete) {
      onlyFormFields(taskFormKeys(context, (String) field(complete, "taskId")), variableNames(field(complete, "variables")));
    } else if (command instanceof SubmitTaskFormCmd submit) {
      onlyFormFields(taskFormKeys(context, (String) field(submit, "taskId")), variableNames(field(submit, "properties")));
    } else if (command instanceof SubmitStartFormCmd submit) {
      onlyFormFields(startFormKeys(context, (String) field(submit, "processDefinitionId")), variableNames(field(submit, "variables")));
    } else if (command instanceof StartProcessInstanceCmd start
        && field(start, "instantiationBuilder") instanceof ProcessInstantiationBuilderImpl builder) {
      onlyFormFields(startFormKeys(context, definitionId(context, builder)), variableNames(builder.getVariables()));
    } else if (command instanceof ExecuteJobsCmd) {
      throw new ManualJobRefused();
    } else if (ADMINISTRATORS_ONLY.stream().anyMatch(type -> type.isInstance(command))) {
      throw new AuthorizationException("Bara administratörer kan starta en process mitt i, flytta, starta om eller avbryta "
          + "processer med fel- eller eskaleringshändelser, och skicka meddelanden, signaler eller villkor till processer.");
    } else if (command instanceof AddCommentCmd || command instanceof CreateAttachmentCmd || command instanceof UpdateCommentCmd
        || command instanceof DeleteTaskCommentCmd || command instanceof DeleteAttachmentCmd) {
      mayWorkOn(context, command);
    } else if (command instanceof GetTaskCommentCmd || command instanceof GetTaskAttachmentCmd
        || command instanceof GetTaskAttachmentContentCmd) {
      TaskEntity task = task(context, (String) field(command, "taskId"));
      if (task != null) {
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
          checker.checkReadTask(task);
        }
      }
    }
  }

  /** Comments and attachments: on a task the person works on, never on a process instance directly. */
  private static void mayWorkOn(CommandContext context, Command<?> command) {
    Object taskId = field(command, "taskId");
    TaskEntity task = taskId == null ? null : task(context, (String) taskId);
    Object instance = field(command, "processInstanceId");
    if (task == null || instance != null && !instance.equals(task.getProcessInstanceId())) {
      throw new AuthorizationException("Kommentarer och bilagor skrivs på en uppgift som du arbetar med, i dess egen process.");
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskWork(task);
    }
  }

  private static TaskEntity task(CommandContext context, String taskId) {
    return taskId == null ? null : context.getTaskManager().findTaskById(taskId);
  }

  private static void onlyFormFields(Set<String> allowed, Set<String> sent) {
    if (allowed == null) {
      return;
    }
    Set<String> unknown = new TreeSet<>(sent);
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw new InvalidInputException("Formuläret har inga fält med namnen: " + String.join(", ", unknown) + ". Inget sparades.");
    }
  }

  private static Set<String> variableNames(Object variables) {
    return variables instanceof Map<?, ?> map ? new TreeSet<>(map.keySet().stream().map(String::valueOf).toList()) : Set.of();
  }

  /** The task's form fields; null when there is no such task (the engine answers as it would). */
  private Set<String> taskFormKeys(CommandContext context, String taskId) {
    TaskEntity task = task(context, taskId);
    if (task == null) {
      return null;
    }
    return formKeys.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
        key -> privileged(context, () -> new GetDeployedTaskFormCmd(taskId).execute(context)));
  }

  private Set<String> startFormKeys(CommandContext context, String definitionId) {
    if (definitionId == null) {
      return null;
    }
    return formKeys.computeIfAbsent(definitionId + "#start",
        key -> privileged(context, () -> new GetDeployedStartFormCmd(definitionId).execute(context)));
  }

  private static String definitionId(CommandContext context, ProcessInstantiationBuilderImpl builder) {
    if (builder.getProcessDefinitionId() != null) {
      return builder.getProcessDefinitionId();
    }
    ProcessDefinitionEntity latest = context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
    return latest == null ? null : latest.getId();
  }

  /** The form's input keys (display fields excluded); empty when the task or start has no Camunda Form. */
  private static Set<String> privileged(CommandContext context, java.util.function.Supplier<InputStream> form) {
    context.disableAuthorizationCheck();
    try (InputStream in = form.get()) {
      Set<String> keys = new TreeSet<>();
      collectKeys(JSON.readTree(in).path("components"), keys);
      return keys;
    } catch (IOException | RuntimeException e) {
      return Set.of();
    } finally {
      context.enableAuthorizationCheck();
    }
  }

  static void collectKeys(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (component.path("disabled").asBoolean(false)) {
        continue;
      }
      if (INPUT_TYPES.contains(type) && component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      } else if (type.equals("dynamiclist") && component.hasNonNull("path")) {
        keys.add(component.get("path").asText());
      } else if (type.equals("group")) {
        collectKeys(component.path("components"), keys);
      }
    }
  }

  private static Object field(Object target, String name) {
    return EngineFields.read(target, name);
  }
}
