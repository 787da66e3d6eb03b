package se.kvalitetsarbete.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.allocation.AllocationRound;
import se.kvalitetsarbete.allocation.AllocationRoundRepository;
import se.kvalitetsarbete.allocation.TermAllocationProcess;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Speciality;
import se.kvalitetsarbete.organisation.TeamMember;
import se.kvalitetsarbete.organisation.TeamMemberRepository;
import se.kvalitetsarbete.organisation.Term;
import se.kvalitetsarbete.organisation.TermRepository;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;
import se.kvalitetsarbete.security.Roles;
import se.kvalitetsarbete.organisation.StaffTeamRepository;
import se.kvalitetsarbete.organisation.StaffTeams;
import se.kvalitetsarbete.security.StaffGroups;

/**
 * Demo users (in the role groups that AccessSetup makes), units, team members and an open
 * allocation round. Active only with the "demo" profile; idempotent, so restarts on the same
 * database create nothing twice. Modelled on Camunda's invoice example.
 */
@Component
@Profile("demo")
public class DemoDataGenerator {

  private static final Logger LOG = LoggerFactory.getLogger(DemoDataGenerator.class);

  static final String PASSWORD = "demo";
  static final String COORDINATORS = Roles.COORDINATORS;
  static final String REKTORER = Roles.REKTORER;
  static final String QUALITY_TEAM = Roles.QUALITY_TEAM;
  static final String PROCESS_KEY = TermAllocationProcess.PROCESS_ID;

  private static final BigDecimal DEFAULT_CAPACITY = TeamMember.DEFAULT_CAPACITY_DAYS;

