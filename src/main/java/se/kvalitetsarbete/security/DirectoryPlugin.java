package se.kvalitetsarbete.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Users and groups from the municipality's directory (LDAP / Active Directory) instead of Camunda's
 * own tables, through Camunda's LDAP identity plugin: on with {@code kvalitet.ldap.enabled=true}
 * (profile {@code ldap}), configured under {@code kvalitet.ldap.*} (README, "The directory"). The
 * directory's groups take our role ids by {@code kvalitet.ldap.group-map} ({@link DirectoryGroups}).
 * Identity is then read-only; rights stay in Camunda's authorization tables ({@link AccessSetup}).
 */
public class DirectoryPlugin extends LdapIdentityProviderPlugin {

  private Map<String, String> groupMap = new LinkedHashMap<>();

  /** Directory group (its id attribute, e.g. cn) → our group id ({@link Roles}, {@link StaffGroups}). */
  public Map<String, String> getGroupMap() {
    return groupMap;
  }

  public void setGroupMap(Map<String, String> groupMap) {
    this.groupMap = groupMap;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    super.preInit(configuration);
    DirectoryGroups groups = new DirectoryGroups(groupMap);
    LdapIdentityProviderFactory mapped = new LdapIdentityProviderFactory() {
      @Override
      public Session openSession() {
        return new DirectoryGroups.Session(ldapConfiguration, groups);
      }
    };
    mapped.setLdapConfiguration(this);
    configuration.setIdentityProviderSessionFactory(mapped);
  }

  @Configuration
  @ConditionalOnProperty(prefix = "kvalitet.ldap", name = "enabled", havingValue = "true")
  static class Setup {

    @Bean
    @ConfigurationProperties(prefix = "kvalitet.ldap")
    DirectoryPlugin directoryPlugin() {
      return new DirectoryPlugin();
    }
  }
}
