package se.kvalitetsarbete.quality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;
import se.kvalitetsarbete.web.Charts;

/**
 * Where every unit stands in the school year: the steps are the user tasks of the deployed
 * {@code SkaUnitPlan} model, in its order, so a step added in Modeler appears here by itself;
 * then "waiting for the next step" (a timer) and "done".
 */
@Component
@Transactional(readOnly = true)
public class PlanProgressChart {

  static final String PROCESS = "SkaUnitPlan";

  private final QualityPlanRepository plans;
  private final UnitRepository units;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final Texts texts;

  public PlanProgressChart(QualityPlanRepository plans, UnitRepository units, RepositoryService repository,
      RuntimeService runtime, TaskService tasks, Texts texts) {
    this.plans = plans;
    this.units = units;
    this.repository = repository;
    this.runtime = runtime;
    this.tasks = tasks;
    this.texts = texts;
  }

  /** The units the caller may see (all, or the ones given) against the model's steps. */
  public String svg(SchoolYear year, java.util.function.Predicate<Unit> visible) {
    List<UserTask> steps = steps();
    List<String> columns = new ArrayList<>(steps.stream().map(UserTask::getName).toList());
    int waiting = columns.size();
    columns.add(texts.get("chart.planWaiting"));
    int done = columns.size();
    columns.add(texts.get("chart.planDone"));
    Map<Long, QualityPlan> byUnit = plans.findBySchoolYearIdOrderByUnitName(year.getId()).stream()
        .collect(Collectors.toMap(p -> p.getUnit().getId(), Function.identity()));
    List<String> rows = new ArrayList<>();
    List<Set<Integer>> standsAt = new ArrayList<>();
    for (Unit unit : units.findByActiveTrueOrderByName()) {
      if (!visible.test(unit)) {
        continue;
      }
      rows.add(unit.getName());
      Set<Integer> at = new HashSet<>();
      QualityPlan plan = byUnit.get(unit.getId());
      if (plan != null && plan.getProcessInstanceId() != null) {
        tasks.createTaskQuery().processInstanceId(plan.getProcessInstanceId()).list().forEach(task -> {
          for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).getId().equals(task.getTaskDefinitionKey())) {
              at.add(i);
            }
          }
        });
        if (at.isEmpty()) {
          boolean running = runtime.createProcessInstanceQuery().processInstanceId(plan.getProcessInstanceId()).count() > 0;
          at.add(running ? waiting : done);
        }
      } else if (plan != null && plan.getStatus() == QualityPlan.Status.APPROVED) {
        at.add(done);
      }
      standsAt.add(at);
    }
    return Charts.grid(texts.get("chart.planTitle", year.getLabel()), columns, rows, standsAt, texts.get("chart.noPlan"));
  }

  private List<UserTask> steps() {
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).latestVersion()
        .singleResult();
    return definition == null ? List.of()
        : new ArrayList<>(repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class));
  }
}
