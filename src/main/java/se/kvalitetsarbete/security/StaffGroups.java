package se.kvalitetsarbete.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;

/**
 * One staff group per unit ({@link Roles#staffOf}, "Personal – Tornets förskola"): its members are
 * the unit's teachers and other staff, who read the unit's submitted needs descriptions. Made at
 * every start for every unit the application knows (idempotent; after the demo data, under the
 * start-up lock), and by whoever creates a unit ({@link #ensureFor}). The rights all staff share
 * are given to {@link Roles#STAFF} by {@link AccessSetup}; a person is in both groups.
 */
@Component
public class StaffGroups {

  static final int GROUPS_PER_QUERY = 500;

  private static final Logger LOG = LoggerFactory.getLogger(StaffGroups.class);

  private final IdentityService identity;
  private final UnitRepository units;
  private final JdbcClient database;

  public StaffGroups(IdentityService identity, UnitRepository units, JdbcClient database) {
    this.identity = identity;
    this.units = units;
    this.database = database;
  }

  /** What the check at start needs of a unit: read with one SQL query, see {@link #onPostDeploy}. */
  record UnitName(Long id, String code, String name) {}

  /**
   * Which groups exist is asked for {@value #GROUPS_PER_QUERY} units at a time, not one query per
   * unit: a restart on a country's 15,600 units asked 15,600 times for groups that were all there.
   * The units' codes and names are read with plain SQL: through {@link UnitRepository} the start
   * also made Spring Data's repository and Hibernate's query engine ready, about 3 % of the
   * start-up's main thread and 800 classes (docs/benchmarks.md); the first request that needs them
   * does that now.
   */
  @EventListener
  @Order(5)
  public void onPostDeploy(PostDeployEvent event) {
    List<UnitName> all = database.sql("select id, code, name from unit order by id").query(UnitName.class).list();
    for (int from = 0; from < all.size(); from += GROUPS_PER_QUERY) {
      List<UnitName> some = all.subList(from, Math.min(all.size(), from + GROUPS_PER_QUERY));
      Set<String> ids = new HashSet<>();
      some.forEach(unit -> ids.add(groupOf(unit.code())));
      ids.remove(null);
      Set<String> existing = new HashSet<>();
      if (!identity.isReadOnly() && !ids.isEmpty()) {
        identity.createGroupQuery().groupIdIn(ids.toArray(String[]::new)).list().forEach(group -> existing.add(group.getId()));
      }
      some.forEach(unit -> ensureFor(unit, existing));
    }
  }

  /** The unit's staff group, created if missing, or null when the unit has no usable code. */
  public String ensureFor(Unit unit) {
    return ensureFor(new UnitName(unit.getId(), unit.getCode(), unit.getName()), Set.of());
  }

  private String ensureFor(UnitName unit, Set<String> known) {
    String id = groupOf(unit.code());
    if (id == null) {
      LOG.warn("Enheten {} (id {}) saknar skolenhetskod och får ingen personalgrupp", unit.name(), unit.id());
      return null;
    }
    // From a directory (read-only) the group is the one mapped to this id in kvalitet.ldap.group-map.
    if (!identity.isReadOnly() && !known.contains(id) && identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName("Personal – " + unit.name());
      group.setType(Groups.GROUP_TYPE_WORKFLOW);
      identity.saveGroup(group);
    }
    return id;
  }

  /** The staff group of a unit, or null when its code gives none. */
  public static String groupOf(Unit unit) {
    return groupOf(unit.getCode());
  }

  private static String groupOf(String unitCode) {
    String id = unitCode == null ? null : Roles.staffOf(unitCode);
    return id == null || id.equals(Roles.STAFF) ? null : id;
  }

  /**
   * The unit's staff, user id → name, by name: those a unit may name in its records (the teachers
   * who take part in an assignment, who carries the work on).
   */
  public java.util.Map<String, String> staffOf(Unit unit) {
    java.util.Map<String, String> staff = new java.util.LinkedHashMap<>();
    membersOf(unit).forEach(user -> staff.put(user.getId(), (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).trim()));
    return staff;
  }

  /** The members of the unit's staff group, by name; read on the process's behalf. */
  public List<org.camunda.bpm.engine.identity.User> membersOf(Unit unit) {
    String group = groupOf(unit);
    return group == null ? List.of() : AsProcess.call(() -> identity.createUserQuery().memberOfGroup(group)
        .orderByUserLastName().asc().orderByUserFirstName().asc().list());
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The units whose staff group the user is in. */
  public List<Unit> unitsOf(String userId) {
    java.util.Set<String> groups = new java.util.HashSet<>();
    identity.createGroupQuery().groupMember(userId).list().forEach(g -> groups.add(g.getId()));
    return units.findAll().stream().filter(u -> groups.contains(groupOf(u))).toList();
  }
}
