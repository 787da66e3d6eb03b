package se.kvalitetsarbete.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.allocation.AllocationRound;
import se.kvalitetsarbete.allocation.AllocationRoundRepository;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Speciality;
import se.kvalitetsarbete.organisation.TeamMember;
import se.kvalitetsarbete.organisation.TeamMemberRepository;
import se.kvalitetsarbete.organisation.Term;
import se.kvalitetsarbete.organisation.TermRepository;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;

/**
 * Demo users, groups, Tasklist filters and authorizations, units, team members and an open
 * allocation round. Active only with the "demo" profile; idempotent, so restarts on the same
 * database create nothing twice. Modelled on Camunda's invoice example.
 */
@Component
@Profile("demo")
public class DemoDataGenerator {

  private static final Logger LOG = LoggerFactory.getLogger(DemoDataGenerator.class);

  static final String PASSWORD = "demo";
  static final String COORDINATORS = "coordinators";
  static final String REKTORER = "rektorer";
  static final String QUALITY_TEAM = "qualityteam";
  static final String PROCESS_KEY = "TermAllocation";

  private static final BigDecimal DEFAULT_CAPACITY = new BigDecimal("3.5");

  private record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    String name() {
      return firstName + " " + lastName;
    }
  }

  private record DemoUnit(String code, String name, SchoolForm form, String rektor) {}

  private record DemoMember(String userId, List<Speciality> specialities, BigDecimal capacity) {}

  private static final List<DemoUser> USERS = List.of(
      new DemoUser("demo", "Demo", "Administratör", List.of(Groups.CAMUNDA_ADMIN, COORDINATORS)),
      new DemoUser("samordnare1", "Sara", "Samordnare", List.of(COORDINATORS)),
      new DemoUser("samordnare2", "Sam", "Samordnare", List.of(COORDINATORS)),
      new DemoUser("rektor1", "Anna", "Lindqvist", List.of(REKTORER)),
      new DemoUser("rektor2", "Johan", "Berg", List.of(REKTORER)),
      new DemoUser("rektor3", "Maria", "Ekström", List.of(REKTORER)),
      new DemoUser("rektor4", "Erik", "Sandberg", List.of(REKTORER)),
      new DemoUser("rektor5", "Karin", "Holm", List.of(REKTORER)),
      new DemoUser("rektor6", "Peter", "Nyström", List.of(REKTORER)),
      new DemoUser("team1", "Lena", "Åberg", List.of(QUALITY_TEAM)),
      new DemoUser("team2", "Mikael", "Strand", List.of(QUALITY_TEAM)),
      new DemoUser("team3", "Sofia", "Björk", List.of(QUALITY_TEAM)),
      new DemoUser("team4", "Ahmed", "Hassan", List.of(QUALITY_TEAM)),
      new DemoUser("team5", "Elin", "Forsberg", List.of(QUALITY_TEAM)),
      new DemoUser("team6", "Jonas", "Lund", List.of(QUALITY_TEAM)),
      new DemoUser("team7", "Fatima", "Karimi", List.of(QUALITY_TEAM)));

  private static final List<DemoUnit> UNITS = List.of(
      new DemoUnit("12345601", "Tornets förskola", SchoolForm.FORSKOLA, "rektor1"),
      new DemoUnit("12345602", "Åkerlundsskolan F–3", SchoolForm.GRUNDSKOLA_F3, "rektor2"),
      new DemoUnit("12345603", "Västra skolan 4–6", SchoolForm.GRUNDSKOLA_4_6, "rektor3"),
      new DemoUnit("12345604", "Kvarnbackeskolan 7–9", SchoolForm.GRUNDSKOLA_7_9, "rektor4"),
      new DemoUnit("12345605", "Lindens fritidshem", SchoolForm.FRITIDSHEM, "rektor5"),
      new DemoUnit("12345606", "Exempelstadens gymnasium", SchoolForm.GYMNASIESKOLA, "rektor6"));

  private static final List<DemoMember> MEMBERS = List.of(
      new DemoMember("team1", List.of(Speciality.KOLLEGIALT_LARANDE, Speciality.SPRAKINRIKTAD_UNDERVISNING),
          DEFAULT_CAPACITY),
      new DemoMember("team2", List.of(Speciality.DIGITAL_KOMPETENS), new BigDecimal("3.0")),
      new DemoMember("team3", List.of(Speciality.ESTETISKA_LARPROCESSER, Speciality.ELEVINFLYTANDE),
          DEFAULT_CAPACITY),
      new DemoMember("team4",
          List.of(Speciality.SPRAKINRIKTAD_UNDERVISNING, Speciality.NORMKRITISKT_FORHALLNINGSSATT),
          new BigDecimal("4.0")),
      new DemoMember("team5", List.of(Speciality.NORMKRITISKT_FORHALLNINGSSATT, Speciality.ELEVINFLYTANDE,
          Speciality.KOLLEGIALT_LARANDE), DEFAULT_CAPACITY),
      new DemoMember("team6", List.of(Speciality.DIGITAL_KOMPETENS, Speciality.KOLLEGIALT_LARANDE),
          DEFAULT_CAPACITY),
      new DemoMember("team7", List.of(Speciality.ELEVINFLYTANDE, Speciality.ESTETISKA_LARPROCESSER),
          DEFAULT_CAPACITY));

  private final IdentityService identityService;
  private final FilterService filterService;
  private final AuthorizationService authorizationService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final UnitRepository units;
  private final TeamMemberRepository teamMembers;
  private final TermRepository terms;
  private final AllocationRoundRepository rounds;

  public DemoDataGenerator(IdentityService identityService, FilterService filterService,
      AuthorizationService authorizationService, RuntimeService runtimeService, TaskService taskService,
      UnitRepository units, TeamMemberRepository teamMembers, TermRepository terms,
      AllocationRoundRepository rounds) {
    this.identityService = identityService;
    this.filterService = filterService;
    this.authorizationService = authorizationService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.units = units;
    this.teamMembers = teamMembers;
    this.terms = terms;
    this.rounds = rounds;
  }

  /** Runs once the process application has deployed its models, so TermAllocation can start. */
  @EventListener
  public void onPostDeploy(PostDeployEvent event) {
    createGroups();
    createUsers();
    createAuthorizations();
    createFilters();
    createUnits();
    createTeamMembers();
    startRoundIfNoneOpen();
    LOG.info("Demodata klar. Användare (lösenord 'demo'): demo/demo, samordnare1, samordnare2, "
        + "rektor1–rektor6, team1–team7");
  }

  private void createGroups() {
    createGroup(Groups.CAMUNDA_ADMIN, "Administratörer", Groups.GROUP_TYPE_SYSTEM);
    createGroup(COORDINATORS, "Samordnare", Groups.GROUP_TYPE_WORKFLOW);
    createGroup(REKTORER, "Rektorer", Groups.GROUP_TYPE_WORKFLOW);
    createGroup(QUALITY_TEAM, "Kvalitetsteamet", Groups.GROUP_TYPE_WORKFLOW);
  }

  private void createGroup(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
  }

  private void createUsers() {
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@example.com");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
      }
      for (String groupId : demo.groups()) {
        if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(groupId).count() == 0) {
          identityService.createMembership(demo.id(), groupId);
        }
      }
    }
  }

  /** What Tasklist needs when authorization is switched on; camunda-admin gets everything. */
  private void createAuthorizations() {
    for (Resource resource : Resources.values()) {
      grant(Groups.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL);
    }
    for (String group : List.of(COORDINATORS, REKTORER, QUALITY_TEAM)) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.FILTER, Authorization.ANY, Permissions.READ);
      grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
          Permissions.CREATE_INSTANCE);
      grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    boolean exists = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .count() > 0;
    if (exists) {
      return;
    }
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  private void createFilters() {
    createFilter("Mina uppgifter", -10, "Uppgifter som är tilldelade mig",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    createFilter("Gruppens uppgifter", 0, "Otilldelade uppgifter för mina grupper",
        taskService.createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .taskUnassigned());
    createFilter("Uppgifter där jag är kandidat", 10, "Otilldelade uppgifter som jag kan ta",
        taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}"));
  }

  private void createFilter(String name, int priority, String description, Query<?, ?> query) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", "unitName", "label", "Enhet"),
        Map.of("name", "termLabel", "label", "Termin")));
    Filter filter = filterService.newTaskFilter()
        .setName(name)
        .setProperties(properties)
        .setQuery(query);
    filterService.saveFilter(filter);
  }

  private void createUnits() {
    for (DemoUnit demo : UNITS) {
      if (units.findByCode(demo.code()).isEmpty()) {
        units.save(new Unit(demo.code(), demo.name(), demo.form(), demo.rektor()));
      }
    }
  }

  private void createTeamMembers() {
    for (DemoMember demo : MEMBERS) {
      if (teamMembers.findByUserId(demo.userId()).isEmpty()) {
        teamMembers.save(new TeamMember(demo.userId(), nameOf(demo.userId()), demo.specialities(),
            demo.capacity()));
      }
    }
  }

  private static String nameOf(String userId) {
    return USERS.stream().filter(u -> u.id().equals(userId)).findFirst().orElseThrow().name();
  }

  /** Opens the next term's round unless a round is open, or that term already has one. */
  private void startRoundIfNoneOpen() {
    try {
      if (rounds.findFirstByStatusOrderByOpenedAtDesc(AllocationRound.Status.OPEN).isPresent()) {
        return;
      }
      LocalDate today = LocalDate.now();
      Term.Key next = Term.nextAfter(today);
      boolean termHasRound = terms.findBySeasonAndYear(next.season(), next.year())
          .flatMap(rounds::findByTerm)
          .isPresent();
      // A started instance may not have created its round yet (e.g. async continuation).
      boolean instanceRunning = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(PROCESS_KEY)
          .variableValueEquals("termSeason", next.season().name())
          .variableValueEquals("termYear", next.year())
          .count() > 0;
      if (termHasRound || instanceRunning) {
        return;
      }
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("termSeason", next.season().name());
      variables.put("termYear", next.year());
      variables.put("applicationDeadline", today.plusWeeks(4).toString());
      runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables);
      LOG.info("Demodata: startade {} för {} {}", PROCESS_KEY, next.season(), next.year());
    } catch (RuntimeException e) {
      LOG.warn("Demodata: kunde inte starta {}: {}", PROCESS_KEY, e.getMessage(), e);
    }
  }
}
