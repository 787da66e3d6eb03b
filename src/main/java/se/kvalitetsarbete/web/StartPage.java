package se.kvalitetsarbete.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The application's root address opens Tasklist, where staff do their work (Tasklist asks for the
 * login). Camunda's own redirect, to its welcome page, is switched off
 * ({@code camunda.bpm.webapp.index-redirect-enabled: false}); the welcome page stays reachable from
 * Tasklist's header menu.
 */
@Configuration(proxyBeanMethods = false)
public class StartPage implements WebMvcConfigurer {

  static final String TASKLIST = "/camunda/app/tasklist/";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/", TASKLIST);
  }
}
