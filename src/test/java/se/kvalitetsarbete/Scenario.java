package se.kvalitetsarbete;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import java.time.LocalDateTime;
import se.kvalitetsarbete.allocation.AllocationDecision;
import se.kvalitetsarbete.allocation.AllocationDecisionRepository;
import se.kvalitetsarbete.allocation.AllocationRound;
import se.kvalitetsarbete.allocation.NeedsDescription;
import se.kvalitetsarbete.allocation.NeedsDescriptionRepository;
import se.kvalitetsarbete.organisation.Season;
import se.kvalitetsarbete.organisation.Term;
import se.kvalitetsarbete.organisation.TermRepository;
import se.kvalitetsarbete.allocation.AllocationRoundRepository;
import se.kvalitetsarbete.organisation.SchoolForm;
import se.kvalitetsarbete.organisation.Speciality;
import se.kvalitetsarbete.organisation.TeamMember;
import se.kvalitetsarbete.organisation.TeamMemberRepository;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;
import se.kvalitetsarbete.security.Roles;
import se.kvalitetsarbete.security.StaffGroups;

/**
 * The municipality a process test plays in: fresh units, the quality team, a term no other test
 * uses, and the steps people take in Tasklist.
 */
@Component
public class Scenario {

  private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();
  /** After the schedule's next term (at most next year), so a test never takes the term the schedule opens. */
  private static final int FIRST_YEAR = java.time.Year.now().getValue() + 2;
  private static final int LAST_YEAR = 2100;
  private static final AtomicInteger NEXT_CODE = new AtomicInteger(10_000_000);

  public static final List<String> TEAM = List.of("team1", "team2", "team3", "team4", "team5", "team6", "team7");
  /** Every user a test makes logs in with this. */
  public static final String PASSWORD = "test-only-password";

  private final UnitRepository units;
  private final TeamMemberRepository members;
  private final AllocationRoundRepository rounds;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final TermRepository terms;
  private final NeedsDescriptionRepository descriptions;
  private final AllocationDecisionRepository decisions;
  private final IdentityService identity;
  private final StaffGroups staffGroups;

  public Scenario(IdentityService identity, UnitRepository units, TeamMemberRepository members, AllocationRoundRepository rounds,
      RuntimeService runtime, TaskService tasks, ManagementService management, TermRepository terms,
      NeedsDescriptionRepository descriptions, AllocationDecisionRepository decisions, StaffGroups staffGroups) {
    this.identity = identity;
    this.staffGroups = staffGroups;
    this.terms = terms;
    this.descriptions = descriptions;
    this.decisions = decisions;
    this.units = units;
    this.members = members;
    this.rounds = rounds;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
  }

  /** Only these units are active: earlier tests' units are not invited again. */
  public List<Unit> municipalityWith(SchoolForm... forms) {
    units.findAll().forEach(u -> {
      u.setActive(false);
      units.save(u);
    });
    List<Unit> created = new ArrayList<>();
    for (SchoolForm form : forms) {
      String code = String.valueOf(NEXT_CODE.incrementAndGet());
      created.add(units.save(new Unit(code, "Enhet " + code, form, "rektor" + code)));
    }
    for (String userId : TEAM) {
      if (members.findByUserId(userId).isEmpty()) {
        members.save(new TeamMember(userId, "Teammedlem " + userId, List.of(Speciality.KOLLEGIALT_LARANDE)));
      }
    }
    return created;
  }

