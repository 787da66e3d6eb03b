package se.kvalitetsarbete.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import se.kvalitetsarbete.common.Failures;

/**
 * While the database does not answer, every API request (the login check included, which runs
 * before the REST API's own error handling) fails within the pool's connection timeout with 503
 * and "Databasen svarar inte just nu, försök igen om en stund." instead of hanging or a 500.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseOutage {

  @Bean
  public FilterRegistrationBean<Answer> databaseOutageAnswer(Failures failures) {
    FilterRegistrationBean<Answer> registration = new FilterRegistrationBean<>(new Answer(failures));
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  public static class Answer extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Failures failures;

    Answer(Failures failures) {
      this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      try {
        chain.doFilter(request, response);
      } catch (ServletException | IOException | RuntimeException e) {
        Failures.Answer answer = failures.known(e);
        if (answer == null || answer.status() != 503 || response.isCommitted()) {
          throw e;
        }
        response.resetBuffer();
        response.setStatus(503);
        response.setHeader("Retry-After", "30");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), Map.of("type", answer.type(), "message", answer.message()));
      }
    }
  }
}
