package se.kvalitetsarbete.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Logins with a user name and password (HTTP Basic on /engine-rest and /api): a program sends them
 * with every request, and checking them costs three queries (the password, the groups, the tenants),
 * in a directory an LDAP bind. A successful check is remembered for a short while
 * ({@code kvalitet.login-cache-seconds}, default 60) under a keyed hash of name and password (never
 * the password itself), so repeated requests cost nothing. A failed login is never remembered: each
 * one is checked, and counts towards the user's lock-out, as before. Every change of users, groups,
 * memberships or tenants through this node's engine forgets all remembered logins at once; a change
 * made on another node takes effect there within the same short while.
 */
@Component
public class LoginCache extends AbstractProcessEnginePlugin {

  /** Who logged in: the user and the groups and tenants the engine's authorization checks use. */
  public record Login(String user, List<String> groups, List<String> tenants) {}

  private record Remembered(Login login, long until) {}

  /** The engine's commands that change who someone is or what they belong to. */
  static final Set<String> IDENTITY_CHANGES = Set.of("SaveUserCmd", "CreateUserCmd", "DeleteUserCmd", "UnlockUserCmd",
      "SaveGroupCmd", "CreateGroupCmd", "DeleteGroupCmd", "CreateMembershipCmd", "DeleteMembershipCmd",
      "SaveTenantCmd", "CreateTenantCmd", "DeleteTenantCmd", "CreateTenantUserMembershipCmd", "DeleteTenantUserMembershipCmd",
      "CreateTenantGroupMembershipCmd", "DeleteTenantGroupMembershipCmd");

  private static final int MOST_REMEMBERED = 20_000;

  private final ObjectProvider<IdentityService> identity;
  private final long keepNanos;
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
  private final byte[] key = new byte[32];
  LongSupplier clock = System::nanoTime;

  public LoginCache(ObjectProvider<IdentityService> identity, @Value("${kvalitet.login-cache-seconds:60}") long seconds) {
    this.identity = identity;
    this.keepNanos = Duration.ofSeconds(Math.max(0, seconds)).toNanos();
    new SecureRandom().nextBytes(key);
  }

  /** The login, or null when the name and password do not match (or the user is locked out). */
  public Login check(String user, String password) {
    if (user == null || user.isEmpty() || password == null) {
      return null;
    }
    String id = keyOf(user, password);
    Remembered known = remembered.get(id);
    long now = clock.getAsLong();
    if (known != null && now - known.until() < 0) {
      return known.login();
    }
    Login login = checked(identity.getObject(), user, password);
    if (login == null) {
      remembered.remove(id);
      return null;
    }
    if (keepNanos > 0) {
      if (remembered.size() >= MOST_REMEMBERED) {
        remembered.values().removeIf(entry -> now - entry.until() >= 0);
        if (remembered.size() >= MOST_REMEMBERED) {
          remembered.clear();
        }
      }
      remembered.put(id, new Remembered(login, now + keepNanos));
    }
    return login;
  }

  /** Asked of the users as nobody in particular: a login is not checked with someone else's rights. */
  private static Login checked(IdentityService identities, String user, String password) {
    org.camunda.bpm.engine.impl.identity.Authentication current = identities.getCurrentAuthentication();
    identities.clearAuthentication();
    try {
      if (!identities.checkPassword(user, password)) {
        return null;
      }
      return new Login(user,
          identities.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList(),
          identities.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList());
    } finally {
      if (current != null) {
        identities.setAuthentication(current);
      }
    }
  }

  /** Forgets every remembered login: the next request of everyone is checked against the users again. */
  public void forgetAll() {
    remembered.clear();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ForgetOnChange.install(configuration, command -> IDENTITY_CHANGES.contains(command.getClass().getSimpleName()), this::forgetAll);
  }

  private String keyOf(String user, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(user.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
