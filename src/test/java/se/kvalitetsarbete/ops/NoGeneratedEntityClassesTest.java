package se.kvalitetsarbete.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.HibernateException;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.engine.FetchTiming;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import se.kvalitetsarbete.organisation.Unit;

/**
 * Hibernate runs without ByteBuddy ({@link NoGeneratedEntityClasses}): it makes no proxy classes,
 * so no to-one association may be lazy, since loading one would have to make a proxy. A reference
 * without loading fails with Hibernate's own message rather than half-working.
 */
// One process engine per JVM is registered by name: each class closes its own.
@DirtiesContext
@SpringBootTest
@ActiveProfiles("test")
class NoGeneratedEntityClassesTest {

  @Autowired
  EntityManagerFactory entityManagerFactory;

  @Test
  void hibernateRunsWithItsProviderForNoGeneratedClassesAndNoAssociationNeedsAProxy() {
    SessionFactoryImplementor hibernate = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
    assertThat(hibernate.getServiceRegistry().getService(BytecodeProvider.class))
        .isInstanceOf(org.hibernate.bytecode.internal.none.BytecodeProviderImpl.class);

    List<String> entities = new ArrayList<>();
    List<String> lazyToOne = new ArrayList<>();
    hibernate.getMappingMetamodel().forEachEntityDescriptor(entity -> {
      entities.add(entity.getMappedClass().getSimpleName());
      entity.forEachAttributeMapping(attribute -> {
        if (attribute instanceof ToOneAttributeMapping toOne && toOne.getMappedFetchOptions().getTiming() == FetchTiming.DELAYED) {
          lazyToOne.add(entity.getMappedClass().getSimpleName() + "." + attribute.getAttributeName());
        }
      });
    });
    assertThat(entities).as("the entities Hibernate knows").contains("Unit", "IndicatorValue", "SelfAssessment");
    assertThat(lazyToOne).as("lazy to-one associations (each would need a proxy class)").isEmpty();
  }

  @Test
  void aReferenceWithoutLoadingIsRefusedClearly() {
    EntityManager entityManager = entityManagerFactory.createEntityManager();
    try {
      assertThatThrownBy(() -> entityManager.getReference(Unit.class, Long.MAX_VALUE))
          .isInstanceOf(HibernateException.class)
          .hasMessageContaining("BytecodeProvider is 'none'");
    } finally {
      entityManager.close();
    }
  }
}
