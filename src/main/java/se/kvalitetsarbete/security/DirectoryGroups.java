package se.kvalitetsarbete.security;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.naming.directory.SearchResult;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;

/**
 * The directory's group names as our group ids, both ways: a directory group mapped in
 * {@code kvalitet.ldap.group-map} (e.g. {@code Kvalitet-Rektorer → rektorer}) is that role
 * everywhere in the engine (memberships, authorizations, candidate groups, Tasklist's filters); an
 * unmapped group keeps its own name. Names compare without regard to case, as directories do; one
 * directory group per id.
 */
public class DirectoryGroups {

  private final Map<String, String> ours = new HashMap<>();
  private final Map<String, String> theirs = new HashMap<>();

  public DirectoryGroups(Map<String, String> directoryToOurs) {
    directoryToOurs.forEach((directory, our) -> {
      String previous = theirs.put(key(our), directory);
      if (previous != null) {
        throw new IllegalStateException("kvalitet.ldap.group-map: både " + previous + " och " + directory + " pekar på gruppen " + our
            + "; en grupp i katalogen per grupp i systemet.");
      }
      ours.put(key(directory), our.trim());
    });
  }

  /**
   * Our id of a directory group. An unmapped group keeps its name, unless that name is one of the
   * groups mapped from elsewhere (a directory list called "camunda-admin" does not make its members
   * administrators when another group is mapped to that): then it is marked as the directory's own.
   */
  public String toOurs(String directoryGroup) {
    if (directoryGroup == null) {
      return null;
    }
    String mapped = ours.get(key(directoryGroup));
    if (mapped != null) {
      return mapped;
    }
    return theirs.containsKey(key(directoryGroup)) ? UNMAPPED_PREFIX + directoryGroup : directoryGroup;
  }

  /** How a directory group is named whose own name is one of our mapped group ids. */
  static final String UNMAPPED_PREFIX = "katalog:";

  /** The directory group that is our group id. */
  public String toDirectory(String ourGroup) {
    return ourGroup == null ? null : theirs.getOrDefault(key(ourGroup), ourGroup);
  }

  private static String key(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }

  /** Camunda's LDAP session, with group ids translated on the way in (queries) and out (results). */
  static class Session extends LdapIdentityProviderSession {

    private final DirectoryGroups groups;

    Session(LdapConfiguration configuration, DirectoryGroups groups) {
      super(configuration);
      this.groups = groups;
    }

    @Override
    protected GroupEntity transformGroup(SearchResult result) {
      GroupEntity group = super.transformGroup(result);
      group.setId(groups.toOurs(group.getId()));
      return group;
    }

    @Override
    protected String getGroupSearchFilter(LdapGroupQuery query) {
      String id = query.getId();
      String[] ids = query.getIds();
      try {
        if (id != null) {
          query.groupId(escape(groups.toDirectory(id)));
        }
        if (ids != null && ids.length > 0) {
          String[] directory = new String[ids.length];
          for (int i = 0; i < ids.length; i++) {
            directory[i] = escape(groups.toDirectory(ids[i]));
          }
          query.groupIdIn(directory);
        }
        return super.getGroupSearchFilter(query);
      } finally {
        if (id != null) {
          query.groupId(id);
        }
        if (ids != null && ids.length > 0) {
          query.groupIdIn(ids);
        }
      }
    }

    /** The plugin puts group ids into its filter as they are; a name from our side must not change the filter. */
    private String escape(String value) {
      return escapeLDAPSearchFilter(value);
    }
  }
}
