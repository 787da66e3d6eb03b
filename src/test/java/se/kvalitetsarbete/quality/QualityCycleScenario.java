package se.kvalitetsarbete.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.common.JsonVariables;
import se.kvalitetsarbete.organisation.StaffTeam;
import se.kvalitetsarbete.organisation.StaffTeams;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.security.StaffGroups;
import se.kvalitetsarbete.quality.SharedImprovementArea.FormGroup;

/** A school year and the steps a rektor, the staff and a head of school form take in a unit's plan. */
@Component
public class QualityCycleScenario {

  private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Scenario scenario;
  private final SchoolYears years;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final StaffGroups staffGroups;
  private final StaffTeams staffTeams;
  private final SchoolYearRepository schoolYears;

  public QualityCycleScenario(Scenario scenario, SchoolYears years, RuntimeService runtime, TaskService tasks,
      StaffGroups staffGroups, StaffTeams staffTeams, SchoolYearRepository schoolYears) {
    this.schoolYears = schoolYears;
    this.scenario = scenario;
    this.years = years;
    this.runtime = runtime;
    this.tasks = tasks;
    this.staffGroups = staffGroups;
    this.staffTeams = staffTeams;
  }

  /** Two arbetslag, Räven and Ugglan, each with one teacher of the unit's staff (lararNNa, lararNNb). */
  public List<StaffTeam> staffTeams(Unit unit) {
    String group = staffGroups.ensureFor(unit);
    scenario.staff(teacher(unit, "a"), group);
    scenario.staff(teacher(unit, "b"), group);
    return List.of(staffTeams.create(unit, "Arbetslag Räven", List.of(teacher(unit, "a"))),
        staffTeams.create(unit, "Arbetslag Ugglan", List.of(teacher(unit, "b"))));
  }

  public static String teacher(Unit unit, String letter) {
    return "larare" + unit.getCode() + letter;
  }

  /** A school year no other test uses, prepared with a shared area for grundskolan. */
  public SchoolYear preparedYear(int firstYear) {
    SchoolYear year = years.open(SchoolYear.label(firstYear), null);
    years.prepare(year.getId(), LocalDate.now().plusWeeks(6), Map.of(FormGroup.GRUNDSKOLA, "Läsförståelse"));
    return year;
  }

  /**
   * A school year (and the one after it) that no test of this JVM has taken and this database does
   * not have: 2031/32 to 2098/99, away from the real years the demo and the calendar use.
   */
  public int freshFirstYear() {
    synchronized (HANDED_OUT) {
      for (int first = 2031; first <= 2098; first++) {
        if (!HANDED_OUT.contains(first) && !HANDED_OUT.contains(first + 1)
            && schoolYears.findByLabel(SchoolYear.label(first)).isEmpty()
            && schoolYears.findByLabel(SchoolYear.label(first + 1)).isEmpty()) {
          HANDED_OUT.add(first);
          HANDED_OUT.add(first + 1);
          return first;
        }
      }
    }
    throw new IllegalStateException("No school year up to 2098/99 is free for a test in this database");
  }

  /** A unit's plan started by hand (not by a year's fan-out), its first step run as the job executor would. */
  public ProcessInstance startPlan(SchoolYear year, Long unitId) {
    ProcessInstance plan = runtime.startProcessInstanceByKey("SkaUnitPlan",
        Variables.putValue("schoolYearId", year.getId()).putValue("unitId", unitId));
    scenario.runJobsOf(plan);
    return plan;
  }

