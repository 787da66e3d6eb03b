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

  public StaffGroups(IdentityService identity, UnitRepository units) {
    this.identity = identity;
    this.units = units;
  }

  /**
   * Which groups exist is asked for {@value #GROUPS_PER_QUERY} units at a time, not one query per
   * unit: a restart on a country's 15,600 units asked 15,600 times for groups that were all there.
   */
  @EventListener
  @Order(5)
  public void onPostDeploy(PostDeployEvent event) {
    List<Unit> all = units.findAll();
    for (int from = 0; from < all.size(); from += GROUPS_PER_QUERY) {
      List<Unit> some = all.subList(from, Math.min(all.size(), from + GROUPS_PER_QUERY));
      Set<String> ids = new HashSet<>();
      some.forEach(unit -> ids.add(groupOf(unit)));
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
    return ensureFor(unit, Set.of());
  }

  private String ensureFor(Unit unit, Set<String> known) {
    String id = groupOf(unit);
    if (id == null) {
      LOG.warn("Enheten {} (id {}) saknar skolenhetskod och får ingen personalgrupp", unit.getName(), unit.getId());
      return null;
    }
    // From a directory (read-only) the group is the one mapped to this id in kvalitet.ldap.group-map.
    if (!identity.isReadOnly() && !known.contains(id) && identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName("Personal – " + unit.getName());
      group.setType(Groups.GROUP_TYPE_WORKFLOW);
      identity.saveGroup(group);
    }
    return id;
  }

  /** The staff group of a unit, or null when its code gives none. */
  public static String groupOf(Unit unit) {
    String id = unit.getCode() == null ? null : Roles.staffOf(unit.getCode());
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
