package se.kvalitetsarbete.ops;

import java.util.Map;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.cfg.BytecodeSettings;
import org.hibernate.service.spi.ServiceContributor;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Hibernate without ByteBuddy: no proxy subclasses and no generated accessors for the entities.
 * Making them was a third of Hibernate's start-up (about 900 classes), and the entities need
 * neither: no to-one association is lazy and nothing asks for a reference without loading it
 * ({@code NoGeneratedEntityClassesTest}), and Hibernate reads and writes the fields by reflection
 * instead. It is Hibernate's own "none" provider, the one it takes when ByteBuddy is not on the class
 * path; a proxy asked for nonetheless fails with Hibernate's message, never silently.
 *
 * <p>Two doors, one provider: Hibernate's service registry finds this class through
 * {@code META-INF/services/org.hibernate.service.spi.ServiceContributor} (the provider at run time),
 * Spring Boot as a bean (the provider for the class transformer that JPA's bootstrap builds, which
 * would otherwise start ByteBuddy just to stand by).
 */
@Component
public final class NoGeneratedEntityClasses implements ServiceContributor, HibernatePropertiesCustomizer {

  private static BytecodeProvider none() {
    return new org.hibernate.bytecode.internal.none.BytecodeProviderImpl();
  }

  @Override
  public void contribute(StandardServiceRegistryBuilder registry) {
    registry.addService(BytecodeProvider.class, none());
  }

  @Override
  public void customize(Map<String, Object> hibernateProperties) {
    hibernateProperties.put(BytecodeSettings.BYTECODE_PROVIDER_INSTANCE, none());
  }
}
