package se.kvalitetsarbete.benchmark.bare;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.benchmark.StatementCounting;
import se.kvalitetsarbete.benchmark.TaskCostBenchmark;

/**
 * Bare Camunda 7.24 for TaskCostBenchmark, started by it in a JVM of its own: the Spring Boot
 * starter with REST and webapps, Camunda's defaults (history full, authorization on as in the
 * application), HTTP Basic on /engine-rest with Camunda's ProcessEngineAuthenticationFilter, as
 * Camunda's documentation does it; users bench1…benchN in the group handlaggare, a Tasklist filter
 * with the application's query, and a process of six user tasks with Camunda Forms
 * (src/test/resources/benchmark/bare). None of the application's beans: this class is no
 * component (nothing scans it) and its settings are bare-benchmark.yaml.
 *
 * <p>Arguments: the JDBC URL of an empty database, the number of users.
 */
@EnableAutoConfiguration
public class BareCamundaServer {

  public static final String GROUP = "handlaggare";
  public static final String PROCESS = "BareCase";
  static final List<String> FORMS = List.of("Register", "Review", "Complete", "Assess", "Decide", "Close");

  public static void main(String[] args) throws Exception {
    int users = Integer.parseInt(args[1]);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(BareCamundaServer.class, StatementCounting.class).run(
        "--spring.config.name=bare-benchmark", "--spring.datasource.url=" + args[0], "--server.port=0",
        "--logging.level.root=WARN");
    IdentityService identity = context.getBean(IdentityService.class);
    AuthorizationService authorizations = context.getBean(AuthorizationService.class);
    identity.saveGroup(identity.newGroup(GROUP));
    for (int i = 1; i <= users; i++) {
      User user = identity.newUser(TaskCostBenchmark.bareUser(i));
      user.setPassword(Scenario.PASSWORD);
      identity.saveUser(user);
      identity.createMembership(user.getId(), GROUP);
    }
    DeploymentBuilder deployment = context.getBean(RepositoryService.class).createDeployment().name("bare-benchmark")
        .addClasspathResource("benchmark/bare/bare-case.bpmn");
    FORMS.forEach(form -> deployment.addClasspathResource("benchmark/bare/Bare" + form + ".form"));
    deployment.deploy();
    TaskService tasks = context.getBean(TaskService.class);
    FilterService filters = context.getBean(FilterService.class);
    // The application's Tasklist filters that the benchmark's people use, with the same queries.
    String filter = filters.saveFilter(filters.newTaskFilter(TaskCostBenchmark.FILTER)
        .setProperties(new java.util.HashMap<>(java.util.Map.of("priority", -10, "description", "Uppgifter som är tilldelade mig")))
        .setQuery(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"))).getId();
    grant(authorizations, Resources.FILTER, filter, Permissions.READ);
    String toTake = filters.saveFilter(filters.newTaskFilter(TaskCostBenchmark.TO_TAKE_FILTER)
        .setProperties(new java.util.HashMap<>(java.util.Map.of("priority", 10, "description", "Otilldelade uppgifter som jag kan ta")))
        .setQuery(tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}"))).getId();
    grant(authorizations, Resources.FILTER, toTake, Permissions.READ);
    grant(authorizations, Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ, Permissions.CREATE_INSTANCE);
    grant(authorizations, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    se.kvalitetsarbete.benchmark.ServerConsole.serve(context);
  }

  static void grant(AuthorizationService authorizations, Resource resource, String id, Permission... permissions) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(GROUP);
    grant.setResource(resource);
    grant.setResourceId(id);
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }

  /** HTTP Basic on the REST API, as in Camunda's documentation (engine users, checked by the engine). */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.setName("camunda-auth");
    return registration;
  }
}