  /** A person in a role group, who logs in with {@link #PASSWORD}. */
  public void staff(String userId, String group) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName(userId);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
      identity.createMembership(userId, group);
    }
  }

  /** A teacher (or förstelärare) of the unit: staff, in the unit's staff group, logs in with {@link #PASSWORD}. */
  public String teacherOf(Unit unit, String userId) {
    staff(userId, Roles.STAFF);
    staff(userId, staffGroups.ensureFor(unit));
    return userId;
  }

  /** An end evaluation answered in full: the scale and the interview guides' open questions. */
  public static Map<String, Object> evaluation() {
    Map<String, Object> answers = new HashMap<>();
    for (String dimension : List.of("teachingDeveloped", "pupilsLearning", "collegialLearning", "supportFit", "carryOn")) {
      answers.put(dimension, "3");
    }
    answers.put("evaluationNeed", "Läsförståelsen i åk 5; arbetet höll sig till det.");
    answers.put("changeForPupils", "Eleverna läser mer och pratar om texterna.");
    answers.put("changeForTeachers", "Vi planerar lästräning tillsammans i arbetslaget.");
    answers.put("evaluationEvidence", "Läsloggar och resultaten på läsförståelsetestet i maj.");
    answers.put("carriesOn", "Lärgruppen, som försteläraren leder.");
    answers.put("doneDifferently", "Börjat med observationer tidigare.");
    answers.put("evaluationComment", "Samundervisningen gav mest.");
    return answers;
  }

  /**
   * A year no round of this database has used (the form takes up to 2100): first one this JVM has not
   * handed out yet, then any whose terms this database does not have.
   */
  public int freshYear() {
    synchronized (HANDED_OUT) {
      for (boolean anyInJvm : new boolean[] {false, true}) {
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
          boolean unused = terms.findBySeasonAndYear(Season.HT, year).isEmpty() && terms.findBySeasonAndYear(Season.VT, year).isEmpty();
          if (unused && (anyInJvm || !HANDED_OUT.contains(year))) {
            HANDED_OUT.add(year);
            return year;
          }
        }
      }
    }
    throw new IllegalStateException("No year up to " + LAST_YEAR + " is free for a new round in this test database");
  }

  public ProcessInstance startRound(int year) {
    ProcessInstance round = runtime.startProcessInstanceByKey("TermAllocation", Variables.createVariables()
        .putValue("termSeason", "HT").putValue("termYear", year)
        .putValue("applicationDeadline", LocalDate.now().plusWeeks(2).toString()));
    runAsyncJobs();
    return round;
  }

  /**
   * What the job executor does in a running application: the asynchronous continuations that are
   * due (a unit's invitation, the join after a parallel task), until none is left. Timers wait, and
   * so do jobs a test holds back by suspending them.
   */
  public void runAsyncJobs() {
    for (int round = 0; round < 100; round++) {
      List<Job> due = management.createJobQuery().messages().executable().active().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("Asynchronous jobs keep coming");
  }

  /** The instance's own due asynchronous continuations, until none is left (other instances' jobs wait). */
  public void runJobsOf(ProcessInstance instance) {
    for (int round = 0; round < 100; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).messages().executable().active().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("Asynchronous jobs keep coming");
  }

  public Long roundId(ProcessInstance round) {
    return (Long) runtime.getVariable(round.getId(), "roundId");
  }

  public ProcessInstance needsDescriptionOf(ProcessInstance round, Unit unit) {
    return runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey("round-" + roundId(round) + "-" + unit.getCode()).singleResult();
  }

  public Task task(ProcessInstance instance, String taskId) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskId).singleResult();
  }

  /**
   * A value of a task's form as the form gets it when it is read (its stored variables and what its
   * glue shows and pre-fills, see FormValues), through the Java API as Tasklist does through REST.
   */
  public static Object formValue(String taskId, String name) {
    return org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine().getFormService().getTaskFormVariables(taskId).get(name);
  }

  /** A text a form shows (a Json string, see FormFields.show), as the person reads it. */
  public String shown(String taskId, String name) {
    Object value = formValue(taskId, name);
    if (value instanceof org.camunda.spin.json.SpinJsonNode node) {
      return node.isString() ? node.stringValue() : node.isNull() ? null : node.toString();
    }
    return (String) value;
  }

  public List<Task> tasks(ProcessInstance instance, String taskId) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskId).list();
  }

  /** A complete, valid needs description, as the form submits it through the Java API. */
  public Map<String, Object> needsDescription() {
    Map<String, Object> form = validNeeds();
    LISTS.forEach(list -> form.put(list, SpinValues.jsonValue((String) form.get(list)).create()));
    return form;
  }

  /** The same as Tasklist sends it to the REST API: lists as Json-typed values. */
  public static Map<String, Object> needsDescriptionOverRest() {
    Map<String, Object> form = validNeeds();
    LISTS.forEach(list -> form.put(list, RestSteps.json((String) form.get(list))));
    return form;
  }

  private static final List<String> LISTS = List.of("wantedSupport", "wantedSpecialities");

  private static Map<String, Object> validNeeds() {
    Map<String, Object> form = new HashMap<>();
    form.put("application", "APPLY");
    form.put("needs", "Läsförståelsen i åk 2 behöver stärkas; lärarna vill pröva nya arbetssätt.");
    form.put("basis", "Resultaten på de nationella delproven i åk 3 har sjunkit två år i rad.");
    form.put("restsOnAnalysis", true);
    form.put("targetGroup", "Åk 2, arbetslag Lila");
    form.put("targetStage", "F_3");
    form.put("needKind", "PUPIL_GROUP");
    form.put("wantedSupport", "[\"SAMUNDERVISNING\",\"MODELLERING\"]");
    form.put("wantedSpecialities", "[\"SPRAKINRIKTAD_UNDERVISNING\"]");
    form.put("teachersInvolved", "Arbetslag Lila");
    form.put("ongoingDevelopment", false);
    form.put("wishedMembers", 2);
    form.put("wishedDaysPerWeek", 2.5);
    return form;
  }

  public Map<String, Object> with(Map<String, Object> form, String key, Object value) {
    Map<String, Object> copy = new HashMap<>(form);
    copy.put(key, value);
    return copy;
  }

  public void complete(Task task, Map<String, Object> form) {
    tasks.complete(task.getId(), form);
    runAsyncJobs();
  }

  public void submitNeeds(ProcessInstance needs) {
    complete(task(needs, "Task_WriteNeedsDescription"), needsDescription());
  }

  public void review(ProcessInstance needs, String outcome, String comment) {
    complete(task(needs, "Task_ReviewNeedsDescription"), Map.of("reviewOutcome", outcome, "reviewComment", comment == null ? "" : comment,
        "analysisConfirmed", "APPROVE".equals(outcome) ? "CONFIRMED" : ""));
  }

  public void applyAndApprove(ProcessInstance needs) {
    submitNeeds(needs);
    review(needs, "APPROVE", null);
  }

  public Job timer(ProcessInstance instance, String activityId) {
    List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).list();
    if (jobs.size() != 1) {
      throw new AssertionError("Expected one timer at " + activityId + " but found " + jobs.size());
    }
    return jobs.get(0);
  }

  public List<Job> timers(ProcessInstance instance, String activityId) {
    return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).list();
  }

  public void fire(ProcessInstance instance, String activityId) {
    management.executeJob(timer(instance, activityId).getId());
    runAsyncJobs();
  }

  /** The round's deadline passes: drafts still open become late, then the round closes. */
  public void passDeadline(ProcessInstance round) {
    for (ProcessInstance needs : runtime.createProcessInstanceQuery().processDefinitionKey("NeedsDescription")
        .variableValueEquals("roundId", roundId(round)).list()) {
      management.createJobQuery().processInstanceId(needs.getId()).activityId("Timer_ApplicationDeadline").list()
          .forEach(job -> management.executeJob(job.getId()));
    }
    runAsyncJobs();
    fire(round, "Timer_ApplicationDeadline");
  }

  /** One row of the meeting's decision list. */
  public Map<String, Object> decision(Long needsDescriptionId, String outcome, List<String> members, Double days, String motivation) {
    Map<String, Object> row = new HashMap<>();
    row.put("needsDescriptionId", needsDescriptionId);
    row.put("outcome", outcome);
    row.put("members", members);
    row.put("daysPerWeek", days);
    row.put("motivation", motivation);
    return row;
  }

  /** A rektor in the rektorer group, who attends the meetings of the process tests. */
  public static final String MEETING_REKTOR = "rektorimotet";

  public void decide(ProcessInstance round, List<Map<String, Object>> rows) {
    staff(MEETING_REKTOR, se.kvalitetsarbete.security.Roles.REKTORER);
    complete(task(round, "Task_DecideAllocation"), Map.of("decisions", se.kvalitetsarbete.common.JsonVariables.json(rows),
        "meetingAttendees", se.kvalitetsarbete.common.JsonVariables.json(List.of(MEETING_REKTOR))));
  }

  /** A decided round with one granted need, made directly in the records: where an assignment begins. */
  @Transactional
  public AllocationDecision grantedDecision(Unit unit, List<String> members) {
    Term term = terms.findOrCreate(new Term.Key(Season.HT, freshYear()));
    AllocationRound round = rounds.save(new AllocationRound(term, LocalDateTime.now(), LocalDateTime.now().plusWeeks(2), null));
    NeedsDescription needs = new NeedsDescription(unit, NeedsDescription.Origin.INVITED, LocalDateTime.now());
    needs.setRound(round);
    needs.setNeeds("Läsförståelsen i åk 5 behöver stärkas.");
    needs.setStatus(NeedsDescription.Status.APPROVED);
    needs.setPriority(8, "Behovet vilar på en analys av resultat (+3)");
    descriptions.save(needs);
    round.setStatus(AllocationRound.Status.DECIDED);
    return decisions.save(new AllocationDecision(needs, AllocationDecision.Outcome.GRANTED, members, new BigDecimal("3"),
        null, false, LocalDateTime.now(), "samordnare1"));
  }

  public AllocationRoundRepository rounds() {
    return rounds;
  }
}
