package se.kvalitetsarbete.security;

import java.beans.FeatureDescriptor;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The engine's expressions (in models, timers, conditions, DMN and stored filters) see process
 * variables, the application's process glue ({@link ModelGlue}) by bean name, and plain values
 * (texts, numbers, dates, lists, maps); they may call methods only on the glue and on plain values,
 * and never reach {@code getClass} or any other class object. No other Spring bean, no engine
 * service, no process-application resolver: so whoever deploys a model changes data, not code.
 */
public class RestrictedExpressionManager extends JuelExpressionManager {

  private static final Set<String> NEVER = Set.of("class", "getClass", "classLoader", "getClassLoader",
      "declaringClass", "getDeclaringClass", "module", "getModule", "wait", "notify", "notifyAll");

  private final ApplicationContext beans;

  public RestrictedExpressionManager(ApplicationContext beans) {
    this.beans = beans;
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new VariableScopeElResolver());
    resolver.add(new VariableContextElResolver());
    resolver.add(new GlueBeans(beans));
    resolver.add(new ArrayELResolver(true));
    resolver.add(new ListELResolver(true));
    resolver.add(new MapELResolver(true));
    resolver.add(new PlainValuesAndGlue());
    return resolver;
  }

  /** Whether an expression may read a property of, or call a method on, this object. */
  static boolean mayUse(Object base) {
    return base instanceof CharSequence || base instanceof Number || base instanceof Boolean || base instanceof Character
        || base instanceof Date || base instanceof TemporalAccessor || base instanceof Collection<?> || base instanceof Map<?, ?>
        || base.getClass().getName().startsWith("org.joda.time.")
        || isGlue(base.getClass());
  }

  /** Whether a model's expressions may use an object of this class as a bean: the application's own glue. */
  static boolean isGlue(Class<?> type) {
    if (type == null) {
      return false;
    }
    Class<?> own = ClassUtils.getUserClass(type);
    if (!own.getName().startsWith("se.kvalitetsarbete.")) {
      return false;
    }
    return own.isAnnotationPresent(ModelGlue.class)
        || JavaDelegate.class.isAssignableFrom(own)
        || TaskListener.class.isAssignableFrom(own)
        || ExecutionListener.class.isAssignableFrom(own);
  }

  /** An expression reached for what models may not use; a client error (400), also through the engine's wrapping. */
  public static class Refused extends BadUserRequestException implements se.kvalitetsarbete.common.ClientError {
    Refused(String message) {
      super(message);
    }
  }

  static Refused refused(Object base, Object member) {
    return new Refused("Uttrycket får inte använda '" + member + "' på "
        + base.getClass().getSimpleName() + ". Modellens uttryck får bara läsa processvariabler och anropa "
        + "applikationens processlogik.");
  }

  /** Beans by name, only those that are the application's process glue. */
  static final class GlueBeans extends ELResolver {

    private final ApplicationContext beans;
    private final Map<String, Boolean> glue = new ConcurrentHashMap<>();

    GlueBeans(ApplicationContext beans) {
      this.beans = beans;
    }

    private boolean isGlue(String name) {
      return glue.computeIfAbsent(name, n -> beans.containsBean(n) && RestrictedExpressionManager.isGlue(beans.getType(n)));
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base == null && property instanceof String name && beans.containsBean(name)) {
        if (!isGlue(name)) {
          throw new Refused("Uttrycket får inte använda '" + name + "'. Modellens uttryck får bara läsa processvariabler och "
              + "anropa applikationens processlogik.");
        }
        context.setPropertyResolved(true);
        return beans.getBean(name);
      }
      return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      // read-only
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return base == null ? Object.class : null;
    }
  }

  /** Properties and methods of plain values and glue; nothing of anything else, nothing ever of classes. */
  static final class PlainValuesAndGlue extends BeanELResolver {

    PlainValuesAndGlue() {
      super(true);
    }

    private static void check(Object base, Object member) {
      if (NEVER.contains(String.valueOf(member)) || !mayUse(base)) {
        throw refused(base, member);
      }
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base == null) {
        return null;
      }
      check(base, property);
      return super.getValue(context, base, property);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      if (base == null) {
        return null;
      }
      check(base, property);
      return super.getType(context, base, property);
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      if (base != null) {
        throw refused(base, property);
      }
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
      if (base == null) {
        return null;
      }
      check(base, method);
      return super.invoke(context, base, method, paramTypes, params);
    }
  }
}
