package se.kvalitetsarbete.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * /actuator/health is open to probes and load balancers (UP/DOWN/OUT_OF_SERVICE only, no
 * details). An administrator (HTTP Basic, member of camunda-admin) also sees the details: the
 * database, the process engine, the job executor. Only health is exposed (application.yaml).
 */
@Configuration
public class OperatorHealth {

  @Bean
  public FilterRegistrationBean<AdministratorRole> actuatorAdministrator(IdentityService identity) {
    FilterRegistrationBean<AdministratorRole> registration = new FilterRegistrationBean<>(new AdministratorRole(identity));
    registration.addUrlPatterns("/actuator/*");
    return registration;
  }

  /** Lets Spring Boot's "when-authorized" see an administrator who logged in with HTTP Basic. */
  public static class AdministratorRole extends OncePerRequestFilter {

    private final IdentityService identity;

    AdministratorRole(IdentityService identity) {
      this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String administrator = administrator(request.getHeader("Authorization"));
      if (administrator == null) {
        chain.doFilter(request, response);
        return;
      }
      chain.doFilter(new HttpServletRequestWrapper(request) {
        @Override
        public Principal getUserPrincipal() {
          return () -> administrator;
        }

        @Override
        public String getRemoteUser() {
          return administrator;
        }

        @Override
        public boolean isUserInRole(String role) {
          return Groups.CAMUNDA_ADMIN.equals(role);
        }
      }, response);
    }

    private String administrator(String header) {
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return null;
      }
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
          return null;
        }
        String userId = decoded.substring(0, colon);
        boolean valid = identity.checkPassword(userId, decoded.substring(colon + 1));
        return valid && identity.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0 ? userId : null;
      } catch (RuntimeException e) {
        // a bad header or a database that does not answer: no details, the probe still gets its status
        return null;
      }
    }
  }
}
