package se.kvalitetsarbete.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security for what is ours (the API under /api, the decisions page and other pages):
 * logins against Camunda's users, either the Tasklist session or HTTP Basic; CSRF tokens for
 * state-changing calls made with the session cookie; CSP with {@code frame-ancestors 'none'},
 * nosniff and a referrer policy on every page and answer. Camunda's webapps and /engine-rest keep
 * their own login, CSRF and headers (see {@link SecurityFilters}).
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurity {

  static final String CSRF_COOKIE = "KVALITET-XSRF-TOKEN";
  static final String CSRF_HEADER = "X-KVALITET-XSRF-TOKEN";
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
      + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** Camunda's webapps and REST API: their own filters guard them. */
  @Bean
  @Order(1)
  SecurityFilterChain camunda(HttpSecurity http) throws Exception {
    return http.securityMatcher(WebSecurity::isCamunda)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .headers(headers -> headers.defaultsDisabled().contentTypeOptions(option -> { }))
        .requestCache(AbstractHttpConfigurer::disable)
        .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain application(HttpSecurity http) throws Exception {
    CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
    tokens.setCookieName(CSRF_COOKIE);
    tokens.setHeaderName(CSRF_HEADER);
    tokens.setCookieCustomizer(cookie -> cookie.path("/").sameSite("Strict"));
    return http
        .authorizeHttpRequests(requests -> requests.requestMatchers("/api/**").authenticated().anyRequest().permitAll())
        .addFilterBefore(new TasklistSession(), BasicAuthenticationFilter.class)
        .httpBasic(basic -> basic.authenticationEntryPoint(WebSecurity::needsLogin))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(WebSecurity::needsLogin)
            .accessDeniedHandler((request, response, denied) -> ErrorResponses.send(response, 403, "AuthorizationException",
                "Förfrågan saknar en giltig CSRF-token (" + CSRF_HEADER + ") eller behörighet.")))
        .csrf(csrf -> csrf.csrfTokenRepository(tokens).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
            .requireCsrfProtectionMatcher(sessionCookieWrites()))
        .addFilterAfter(new HandOutCsrfToken(), CsrfFilter.class)
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .frameOptions(frame -> frame.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .build();
  }

  /** Addresses Spring Security's firewall refuses (path parameters, encoded slashes, …): 400 with a Swedish reason. */
  @Bean
  RequestRejectedHandler refusedAddresses() {
    return (request, response, rejected) -> ErrorResponses.send(response, 400, "InvalidRequestException",
        "Adressen innehåller tecken som inte är tillåtna (till exempel ; eller kodade snedstreck).");
  }

  /** Logins with Camunda's own users and passwords (HTTP Basic), checked through the {@link LoginCache}. */
  @Bean
  AuthenticationProvider camundaUsers(LoginCache logins) {
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication login) {
        LoginCache.Login known = logins.check(login.getName(), login.getCredentials() == null ? "" : login.getCredentials().toString());
        if (known == null) {
          throw new BadCredentialsException("Fel användarnamn eller lösenord.");
        }
        // Groups as roles: the actuator shows health details to ROLE_camunda-admin (management.endpoint.health.roles).
        List<SimpleGrantedAuthority> roles = known.groups().stream().map(group -> new SimpleGrantedAuthority("ROLE_" + group)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(known.user(), null, roles);
      }

      @Override
      public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
      }
    };
  }

  private static boolean isCamunda(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/camunda/") || path.startsWith("/engine-rest/");
  }

  /** Writes that ride on the browser's session login need the token; programs that log in with Basic do not. */
  private static RequestMatcher sessionCookieWrites() {
    return request -> !List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod())
        && !isBasicLogin(request) && TasklistSession.webappUser(request.getSession(false)) != null;
  }

  private static boolean isBasicLogin(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
  }

  /** No WWW-Authenticate header: a browser would open its own login box instead of our page's message. */
  private static void needsLogin(HttpServletRequest request, HttpServletResponse response, Exception reason) throws IOException {
    ErrorResponses.send(response, 401, "AuthenticationException", "Du behöver logga in.");
  }

  /** Every answer to a logged-in browser carries the token cookie, which our pages send back in {@value #CSRF_HEADER}. */
  static final class HandOutCsrfToken extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token && TasklistSession.webappUser(request.getSession(false)) != null) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
  }

  /** Who is logged in to Tasklist, Cockpit or Admin in this browser session counts as logged in here too. */
  static final class TasklistSession extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String user = request.getHeader("Authorization") == null ? webappUser(request.getSession(false)) : null;
      if (user != null && SecurityContextHolder.getContext().getAuthentication() == null) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
      }
      chain.doFilter(request, response);
    }

    static String webappUser(HttpSession session) {
      if (session == null) {
        return null;
      }
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      return authentications == null || authentications.getAuthentications().isEmpty()
          ? null : authentications.getAuthentications().get(0).getIdentityId();
    }
  }
}
