package se.kvalitetsarbete.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Our own API (/api/*) is for staff who are logged in: through Tasklist (the webapps' session) or
 * with HTTP Basic, as against /engine-rest. The user id is left in the request attribute
 * {@link #USER_ID} for endpoints that also check a role ({@link StaffUser}).
 */
public class StaffOnly extends OncePerRequestFilter {

  public static final String USER_ID = "kvalitet.userId";

  private final IdentityService identity;

  public StaffOnly(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String userId = webappUser(request.getSession(false));
    if (userId == null) {
      userId = basicLoginUser(request.getHeader("Authorization"));
    }
    if (userId != null) {
      request.setAttribute(USER_ID, userId);
      chain.doFilter(request, response);
      return;
    }
    // No WWW-Authenticate header: a browser would open its own login box instead of our page's message.
    ErrorResponses.send(response, 401, "AuthenticationException", "Du behöver logga in.");
  }

  private static String webappUser(HttpSession session) {
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications == null || authentications.getAuthentications().isEmpty()
        ? null : authentications.getAuthentications().get(0).getIdentityId();
  }

  private String basicLoginUser(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String[] user = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8).split(":", 2);
      return user.length == 2 && identity.checkPassword(user[0], user[1]) ? user[0] : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
