package se.kvalitetsarbete.security;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet filters in front of the engine and our API. /engine-rest requires a login (HTTP Basic
 * against Camunda's users) and then applies the same authorizations as Tasklist; without this,
 * 7.24 Community answers anyone; the login is checked through the {@link LoginCache}. Then the request guard. Our own API is guarded by Spring Security ({@link WebSecurity}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityFilters {

  static final int AUTHENTICATION_ORDER = 10;

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(LoginCache logins) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new BasicLoginFilter(logins));
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(AUTHENTICATION_ORDER);
    return registration;
  }

  /** Camunda's filter, with HTTP Basic checked through the login cache, which also gives the groups and tenants. */
  static final class BasicLoginFilter extends ProcessEngineAuthenticationFilter {
    BasicLoginFilter(LoginCache logins) {
      authenticationProvider = new BasicLogin(logins);
    }

    @Override
    public void init(FilterConfig filterConfig) {
      servletPathPrefix = filterConfig.getInitParameter(SERVLET_PATH_PREFIX);
    }
  }

  record BasicLogin(LoginCache logins) implements AuthenticationProvider {
    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      String header = request.getHeader("Authorization");
      if (header == null || !header.startsWith("Basic ")) {
        return AuthenticationResult.unsuccessful();
      }
      String credentials;
      try {
        credentials = new String(Base64.getMimeDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return AuthenticationResult.unsuccessful();
      }
      int colon = credentials.indexOf(':');
      if (colon < 0) {
        return AuthenticationResult.unsuccessful();
      }
      String user = credentials.substring(0, colon);
      LoginCache.Login login = logins.check(user, credentials.substring(colon + 1));
      if (login == null) {
        return AuthenticationResult.unsuccessful(user);
      }
      AuthenticationResult result = AuthenticationResult.successful(login.user());
      result.setGroups(login.groups());
      result.setTenants(login.tenants());
      return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"" + engine.getName() + "\"");
    }
  }

  @Bean
  public FilterRegistrationBean<RequestGuard> requestGuard() {
    FilterRegistrationBean<RequestGuard> registration = new FilterRegistrationBean<>(new RequestGuard());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(AUTHENTICATION_ORDER + 1);
    return registration;
  }
}
