package se.kvalitetsarbete.web;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;

/**
 * The application's controllers are made when their first request comes, not at start. Spring MVC
 * maps their addresses from their classes and resolves the bean only when a request is handled, so
 * nothing is lost: the services behind them, their timers and listeners are still made at start. It
 * takes them (and their transaction proxies) off the start-up's path (docs/benchmarks.md); the first
 * request to each pays a few milliseconds. Controllers must therefore hold no timers or listeners of
 * their own ({@code ControllersAtFirstRequestTest}).
 */
@Component
public class ControllersAtFirstRequest implements BeanFactoryPostProcessor {

  static final String OURS = "se.kvalitetsarbete.";

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    for (String name : beanFactory.getBeanDefinitionNames()) {
      BeanDefinition definition = beanFactory.getBeanDefinition(name);
      if (definition instanceof AnnotatedBeanDefinition annotated
          && annotated.getMetadata().getClassName().startsWith(OURS)
          && annotated.getMetadata().isAnnotated(Controller.class.getName())) {
        definition.setLazyInit(true);
      }
    }
  }
}
