package se.kvalitetsarbete.security;

import static org.camunda.bpm.engine.authorization.Permissions.*;
import static org.camunda.bpm.engine.authorization.Resources.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who may do what, given by the application at every start (idempotent, never by hand in Admin):
 * the role groups, their rights, the shared Tasklist filters, and an administrator when a password
 * is configured (so the camunda-admin group is never left empty for the setup page to fill).
 */
@Component
public class AccessSetup {

  private static final Logger LOG = LoggerFactory.getLogger(AccessSetup.class);

  static final String MY_TASKS = "Mina uppgifter";
  static final String GROUP_TASKS = "Gruppens uppgifter";
  static final String CANDIDATE_TASKS = "Uppgifter där jag är kandidat";

  private static final List<String> STAFF = List.of(Roles.COORDINATORS, Roles.REKTORER, Roles.QUALITY_TEAM,
      Roles.HEADS_OF_SCHOOL_FORMS, Roles.ADMINISTRATION);
  private static final List<String> ALLOCATION_PROCESSES = List.of("TermAllocation", "NeedsDescription", "Assignment", "RoundSchedule");
  private static final List<String> QUALITY_CYCLE_PROCESSES = List.of("SkaYearlyCycle", "SkaUnitPlanBatch", "SkaUnitPlan", "SkaSchedule",
      "RegionalExchange");

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final String adminUser;
  private final String adminPassword;
  private final String initialPasswordFile;
  /** The role groups' grants while {@link #onPostDeploy} runs, by group, resource type and id. */
  private Map<String, Authorization> granted;
  private final Set<String> saved = new HashSet<>();