  /** The units' plans that the year's fan-out started (SkaUnitPlan instances of their own, none called by the year). */
  public List<ProcessInstance> plansOf(ProcessInstance year) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("SkaUnitPlan")
        .variableValueEquals("schoolYearId", runtime.getVariable(year.getId(), "schoolYearId"))
        .orderByProcessInstanceId().asc().list();
  }

  /** The year's batches of units (SkaUnitPlanBatch instances) that have not ended. */
  public List<ProcessInstance> batchesOf(ProcessInstance year) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("SkaUnitPlanBatch")
        .variableValueEquals("schoolYearId", runtime.getVariable(year.getId(), "schoolYearId")).list();
  }

  /** Hur blev det?, every self-assessment and the analysis: the plan waits at the development part. */
  public void writeResultsAndAnalysis(ProcessInstance plan) throws Exception {
    followUpLastYear(plan);
    assessAsManagement(plan, 3);
    for (Task team : scenario.tasks(plan, "Task_SelfAssessStaff")) {
      assessAsTeam(team, 2, "Vi ser att eleverna tar mer ansvar.");
    }
    writeAnalysis(plan);
  }

  public void followUpLastYear(ProcessInstance plan) throws Exception {
    Task followUp = scenario.task(plan, "Task_FollowUpLastYear");
    List<Map<String, Object>> answers = rows(followUp, "lastYearActions", Map.of("seen", "Många elever läste utan att förstå.",
        "done", "Lärgrupper varannan vecka.", "effect", "Fler elever läser med flyt; det visar screeningen.",
        "nextStep", "Vi fortsätter och tar in högläsning.", "goodExample", false));
    scenario.complete(followUp, Map.of("lastYearActions", JsonVariables.json(answers),
        "followUpSummary", "Vi såg att lässtrategierna fungerade; vi ändrade gruppindelningen; resultaten steg."));
  }

  /** The rektor scores every criterion the same. */
  public void assessAsManagement(ProcessInstance plan, int score) throws Exception {
    Task task = scenario.task(plan, "Task_SelfAssessManagement");
    scenario.complete(task, Map.of("criteria", JsonVariables.json(rows(task, "criteria", Map.of("score", String.valueOf(score)))),
        "studieroNotes", "Lugnt i klassrummen."));
  }

  /** One member of the arbetslag takes its task and scores every criterion the same. */
  public void assessAsTeam(Task task, int score, String reflections) throws Exception {
    String member = tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getUserId() != null).findFirst().orElseThrow().getUserId();
    tasks.claim(task.getId(), member);
    scenario.complete(task, Map.of("criteria", JsonVariables.json(rows(task, "criteria", Map.of("score", String.valueOf(score)))),
        "staffNotes", reflections));
  }

  public void writeAnalysis(ProcessInstance plan) {
    Map<String, Object> analysis = new HashMap<>();
    for (String perspective : AnalysisForm.PERSPECTIVES) {
      analysis.put(perspective, "Analys: " + perspective);
    }
    scenario.complete(scenario.task(plan, "Task_WriteAnalysis"), analysis);
  }

  /** An improvement area with one action. */
  public Map<String, Object> action(String area, String what) {
    Map<String, Object> row = new HashMap<>();
    row.put("areaTitle", area);
    row.put("developmentArea", "kvalitetIUndervisningen");
    row.put("years", 2);
    row.put("wantedImprovement", "Fler elever når kunskapskraven i läsning.");
    Map<String, Object> action = new HashMap<>();
    action.put("what", what);
    action.put("why", "Analysen visar att läsförståelsen brister.");
    action.put("responsible", "Rektor");
    action.put("timeline", "HT–VT");
    action.put("followUpHow", "Lässcreening i november och februari.");
    row.put("areaActions", new ArrayList<>(List.of(action)));
    return row;
  }

  /** The development part: these improvement areas, and a focus within every utvecklingsområde. */
  public Map<String, Object> developmentPart(List<Map<String, Object>> areas) {
    Map<String, Object> form = new HashMap<>();
    form.put("areas", JsonVariables.json(areas));
    for (SelfAssessment.Area area : SelfAssessment.Area.values()) {
      form.put(DevelopmentPartForm.focusField(area), "Fokus inom " + area.label() + ".");
    }
    return form;
  }

  public void writeDevelopmentPart(ProcessInstance plan, List<Map<String, Object>> areas) {
    scenario.complete(scenario.task(plan, "Task_WriteDevelopmentPart"), developmentPart(areas));
  }

  public void approve(ProcessInstance plan) {
    scenario.complete(scenario.task(plan, "Task_GiveFeedback"), Map.of("feedbackDecision", "APPROVE"));
  }

  /** The head of school form returns the plan to a part with feedback; the rektor answers it. */
  public void returnPlan(ProcessInstance plan, String part, String feedback, String answer) {
    scenario.complete(scenario.task(plan, "Task_GiveFeedback"),
        Map.of("feedbackDecision", "RETURN", "returnTo", part, "feedbackComment", feedback));
    scenario.complete(scenario.task(plan, "Task_AnswerFeedback"), Map.of("feedbackAnswer", answer));
  }

  /** The organiser's feedback after the board's report reaches the plan, and the rektor replies. */
  public void readOrganiserFeedback(ProcessInstance plan, String reply) {
    if (tasks.createTaskQuery().processInstanceId(plan.getId()).taskDefinitionKey("Task_ReadOrganiserFeedback").count() == 0) {
      runtime.createMessageCorrelation("OrganiserFeedback").processInstanceId(plan.getId()).correlateAll();
    }
    scenario.complete(scenario.task(plan, "Task_ReadOrganiserFeedback"), Map.of("organiserFeedbackReply", reply));
  }

  /** The two mid-year follow-ups, each when its timer is due. */
  public void followUpMidYear(ProcessInstance plan) throws Exception {
    for (int i = 0; i < 2; i++) {
      scenario.fire(plan, "Timer_MidYearDue");
      Task task = scenario.task(plan, "Task_FollowUpActions");
      scenario.complete(task, Map.of("actionFollowUps", JsonVariables.json(rows(task, "actionFollowUps",
          Map.of("done", "Påbörjat.", "effect", "För tidigt att säga.")))));
    }
  }

  /** A whole plan: written, approved and followed up during the year. */
  public void completePlan(ProcessInstance plan, String what) throws Exception {
    writeResultsAndAnalysis(plan);
    writeDevelopmentPart(plan, List.of(action("Läsförståelse", what)));
    approve(plan);
    followUpMidYear(plan);
  }

  /** The task's list (its rows as the form got them), each row given these answers. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> rows(Task task, String list, Map<String, Object> answers) throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode row : JSON.readTree(se.kvalitetsarbete.Scenario.formValue(task.getId(), list).toString())) {
      Map<String, Object> answered = JSON.convertValue(row, Map.class);
      answered.putAll(answers);
      rows.add(answered);
    }
    return rows;
  }
}
