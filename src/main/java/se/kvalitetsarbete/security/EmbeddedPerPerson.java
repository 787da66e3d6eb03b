package se.kvalitetsarbete.security;

import jakarta.annotation.PreDestroy;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.rest.cache.Cache;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition;
import org.camunda.bpm.engine.rest.hal.user.HalUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The users and process definitions that Camunda REST embeds in a task list (HAL, as Tasklist asks
 * for its filters' lists), remembered for a short while ({@code kvalitet.embedded-cache-seconds},
 * default 60) <b>for the person who asked</b>: Camunda's own HAL cache keeps them by id alone, so a
 * user's name read with one person's rights would be shown to anyone; here the key is the person,
 * their groups and tenants and the id, so everyone sees only what a query with their own rights
 * returned. Each embedding cost a user query and a process definition query with their
 * authorization checks on every list (docs/benchmarks.md). Every change of users, groups,
 * memberships, tenants, authorizations (but new ones on other resources, such as the read of a
 * process instance its start gives) or deployments through this node's engine forgets everything
 * at once (a change on another node shows there within the short while, as for {@link LoginCache}).
 * Nothing is remembered for a request without a person.
 */
@Component
public class EmbeddedPerPerson extends AbstractProcessEnginePlugin {

  /** Changes after which a remembered user or definition may be out of date, or no longer allowed. */
  static final Set<String> CHANGES = Set.of("SaveAuthorizationCmd", "DeleteAuthorizationCmd", "DeployCmd",
      "DeleteDeploymentCmd", "DeleteProcessDefinitionsByIdsCmd", "DeleteProcessDefinitionsByKeyCmd",
      "SuspendProcessDefinitionCmd", "ActivateProcessDefinitionCmd", "UpdateProcessDefinitionHistoryTimeToLiveCmd");

  private static final int MOST_REMEMBERED = 20_000;

  private record Remembered(Object resource, long until) {}

  private final ObjectProvider<IdentityService> identity;
  private final long keepNanos;
  private final Map<Class<?>, PerPerson> caches = Map.of(HalUser.class, new PerPerson(), HalProcessDefinition.class, new PerPerson());
  LongSupplier clock = System::nanoTime;

  public EmbeddedPerPerson(ObjectProvider<IdentityService> identity, @Value("${kvalitet.embedded-cache-seconds:60}") long seconds) {
    this.identity = identity;
    this.keepNanos = Duration.ofSeconds(Math.max(0, seconds)).toNanos();
  }

  /** Registered once the engine runs; Camunda's REST reads its HAL caches from one place per JVM. */
  @EventListener(ContextRefreshedEvent.class)
  public void register() {
    if (keepNanos > 0) {
      caches.forEach(Hal.getInstance()::registerHalRelationCache);
    }
  }

  @PreDestroy
  public void unregister() {
    caches.forEach((type, cache) -> {
      if (Hal.getInstance().getHalRelationCache(type) == cache) {
        Hal.getInstance().registerHalRelationCache(type, null);
      }
      cache.destroy();
    });
  }

  public void forgetAll() {
    caches.values().forEach(PerPerson::destroy);
  }

  /** The cache Camunda's resolver uses for one kind of embedded resource. */
  Cache cacheOf(Class<?> halResource) {
    return caches.get(halResource);
  }

  final class PerPerson implements Cache {
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    @Override
    public void put(String id, Object resource) {
      String key = keyOf(id);
      if (key == null) {
        return;
      }
      long now = clock.getAsLong();
      if (remembered.size() >= MOST_REMEMBERED) {
        remembered.values().removeIf(entry -> now - entry.until() >= 0);
        if (remembered.size() >= MOST_REMEMBERED) {
          remembered.clear();
        }
      }
      remembered.put(key, new Remembered(resource, now + keepNanos));
    }

    @Override
    public Object get(String id) {
      String key = keyOf(id);
      Remembered known = key == null ? null : remembered.get(key);
      return known != null && clock.getAsLong() - known.until() < 0 ? known.resource() : null;
    }

    @Override
    public void destroy() {
      remembered.clear();
    }

    /** The person asking (user, groups, tenants) and the id; null without a person (then nothing is remembered). */
    private String keyOf(String id) {
      IdentityService identities = identity.getIfAvailable();
      Authentication person = identities == null ? null : identities.getCurrentAuthentication();
      if (person == null || person.getUserId() == null || id == null) {
        return null;
      }
      return person.getUserId() + '\n' + person.getGroupIds() + '\n' + person.getTenantIds() + '\n' + id;
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ForgetOnChange.install(configuration, command -> {
      String name = command.getClass().getSimpleName();
      return (CHANGES.contains(name) || LoginCache.IDENTITY_CHANGES.contains(name)) && !newAuthorizationOnAnotherResource(command);
    }, this::forgetAll);
  }

  /**
   * A new authorization on neither users nor process definitions (a person's right to read a process
   * instance, given as a process starts) changes nothing remembered here; anything else, an update
   * of an existing one included, does.
   */
  static boolean newAuthorizationOnAnotherResource(Command<?> command) {
    if (!(command instanceof SaveAuthorizationCmd)) {
      return false;
    }
    try {
      Field field = SaveAuthorizationCmd.class.getDeclaredField("authorization");
      field.setAccessible(true);
      Authorization authorization = (Authorization) field.get(command);
      return authorization != null && authorization.getId() == null
          && authorization.getResourceType() != Resources.USER.resourceType()
          && authorization.getResourceType() != Resources.PROCESS_DEFINITION.resourceType();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
