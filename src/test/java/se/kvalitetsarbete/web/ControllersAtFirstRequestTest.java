package se.kvalitetsarbete.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.PostConstruct;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.ClassUtils;

/**
 * The controllers wait for their first request ({@link ControllersAtFirstRequest}); since a bean
 * that is not made at start never has its timers or start-up methods run, no controller has any.
 */
// One process engine per JVM is registered by name: each class closes its own.
@DirtiesContext
@SpringBootTest
@ActiveProfiles("test")
class ControllersAtFirstRequestTest {

  @Autowired
  ConfigurableListableBeanFactory beanFactory;

  @Test
  void everyControllerOfOursWaitsForItsFirstRequestAndHoldsNothingThatMustRunAtStart() {
    List<String> controllers = new ArrayList<>();
    List<String> madeAtStart = new ArrayList<>();
    List<String> mustRun = new ArrayList<>();
    for (String name : beanFactory.getBeanNamesForAnnotation(Controller.class)) {
      Class<?> type = ClassUtils.getUserClass(beanFactory.getType(name));
      if (!type.getName().startsWith(ControllersAtFirstRequest.OURS)) {
        continue;
      }
      controllers.add(type.getSimpleName());
      if (!beanFactory.getBeanDefinition(name).isLazyInit()) {
        madeAtStart.add(type.getSimpleName());
      }
      for (Method method : type.getDeclaredMethods()) {
        if (AnnotatedElementUtils.hasAnnotation(method, Scheduled.class) || AnnotatedElementUtils.hasAnnotation(method, EventListener.class)
            || method.isAnnotationPresent(PostConstruct.class)) {
          mustRun.add(type.getSimpleName() + "." + method.getName());
        }
      }
    }
    assertThat(controllers).as("our controllers").contains("NeedsDescriptionController", "CalendarController", "IndicatorController");
    assertThat(madeAtStart).as("controllers made at start").isEmpty();
    assertThat(mustRun).as("timers, listeners or start-up methods on controllers (would never run)").isEmpty();
  }
}
