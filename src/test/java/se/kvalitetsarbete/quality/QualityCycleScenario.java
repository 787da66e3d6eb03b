package se.kvalitetsarbete.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.Scenario;
import se.kvalitetsarbete.common.JsonVariables;
import se.kvalitetsarbete.quality.SharedImprovementArea.FormGroup;

/** A school year and the steps a rektor, the staff and a head of school form take in a unit's plan. */
@Component
public class QualityCycleScenario {

  private static final AtomicInteger NEXT_YEAR = new AtomicInteger(2060);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Scenario scenario;
  private final SchoolYears years;
  private final RuntimeService runtime;
  private final TaskService tasks;

  public QualityCycleScenario(Scenario scenario, SchoolYears years, RuntimeService runtime, TaskService tasks) {
    this.scenario = scenario;
    this.years = years;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  /** A school year no other test uses, prepared with a shared area for grundskolan. */
  public SchoolYear preparedYear(int firstYear) {
    SchoolYear year = years.open(SchoolYear.label(firstYear), null);
    years.prepare(year.getId(), LocalDate.now().plusWeeks(6), Map.of(FormGroup.GRUNDSKOLA, "Läsförståelse"));
    return year;
  }

  public int freshFirstYear() {
    return NEXT_YEAR.addAndGet(2);
  }

  public ProcessInstance startPlan(SchoolYear year, Long unitId) {
    return runtime.startProcessInstanceByKey("SkaUnitPlan",
        Variables.putValue("schoolYearId", year.getId()).putValue("unitId", unitId));
  }

  /** Hur blev det?, both self-assessments and the analysis: the plan waits at the development part. */
  public void writeResultsAndAnalysis(ProcessInstance plan) throws Exception {
    Task followUp = scenario.task(plan, "Task_FollowUpLastYear");
    List<Map<String, Object>> answers = answered(followUp, "lastYearActions", "Lärgrupper varannan vecka.", "Fler elever läser med flyt.");
    scenario.complete(followUp, Map.of("lastYearActions", JsonVariables.json(answers),
        "followUpSummary", "Vi såg att lässtrategierna fungerade; vi ändrade gruppindelningen; resultaten steg."));
    scenario.complete(scenario.task(plan, "Task_SelfAssessManagement"), scores(Map.of("studieroNotes", "Lugnt i klassrummen.")));
    scenario.complete(scenario.task(plan, "Task_SelfAssessStaff"), scores(Map.of("staffTeam", "Arbetslag F–3")));
    Map<String, Object> analysis = new HashMap<>();
    for (String perspective : AnalysisForm.PERSPECTIVES) {
      analysis.put(perspective, "Analys: " + perspective);
    }
    scenario.complete(scenario.task(plan, "Task_WriteAnalysis"), analysis);
  }

  public Map<String, Object> action(String area, String what) {
    Map<String, Object> row = new HashMap<>();
    row.put("areaTitle", area);
    row.put("years", 2);
    row.put("wantedImprovement", "Fler elever når kunskapskraven i läsning.");
    row.put("what", what);
    row.put("why", "Analysen visar att läsförståelsen brister.");
    row.put("responsible", "Rektor");
    row.put("timeline", "HT–VT");
    row.put("followUpHow", "Lässcreening i november och februari.");
    return row;
  }

  public void writeDevelopmentPart(ProcessInstance plan, List<Map<String, Object>> actions) {
    scenario.complete(scenario.task(plan, "Task_WriteDevelopmentPart"), Map.of("actions", JsonVariables.json(actions)));
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
      scenario.complete(task, Map.of("actionFollowUps", JsonVariables.json(answered(task, "actionFollowUps", "Påbörjat.", "För tidigt att säga."))));
    }
  }

  /** A whole plan: written, approved and followed up during the year. */
  public void completePlan(ProcessInstance plan, String what) throws Exception {
    writeResultsAndAnalysis(plan);
    writeDevelopmentPart(plan, List.of(action("Läsförståelse", what)));
    approve(plan);
    followUpMidYear(plan);
  }

  /** The task's list of actions, each answered with what was done and its effect. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> answered(Task task, String list, String done, String effect) throws Exception {
    List<Map<String, Object>> answers = new ArrayList<>();
    for (JsonNode row : JSON.readTree(tasks.getVariable(task.getId(), list).toString())) {
      ObjectNode answer = (ObjectNode) row;
      answer.put("done", done);
      answer.put("effect", effect);
      answers.add(JSON.convertValue(answer, Map.class));
    }
    return answers;
  }

  private static Map<String, Object> scores(Map<String, Object> extra) {
    Map<String, Object> form = new HashMap<>(extra);
    form.put("pedagogiskLedning", "3");
    form.put("larandeOrganisation", "2");
    form.put("malOchResultatstyrning", "3");
    form.put("kvalitetIUndervisningen", "2");
    return form;
  }
}
