package se.kvalitetsarbete.security;

import java.beans.FeatureDescriptor;
import java.time.temporal.TemporalAccessor;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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
 * variables, the application's process glue by bean name (delegates and listeners, and beans with
 * methods marked {@link ModelGlue}), and plain values (texts, numbers, dates, lists, maps); they may
 * call only the marked methods of the glue and the instance methods of plain values, never a static
 * method, and never reach {@code getClass} or any other class object. No other Spring bean, no engine
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

  /** Plain values whose properties and (non-static) methods an expression may use. */
  static boolean isPlainValue(Object base) {
    return base instanceof CharSequence || base instanceof Number || base instanceof Boolean || base instanceof Character
        || base instanceof Date || base instanceof TemporalAccessor || base instanceof Collection<?> || base instanceof Map<?, ?>
        || isJodaValue(base);
  }

  /** Joda's dates and periods (what {@code dateTime()} gives); not its zones, chronologies or formatters. */
  private static boolean isJodaValue(Object base) {
    for (Class<?> type = base.getClass(); type != null; type = type.getSuperclass()) {
      for (Class<?> contract : type.getInterfaces()) {
        if (List.of("org.joda.time.ReadableInstant", "org.joda.time.ReadablePartial", "org.joda.time.ReadablePeriod")
            .contains(contract.getName())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a model may use a bean of this class by name: the application's delegates and listeners, and beans with {@link ModelGlue} methods. */
  static boolean isGlue(Class<?> type) {
    if (type == null) {
      return false;
    }
    Class<?> own = ClassUtils.getUserClass(type);
    if (!own.getName().startsWith("se.kvalitetsarbete.")) {
      return false;
    }
    return JavaDelegate.class.isAssignableFrom(own) || TaskListener.class.isAssignableFrom(own)
        || ExecutionListener.class.isAssignableFrom(own)
        || Arrays.stream(own.getMethods()).anyMatch(method -> method.isAnnotationPresent(ModelGlue.class));
  }

  /** Whether a model may call this method on this glue bean: only methods marked {@link ModelGlue}. */
  static boolean isGlueMethod(Object bean, String name) {
    return Arrays.stream(ClassUtils.getUserClass(bean.getClass()).getMethods())
        .anyMatch(method -> method.getName().equals(name) && method.isAnnotationPresent(ModelGlue.class));
  }

  static boolean isStatic(Object base, String name) {
    return Arrays.stream(base.getClass().getMethods())
        .anyMatch(method -> method.getName().equals(name) && Modifier.isStatic(method.getModifiers()));
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

    /** Properties: of plain values only (a glue bean is asked through its marked methods). */
    private static void checkProperty(Object base, Object member) {
      if (NEVER.contains(String.valueOf(member)) || !isPlainValue(base)) {
        throw refused(base, member);
      }
    }

    /** Methods: the marked methods of glue beans, and instance methods of plain values. */
    private static void checkMethod(Object base, Object member) {
      String name = String.valueOf(member);
      boolean allowed = !NEVER.contains(name) && !isStatic(base, name)
          && (isPlainValue(base) || isGlue(base.getClass()) && isGlueMethod(base, name));
      if (!allowed) {
        throw refused(base, member);
      }
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base == null) {
        return null;
      }
      checkProperty(base, property);
      return super.getValue(context, base, property);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      if (base == null) {
        return null;
      }
      checkProperty(base, property);
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
      checkMethod(base, method);
      return super.invoke(context, base, method, paramTypes, params);
    }
  }
}
