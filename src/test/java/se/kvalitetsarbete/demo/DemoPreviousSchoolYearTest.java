package se.kvalitetsarbete.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import se.kvalitetsarbete.quality.OrganiserPlans;
import se.kvalitetsarbete.quality.QualityPlan;
import se.kvalitetsarbete.quality.QualityPlanRepository;
import se.kvalitetsarbete.quality.SchoolYear;
import se.kvalitetsarbete.quality.SchoolYearRepository;

/** On first start the demo holds last school year, done, so this year's red thread has something to follow. */
@DirtiesContext
@ActiveProfiles("demo")
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:demo-previous-year-tests;DB_CLOSE_DELAY=-1",
    "kvalitet.admin.initial-password-file=target/demo-previous-year-tests/initial-admin-password.txt",
    "camunda.bpm.job-execution.enabled=false"})
class DemoPreviousSchoolYearTest {

  @Autowired SchoolYearRepository years;
  @Autowired QualityPlanRepository plans;
  @Autowired OrganiserPlans organiserPlans;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Test
  void lastYearIsDoneAndThisYearsPreparationStartsFromItsOrganiserPlan() {
    int thisYear = SchoolYear.firstYearOf(LocalDate.now());
    SchoolYear last = years.findByLabel(SchoolYear.label(thisYear - 1)).orElseThrow();
    assertThat(last.getReportApprovedAt()).isNotNull();
    assertThat(plans.findBySchoolYearIdOrderByUnitName(last.getId())).hasSize(6)
        .allMatch(p -> p.getStatus() == QualityPlan.Status.APPROVED);
    assertThat(organiserPlans.indicatorTrends(last.getId())).as("the demo's municipality over four years")
        .contains("2022: ", "2025: ", "flickor");

    ProcessInstance year = runtime.startProcessInstanceByKey("SkaYearlyCycle", Variables.putValue("schoolYear", SchoolYear.label(thisYear)));
    var prepare = tasks.createTaskQuery().processInstanceId(year.getId()).singleResult();
    assertThat(se.kvalitetsarbete.Scenario.formValue(prepare.getId(), "sharedAreasGrundskola")).isEqualTo(DemoPreviousSchoolYear.NEXT_YEAR_AREAS);
  }
}
