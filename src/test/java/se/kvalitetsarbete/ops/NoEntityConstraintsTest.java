package se.kvalitetsarbete.ops;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Hibernate does not check Bean Validation constraints of entities when they are saved
 * ({@code jakarta.persistence.validation.mode: none} in application.yaml, which keeps it out of the
 * start-up). The limits of what may be saved are the columns' and the forms' own checks; a
 * constraint written on an entity would look like a rule and never be checked, so there is none.
 */
class NoEntityConstraintsTest {

  @Test
  void noEntityCarriesABeanValidationConstraintThatHibernateWouldNoLongerCheck() throws Exception {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
    List<String> entities = new ArrayList<>();
    List<String> constrained = new ArrayList<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("se.kvalitetsarbete")) {
      Class<?> entity = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
      entities.add(entity.getSimpleName());
      List<AnnotatedElement> elements = new ArrayList<>(List.of(entity));
      elements.addAll(List.of(entity.getDeclaredFields()));
      elements.addAll(List.of(entity.getDeclaredMethods()));
      for (AnnotatedElement element : elements) {
        for (Annotation annotation : element.getAnnotations()) {
          if (annotation.annotationType().getPackageName().startsWith("jakarta.validation")) {
            constrained.add(entity.getSimpleName() + ": " + element + " @" + annotation.annotationType().getSimpleName());
          }
        }
      }
    }
    assertThat(entities).as("the scan finds the entities").contains("Unit", "RegionalExchange", "NeedsDescription");
    assertThat(constrained).as("Bean Validation constraints on entities (not checked when saved)").isEmpty();
  }
}
