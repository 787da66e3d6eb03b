package se.kvalitetsarbete.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kvalitetsarbete.common.ApplicationTimeZone;

/** The DMN engine's FEEL with parsed expressions kept, as EngineTuning installs it. */
class ParsedFeelExpressionsTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void engine() {
    // The application's zone before H2 starts: H2 keeps the JVM's zone of its first use, and the
    // application's tests in this JVM store dates in Swedish time.
    ApplicationTimeZone.apply(ApplicationTimeZone.DEFAULT);
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:parsed-feel;DB_CLOSE_DELAY=1000")
        .setProcessEngineName("parsed-feel");
    configuration.setProcessEnginePlugins(List.of(new EngineTuning()));
    engine = configuration.buildProcessEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static String table(String rule, String output) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Size" name="Size" namespace="http://camunda.org/schema/1.0/dmn"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn">
          <decision id="Size" name="Size" camunda:historyTimeToLive="P1D">
            <decisionTable id="DecisionTable_Size" hitPolicy="FIRST">
              <input id="Input_Count"><inputExpression id="Input_CountExpression" typeRef="integer"><text>count + 0</text></inputExpression></input>
              <output id="Output_Size" name="size" typeRef="string"/>
              <rule id="Rule_Big"><inputEntry id="Entry_Big"><text>%s</text></inputEntry><outputEntry id="Out_Big"><text>%s</text></outputEntry></rule>
              <rule id="Rule_Other"><inputEntry id="Entry_Other"><text>-</text></inputEntry><outputEntry id="Out_Other"><text>"small"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(rule, output);
  }

  private static void deploy(String rule, String output) {
    engine.getRepositoryService().createDeployment().addString("size.dmn", table(rule, output)).deploy();
  }

  private static String size(int count) {
    return engine.getDecisionService().evaluateDecisionTableByKey("Size", Variables.putValue("count", count)).getSingleEntry();
  }

  private static ParsedFeelExpressions feel() {
    return (ParsedFeelExpressions) ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDmnEngineConfiguration().getFeelEngine();
  }

  @Test
  void aNewVersionOfATableIsEvaluatedByItsOwnRulesNotTheParsedOnesOfTheLast() {
    deploy("&gt; 5", "\"big\"");
    assertThat(size(10)).isEqualTo("big");
    assertThat(size(3)).isEqualTo("small");
    int kept = feel().kept();
    assertThat(size(10)).isEqualTo("big");
    assertThat(feel().kept()).as("evaluated again without parsing again").isEqualTo(kept);

    deploy("&gt; 50", "\"huge\"");
    assertThat(size(10)).isEqualTo("small");
    assertThat(size(60)).isEqualTo("huge");
  }

  @Test
  void anExpressionThatDoesNotParseFailsEveryTimeAndIsNotKept() {
    deploy("&gt; &gt; 5", "\"big\"");
    int kept = feel().kept();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> size(10)).hasRootCauseInstanceOf(FeelException.class);
    }
    assertThat(feel().kept()).isEqualTo(kept);
  }

  @Test
  void externalJavaFunctionsStayOff() {
    deploy("-", "{ abs: function(x) external { java: { class: \"java.lang.Math\", method signature: \"abs(int)\" } }, r: abs(-1) }.r");
    assertThatThrownBy(() -> size(1)).rootCause().hasMessageContaining("External functions are disabled");
  }
}
