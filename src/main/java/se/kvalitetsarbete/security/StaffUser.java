package se.kvalitetsarbete.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Who is calling our API (set by {@link StaffOnly}), and whether they hold one of some roles. */
@Component
public class StaffUser {

  private final IdentityService identity;

  public StaffUser(IdentityService identity) {
    this.identity = identity;
  }

  public String id(HttpServletRequest request) {
    return (String) request.getAttribute(StaffOnly.USER_ID);
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
