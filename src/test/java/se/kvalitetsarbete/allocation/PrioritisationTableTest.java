package se.kvalitetsarbete.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each rule of bpmn/prioritisation.dmn, as a coordinator reads the table. */
@Deployment(resources = "bpmn/prioritisation.dmn")
class PrioritisationTableTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(inMemoryEngine()).build();

  private static ProcessEngine inMemoryEngine() {
    return ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:prioritisation-table;DB_CLOSE_DELAY=1000")
        .setProcessEngineName("prioritisation-table")
        .buildProcessEngine();
  }

  /** A need that matches as few rules as possible: only the "no analysis" and "had the team" rows (0 points). */
  private VariableMap plainNeed() {
    return Variables.putValue("restsOnAnalysis", false).putValue("targetStage", "GYMNASIUM")
        .putValue("hadTeamRecently", true).putValue("teachersTookPart", false).putValue("ongoingDevelopment", false)
        .putValue("needKind", null).putValue("concernsSharedArea", false);
  }

  private DmnDecisionResult evaluate(VariableMap need) {
    return extension.getDecisionService().evaluateDecisionByKey("Prioritisation").variables(need).evaluate();
  }

  private int points(DmnDecisionResult result) {
    return result.getResultList().stream().mapToInt(r -> ((Number) r.get("points")).intValue()).sum();
  }

  private List<String> reasons(DmnDecisionResult result) {
    return result.getResultList().stream().map(r -> (String) r.get("reason")).toList();
  }

  @Test
  void aPlainNeedGetsNoPointsButStillItsGrounds() {
    DmnDecisionResult result = evaluate(plainNeed());
    assertThat(points(result)).isZero();
    assertThat(reasons(result)).containsExactly(
        "Behovet saknar stöd i en resultatanalys",
        "Enheten har haft kvalitetsteamet de två senaste terminerna");
  }

  @Test
  void aNeedRestingOnAnAnalysisOfResultsGetsThreePoints() {
    DmnDecisionResult result = evaluate(plainNeed().putValue("restsOnAnalysis", true));
    assertThat(points(result)).isEqualTo(3);
    assertThat(reasons(result)).contains("Behovet vilar på en analys av resultat").doesNotContain("Behovet saknar stöd i en resultatanalys");
  }

  @Test
  void lowerPrimaryTheTeamsFocusGetsThreePoints() {
    DmnDecisionResult result = evaluate(plainNeed().putValue("targetStage", "F_3"));
    assertThat(points(result)).isEqualTo(3);
    assertThat(reasons(result)).contains("Målgruppen är lågstadiet (förskoleklass–åk 3), kvalitetsteamets fokus");
  }

  @Test
  void preschoolAndLeisureTimeAlsoButLowerGetOnePoint() {
    for (String stage : List.of("FORSKOLA", "FRITIDSHEM")) {
      DmnDecisionResult result = evaluate(plainNeed().putValue("targetStage", stage));
      assertThat(points(result)).as(stage).isEqualTo(1);
      assertThat(reasons(result)).contains("Målgruppen är förskola eller fritidshem, där teamet också arbetar");
    }
  }

  @Test
  void eachKindOfNeedIsNamedInTheGroundsWithEqualWeight() {
    Map<String, String> grounds = Map.of("PUPIL_GROUP", "Behovet gäller en elevgrupp eller årskurs",
        "ORGANISATIONAL", "Behovet är organisatoriskt", "SUBJECT_DIDACTIC", "Behovet är ämnesdidaktiskt");
    grounds.forEach((kind, reason) -> {
      DmnDecisionResult result = evaluate(plainNeed().putValue("needKind", kind));
      assertThat(points(result)).as(kind).isZero();
      assertThat(reasons(result)).as(kind).contains(reason);
    });
  }

  @Test
  void aNeedConcerningASharedImprovementAreaOfTheYearGetsTwoPoints() {
    DmnDecisionResult result = evaluate(plainNeed().putValue("concernsSharedArea", true));
    assertThat(points(result)).isEqualTo(2);
    assertThat(reasons(result)).contains("Behovet gäller ett av huvudmannens gemensamma förbättringsområden detta läsår");
  }

  @Test
  void yearsFourToSixGetOnePoint() {
    DmnDecisionResult result = evaluate(plainNeed().putValue("targetStage", "AR_4_6"));
    assertThat(points(result)).isEqualTo(1);
    assertThat(reasons(result)).contains("Målgruppen är åk 4–6");
  }

  @Test
  void yearsSevenToNineAndUpperSecondaryGetNoStagePoints() {
    assertThat(points(evaluate(plainNeed().putValue("targetStage", "AR_7_9")))).isZero();
    assertThat(points(evaluate(plainNeed().putValue("targetStage", "HELA_ENHETEN")))).isZero();
  }

  @Test
  void aUnitWithoutTheTeamInTheLastTwoTermsGetsTwoPointsForFairness() {
    DmnDecisionResult result = evaluate(plainNeed().putValue("hadTeamRecently", false));
    assertThat(points(result)).isEqualTo(2);
    assertThat(reasons(result)).contains("Enheten har inte haft kvalitetsteamet de två senaste terminerna")
        .doesNotContain("Enheten har haft kvalitetsteamet de två senaste terminerna");
  }

  @Test
  void teachersTakingPartInWritingGivesOnePoint() {
    DmnDecisionResult result = evaluate(plainNeed().putValue("teachersTookPart", true));
    assertThat(points(result)).isEqualTo(1);
    assertThat(reasons(result)).contains("Lärare har varit med och skrivit behovsbeskrivningen");
  }

  @Test
  void anOngoingDevelopmentProcessGivesOnePoint() {
    DmnDecisionResult result = evaluate(plainNeed().putValue("ongoingDevelopment", true));
    assertThat(points(result)).isEqualTo(1);
    assertThat(reasons(result)).contains("Stödet bygger vidare på en pågående utvecklingsprocess");
  }

  @Test
  void everyCriterionMetGivesTheHighestPriority() {
    DmnDecisionResult result = evaluate(Variables.fromMap(Map.of("restsOnAnalysis", true, "targetStage", "F_3",
        "hadTeamRecently", false, "teachersTookPart", true, "ongoingDevelopment", true, "needKind", "SUBJECT_DIDACTIC",
        "concernsSharedArea", true)));
    assertThat(points(result)).isEqualTo(3 + 3 + 2 + 1 + 1 + 0 + 2);
    assertThat(result.getResultList()).hasSize(7);
  }
}
