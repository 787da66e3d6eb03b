package se.kvalitetsarbete.security;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Profile prod refuses to start when it would be unsafe: no administrator password from outside,
 * a known or weak one, demo data switched on, or a database login that is a PostgreSQL superuser. Every response then carries HSTS.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
public class ProductionSafety extends AbstractProcessEnginePlugin {
  // A process engine plugin, so that the engine (which writes its tables at start) waits for these checks.

  static final int MIN_LENGTH = 12;
  private static final List<String> KNOWN_WEAK = List.of("demo", "admin", "password", "lösenord", "losenord", "camunda",
      "changeme", "secret", "qwerty", "123456", "sommar", "vinter", "kvalitet");

  public ProductionSafety(Environment environment, @Value("${kvalitet.admin.user:admin}") String adminUser,
      @Value("${kvalitet.admin.password:}") String adminPassword, DataSource database) {
    if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
      throw new IllegalStateException("Profilen prod får inte köras med demo: demodata hör inte hemma i produktion.");
    }
    String problem = weakness(adminUser, adminPassword);
    if (problem == null) {
      problem = superuser(database);
    }
    if (problem != null) {
      throw new IllegalStateException("Applikationen startar inte i prod: " + problem);
    }
  }

  /** Why the database login is too powerful (a PostgreSQL superuser), or null. */
  static String superuser(DataSource database) {
    try (Connection connection = database.getConnection()) {
      if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
        return null;
      }
      try (Statement statement = connection.createStatement();
           ResultSet role = statement.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
        return role.next() && role.getBoolean(1)
            ? "databasanvändaren " + connection.getMetaData().getUserName() + " är superanvändare. Anslut med applikationens "
                + "egen roll, som bara äger applikationens schema (se README, Produktion)."
            : null;
      }
    } catch (SQLException e) {
      return "databasen svarar inte (" + e.getMessage() + ").";
    }
  }

  /** Why a password is not good enough, or null. */
  static String weakness(String user, String password) {
    if (password == null || password.isBlank()) {
      return "ange administratörens lösenord i miljövariabeln KVALITET_ADMIN_PASSWORD.";
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (password.length() < MIN_LENGTH) {
      return "administratörens lösenord måste ha minst " + MIN_LENGTH + " tecken.";
    }
    if (lower.contains(user.toLowerCase(Locale.ROOT)) || KNOWN_WEAK.stream().anyMatch(lower::contains)) {
      return "administratörens lösenord är för lätt att gissa (innehåller användarnamnet eller ett vanligt ord).";
    }
    int kinds = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
        + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
        + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
        + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
    if (kinds < 4) {
      return "administratörens lösenord måste innehålla små och stora bokstäver, siffror och specialtecken.";
    }
    return null;
  }

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> strictTransportSecurity() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        chain.doFilter(request, response);
      }
    });
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
