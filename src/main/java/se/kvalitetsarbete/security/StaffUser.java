package se.kvalitetsarbete.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Who is calling our API (logged in by {@link WebSecurity}), and whether they hold one of some roles. */
@Component
public class StaffUser {

  private final IdentityService identity;

  public StaffUser(IdentityService identity) {
    this.identity = identity;
  }

  /** The user logged in by Spring Security ({@link WebSecurity}): Tasklist session or HTTP Basic. */
  public String id(HttpServletRequest request) {
    Authentication login = SecurityContextHolder.getContext().getAuthentication();
    return login == null || !login.isAuthenticated() || login instanceof AnonymousAuthenticationToken ? null : login.getName();
  }

  public boolean isInOneOf(HttpServletRequest request, String... groups) {
    String userId = id(request);
    return userId != null && Arrays.stream(groups)
        .anyMatch(group -> identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0);
  }

  /** Refuses with 403 and a Swedish reason unless the caller is in one of the groups. */
  public String requireOneOf(HttpServletRequest request, String... groups) {
    String userId = id(request);
    if (!isInOneOf(request, groups)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Du saknar behörighet för detta.");
    }
    return userId;
  }
}
