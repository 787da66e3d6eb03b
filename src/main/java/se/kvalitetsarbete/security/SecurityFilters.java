package se.kvalitetsarbete.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet filters in front of the engine and our API. /engine-rest requires a login (HTTP Basic
 * against Camunda's users) and then applies the same authorizations as Tasklist; without this,
 * 7.24 Community answers anyone. Then the request guard. Our own API is guarded by Spring Security ({@link WebSecurity}).
 */
@Configuration
public class SecurityFilters {

  static final int AUTHENTICATION_ORDER = 10;

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.setOrder(AUTHENTICATION_ORDER);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<RequestGuard> requestGuard() {
    FilterRegistrationBean<RequestGuard> registration = new FilterRegistrationBean<>(new RequestGuard());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(AUTHENTICATION_ORDER + 1);
    return registration;
  }
}