  private record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    String name() {
      return firstName + " " + lastName;
    }
  }

  private record DemoUnit(String code, String name, SchoolForm form, String rektor) {}

  private record DemoMember(String userId, List<Speciality> specialities, BigDecimal capacity) {}

  private static final List<DemoUser> USERS = List.of(
      new DemoUser("demo", "Demo", "Administratör", List.of(Roles.ADMINISTRATORS, COORDINATORS)),
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
      new DemoUser("team7", "Fatima", "Karimi", List.of(QUALITY_TEAM)),
      new DemoUser("forvaltning1", "Frida", "Förvaltning", List.of(Roles.ADMINISTRATION)),
      new DemoUser("verksamhetschef1", "Vera", "Verksamhetschef", List.of(Roles.HEADS_OF_SCHOOL_FORMS,
          Roles.headsOf("FORSKOLA"), Roles.headsOf("GRUNDSKOLA"), Roles.headsOf("FRITIDSHEM"), Roles.headsOf("GYMNASIESKOLA"))));

  private static final List<DemoUnit> UNITS = List.of(
      new DemoUnit("12345601", "Tornets förskola", SchoolForm.FORSKOLA, "rektor1"),
      new DemoUnit("12345602", "Åkerlundsskolan F–3", SchoolForm.GRUNDSKOLA_F3, "rektor2"),
      new DemoUnit("12345603", "Västra skolan 4–6", SchoolForm.GRUNDSKOLA_4_6, "rektor3"),
      new DemoUnit("12345604", "Kvarnbackeskolan 7–9", SchoolForm.GRUNDSKOLA_7_9, "rektor4"),
      new DemoUnit("12345605", "Lindens fritidshem", SchoolForm.FRITIDSHEM, "rektor5"),
      new DemoUnit("12345606", "Exempelstadens gymnasium", SchoolForm.GYMNASIESKOLA, "rektor6"));

  /** Lärare and förstelärare: in the group of all staff and in their unit's staff group. */
  private record DemoTeacher(String id, String firstName, String lastName, String unitCode) {}

  private static final List<DemoTeacher> TEACHERS = List.of(
      new DemoTeacher("larare1a", "Ida", "Nilsson", "12345601"),
      new DemoTeacher("larare1b", "Oskar", "Persson", "12345601"),
      new DemoTeacher("larare2a", "Emma", "Karlsson", "12345602"),
      new DemoTeacher("larare2b", "Ali", "Yilmaz", "12345602"),
      new DemoTeacher("larare3a", "Sanna", "Larsson", "12345603"),
      new DemoTeacher("larare3b", "David", "Olsson", "12345603"),
      new DemoTeacher("larare4a", "Linnea", "Gustafsson", "12345604"),
      new DemoTeacher("larare4b", "Marcus", "Eriksson", "12345604"),
      new DemoTeacher("larare5a", "Hanna", "Johansson", "12345605"),
      new DemoTeacher("larare5b", "Noah", "Andersson", "12345605"),
      new DemoTeacher("larare6a", "Sara", "Lindberg", "12345606"),
      new DemoTeacher("larare6b", "Amir", "Rahimi", "12345606"));

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
  private final RuntimeService runtimeService;
  private final UnitRepository units;
  private final TeamMemberRepository teamMembers;
  private final TermRepository terms;
  private final AllocationRoundRepository rounds;
  private final StaffGroups staffGroups;
  private final StaffTeams staffTeams;
  private final StaffTeamRepository staffTeamRepository;

  public DemoDataGenerator(IdentityService identityService, RuntimeService runtimeService, UnitRepository units, TeamMemberRepository teamMembers, TermRepository terms,
      AllocationRoundRepository rounds, StaffGroups staffGroups, StaffTeams staffTeams, StaffTeamRepository staffTeamRepository) {
    this.staffGroups = staffGroups;
    this.staffTeams = staffTeams;
    this.staffTeamRepository = staffTeamRepository;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.units = units;
    this.teamMembers = teamMembers;
    this.terms = terms;
    this.rounds = rounds;
  }

  /** Runs once the models are deployed and AccessSetup has made the groups, so TermAllocation can start. */
  @EventListener
  @Order(1)
  public void onPostDeploy(PostDeployEvent event) {
    createUsers();
    createUnits();
    createTeachers();
    createStaffTeams();
    createTeamMembers();
    startRoundIfNoneOpen();
    LOG.info("Demodata klar. Användare (lösenord 'demo'): demo/demo, samordnare1, samordnare2, "
        + "rektor1–rektor6, larare1a–larare6b, team1–team7, forvaltning1, verksamhetschef1");
  }

  private void createUsers() {
    for (DemoUser demo : USERS) {
      createUser(demo.id(), demo.firstName(), demo.lastName(), demo.groups());
    }
  }

  private void createUser(String id, String firstName, String lastName, List<String> groups) {
    if (identityService.isReadOnly()) {
      return; // the directory's users instead (profile ldap)
    }
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(id + "@example.com");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
    for (String groupId : groups) {
      if (identityService.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
        identityService.createMembership(id, groupId);
      }
    }
  }

  private void createUnits() {
    for (DemoUnit demo : UNITS) {
      if (units.findByCode(demo.code()).isEmpty()) {
        units.save(new Unit(demo.code(), demo.name(), demo.form(), demo.rektor()));
      }
    }
  }

  private void createTeachers() {
    for (DemoTeacher demo : TEACHERS) {
      String unitGroup = staffGroups.ensureFor(units.findByCode(demo.unitCode()).orElseThrow());
      createUser(demo.id(), demo.firstName(), demo.lastName(), List.of(Roles.STAFF, unitGroup));
    }
  }

  /** Two arbetslag per unit, one for each of its demo teachers ("a" in Ugglan, "b" in Räven). */
  private void createStaffTeams() {
    for (DemoUnit demo : UNITS) {
      Unit unit = units.findByCode(demo.code()).orElseThrow();
      if (staffTeamRepository.findByUnitIdOrderByName(unit.getId()).isEmpty()) {
        List<String> teachers = TEACHERS.stream().filter(t -> t.unitCode().equals(demo.code())).map(DemoTeacher::id).toList();
        staffTeams.create(unit, "Arbetslag Ugglan", teachers.subList(0, 1));
        staffTeams.create(unit, "Arbetslag Räven", teachers.subList(1, 2));
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