  public AccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters, TaskService tasks,
      @Value("${kvalitet.admin.user:admin}") String adminUser, @Value("${kvalitet.admin.password:}") String adminPassword,
      @Value("${kvalitet.admin.initial-password-file:./data/initial-admin-password.txt}") String initialPasswordFile) {
    this.initialPasswordFile = initialPasswordFile;
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
  }

  @EventListener
  @Order(0)
  public void onPostDeploy(PostDeployEvent event) {
    Roles.NAMES.forEach(this::ensureGroup);
    // The role groups' grants are read in one query, not one per resource (about 150 at every start).
    Map<String, Authorization> granted = new HashMap<>();
    authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(Roles.NAMES.keySet().toArray(String[]::new)).list()
        .forEach(authorization -> granted.put(key(authorization.getGroupId(), authorization.getResourceType(), authorization.getResourceId()), authorization));
    this.granted = granted;
    try {
      grantAll();
    } finally {
      this.granted = null;
      saved.clear();
    }
  }

  private void grantAll() {
    for (Resource resource : Resources.values()) {
      grant(Roles.ADMINISTRATORS, resource, Authorization.ANY, ALL);
    }
    List<String> filterIds = List.of(
        // The first filter is the one Tasklist opens: what is assigned to the person (a task only
        // they can do is assigned to them at once, see AssignSoleCandidate). Work that they or one
        // of their groups may take is in the two filters after it, each with its count. One filter
        // for all three would be an OR across the task and its candidate links, which no index
        // serves: at 100,000 open tasks it read them all for every page and count
        // (docs/benchmarks.md, "Tasklist's filters at 100,000 open tasks").
        ensureFilter(MY_TASKS, -10, "Uppgifter som är tilldelade mig",
            tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")),
        ensureFilter(GROUP_TASKS, 0, "Otilldelade uppgifter för mina grupper",
            tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned()),
        ensureFilter(CANDIDATE_TASKS, 10, "Otilldelade uppgifter som jag kan ta",
            tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}")));
    for (String group : STAFF) {
      grant(group, APPLICATION, "tasklist", ACCESS);
      filterIds.forEach(filter -> grant(group, FILTER, filter, READ));
      // The models themselves are public (they are in the README); their instances are not.
      ALLOCATION_PROCESSES.forEach(process -> grant(group, PROCESS_DEFINITION, process, READ));
      QUALITY_CYCLE_PROCESSES.forEach(process -> grant(group, PROCESS_DEFINITION, process, READ));
    }
    // Coordinators run the allocation: they start rounds, see all its work, and deploy changed models.
    grant(Roles.COORDINATORS, APPLICATION, "cockpit", ACCESS);
    grant(Roles.COORDINATORS, PROCESS_DEFINITION, "TermAllocation", CREATE_INSTANCE);
    for (String process : ALLOCATION_PROCESSES) {
      grant(Roles.COORDINATORS, PROCESS_DEFINITION, process, READ, READ_INSTANCE, READ_TASK, READ_HISTORY);
    }
    grant(Roles.COORDINATORS, DECISION_DEFINITION, "Prioritisation", READ, READ_HISTORY);
    grant(Roles.COORDINATORS, PROCESS_INSTANCE, Authorization.ANY, CREATE);
    grant(Roles.COORDINATORS, DEPLOYMENT, Authorization.ANY, CREATE, READ);
    // The administration runs the yearly quality cycle and follows every unit's plan; heads of
    // school forms read the plans they give feedback on.
    grant(Roles.ADMINISTRATION, PROCESS_DEFINITION, "SkaYearlyCycle", CREATE_INSTANCE);
    grant(Roles.ADMINISTRATION, PROCESS_DEFINITION, "RegionalExchange", CREATE_INSTANCE);
    for (String process : QUALITY_CYCLE_PROCESSES) {
      grant(Roles.ADMINISTRATION, PROCESS_DEFINITION, process, READ, READ_INSTANCE, READ_TASK, READ_HISTORY);
    }
    grant(Roles.ADMINISTRATION, PROCESS_INSTANCE, Authorization.ANY, CREATE);
    grant(Roles.ADMINISTRATION, APPLICATION, "cockpit", ACCESS);
    grant(Roles.HEADS_OF_SCHOOL_FORMS, PROCESS_DEFINITION, "SkaUnitPlan", READ_INSTANCE, READ_TASK, READ_HISTORY);
    for (String group : Roles.FORM_GROUPS) {
      String heads = Roles.headsOf(group);
      grant(heads, APPLICATION, "tasklist", ACCESS);
      filterIds.forEach(filter -> grant(heads, FILTER, filter, READ));
      QUALITY_CYCLE_PROCESSES.forEach(process -> grant(heads, PROCESS_DEFINITION, process, READ));
    }
    // Rektorer may write a needs description on their own initiative.
    grant(Roles.REKTORER, PROCESS_DEFINITION, "NeedsDescription", CREATE_INSTANCE);
    grant(Roles.REKTORER, PROCESS_INSTANCE, Authorization.ANY, CREATE);
    grantAllStaff(filterIds);
  }

  /**
   * Teachers and other staff (group personal) use Tasklist with the shared filters and read the
   * models; what they read of their own unit is decided by its staff group ({@link StaffGroups}).
   */
  private void grantAllStaff(List<String> filterIds) {
    grant(Roles.STAFF, APPLICATION, "tasklist", ACCESS);
    filterIds.forEach(filter -> grant(Roles.STAFF, FILTER, filter, READ));
    ALLOCATION_PROCESSES.forEach(process -> grant(Roles.STAFF, PROCESS_DEFINITION, process, READ));
    QUALITY_CYCLE_PROCESSES.forEach(process -> grant(Roles.STAFF, PROCESS_DEFINITION, process, READ));
  }

  /** After any demo data (which brings its own administrator). */
  @EventListener
  @Order(10)
  public void ensureAdministratorAfterStart(PostDeployEvent event) {
    ensureAdministrator();
  }

  private void ensureGroup(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      if (identity.isReadOnly()) {
        LOG.warn("Katalogen saknar gruppen {} ({}); ange vilken kataloggrupp som är den med kvalitet.ldap.group-map", id, name);
        return;
      }
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(id.equals(Roles.ADMINISTRATORS) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
      identity.saveGroup(group);
    }
  }

  /** Grants to a group exactly these permissions on one resource, adding what is missing. */
  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Map<String, Authorization> known = granted;
    String key = key(groupId, resource.resourceType(), resourceId);
    // Read again once saved in this run: the next grant on it then starts from the stored row.
    boolean read = known != null && Roles.NAMES.containsKey(groupId) && !saved.contains(key);
    Authorization authorization = read ? known.get(key)
        : authorizations.createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId)
            .resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean missing = false;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizations.saveAuthorization(authorization);
      saved.add(key);
    }
  }

  private static String key(String groupId, int resourceType, String resourceId) {
    return groupId + '\n' + resourceType + '\n' + resourceId;
  }

  /** Creates the filter, or brings an existing one (from an earlier version) back to this query and these properties. */
  private String ensureFilter(String name, int priority, String description, Query<?, ?> query) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter().setName(name);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", "unitName", "label", "Enhet"),
        Map.of("name", "termLabel", "label", "Termin")));
    return filters.saveFilter(filter.setProperties(properties).setQuery(query)).getId();
  }

  /**
   * The configured administrator (kvalitet.admin.user / KVALITET_ADMIN_PASSWORD) is created or given
   * that password. Without one, and with nobody in camunda-admin, a first administrator gets a
   * random password written to a file only the application's user can read: the group is never empty.
   */
  private void ensureAdministrator() {
    if (identity.isReadOnly()) {
      // Users come from the directory: administrators are the members of the group mapped to camunda-admin.
      return;
    }
    String password = adminPassword;
    if (password == null || password.isBlank()) {
      if (identity.createUserQuery().memberOfGroup(Roles.ADMINISTRATORS).count() > 0) {
        return;
      }
      password = randomPassword();
      writeInitialPassword(password);
    }
    User user = identity.createUserQuery().userId(adminUser).singleResult();
    if (user == null) {
      user = identity.newUser(adminUser);
      user.setFirstName("Administratör");
      user.setLastName("");
    }
    user.setPassword(password);
    identity.saveUser(user);
    if (identity.createUserQuery().userId(adminUser).memberOfGroup(Roles.ADMINISTRATORS).count() == 0) {
      identity.createMembership(adminUser, Roles.ADMINISTRATORS);
    }
  }

  private static String randomPassword() {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    return "Kv-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "-9a";
  }

  private void writeInitialPassword(String password) {
    try {
      Path file = Path.of(initialPasswordFile);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, adminUser + ":" + password + System.lineSeparator());
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system
      }
      LOG.warn("Första administratören {} skapades; lösenordet finns i {}. Byt lösenord i Admin och radera filen.",
          adminUser, file.toAbsolutePath());
    } catch (IOException e) {
      throw new IllegalStateException("Kunde inte skriva administratörens lösenord till " + initialPasswordFile, e);
    }
  }
}
