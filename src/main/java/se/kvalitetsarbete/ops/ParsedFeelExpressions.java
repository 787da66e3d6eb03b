package se.kvalitetsarbete.ops;

import camundajar.impl.scala.collection.immutable.Map.Map1;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelLogger;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * The DMN engine's FEEL (Camunda's own {@link ScalaFeelEngine}, same settings: external functions
 * off, the same value mappers and custom functions), keeping each expression parsed. Camunda's parses
 * every input entry and expression anew at every evaluation, the prioritisation table's ~45 per
 * review: FEEL was 5.7 % of the request threads' CPU, 4.2 % without the parsing (the rest is
 * feel-scala building its built-in functions for every evaluation; docs/benchmarks.md). A parsed expression depends
 * on its text alone, so the text is the key: a new version of a table brings new texts, never
 * stale ones. At most {@value #MAX_EXPRESSIONS} are kept (then half of them are let go), so
 * that deployments cannot fill the memory; an expression that fails to parse is never kept.
 */
public final class ParsedFeelExpressions extends ScalaFeelEngine {

  static final int MAX_EXPRESSIONS = 5_000;

  private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
  private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

  ParsedFeelExpressions(DefaultDmnEngineConfiguration dmn) {
    super(dmn.getFeelCustomFunctionProviders());
  }

  /** Installs it on the engine's DMN configuration, unless the legacy (JUEL-based) FEEL is chosen. */
  static void install(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration() : new DefaultDmnEngineConfiguration();
    if (dmn.getFeelEngineFactory() == null) {
      // The engine's builder sets the custom functions and the legacy flag after this: read them when the engine is made.
      dmn.setFeelEngineFactory(new FeelEngineFactory() {
        @Override
        public FeelEngine createInstance() {
          return dmn.isEnableFeelLegacyBehavior() ? new FeelEngineFactoryImpl().createInstance() : new ParsedFeelExpressions(dmn);
        }
      });
    }
    configuration.setDmnEngineConfiguration(dmn);
  }

  /** How many parsed expressions and unary tests are kept (for tests). */
  int kept() {
    return expressions.size() + unaryTests.size();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new ContextVariableWrapper(variableContext);
      }
    };
    return (T) valueOf(feelEngine.eval(parsed, context));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
    StaticVariableProvider input = new StaticVariableProvider(new Map1<>(INPUT_VARIABLE_NAME, inputVariable));
    ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
    Context context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new CompositeVariableProvider(toScalaList(input, variables));
      }
    };
    return BoxesRunTime.unboxToBoolean(valueOf(feelEngine.eval(parsed, context)));
  }

  private static ParsedExpression parsed(Map<String, ParsedExpression> kept, String text,
      Function<String, Either<Failure, ParsedExpression>> parser) {
    ParsedExpression parsed = kept.get(text);
    if (parsed != null) {
      return parsed;
    }
    parsed = (ParsedExpression) valueOf(parser.apply(text));
    if (kept.size() >= MAX_EXPRESSIONS) {
      kept.keySet().stream().limit(MAX_EXPRESSIONS / 2).toList().forEach(kept::remove);
    }
    kept.put(text, parsed);
    return parsed;
  }

  /** The value, or Camunda's own exception with FEEL's message, as {@link ScalaFeelEngine} throws it. */
  private static Object valueOf(Either<?, ?> either) {
    if (either instanceof Right<?, ?> right) {
      return right.value();
    }
    throw ScalaFeelLogger.LOGGER.evaluationException(((Failure) ((Left<?, ?>) either).value()).message());
  }
}
