package se.kvalitetsarbete.organisation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.security.StaffGroups;

/** A unit's arbetslag, kept by its rektor or the administration: a name and members from the unit's staff. */
@Service
@Transactional
public class StaffTeams {

  private final StaffTeamRepository teams;
  private final IdentityService identity;
  private final Texts texts;

  public StaffTeams(StaffTeamRepository teams, IdentityService identity, Texts texts) {
    this.teams = teams;
    this.identity = identity;
    this.texts = texts;
  }

  public StaffTeam create(Unit unit, String name, List<String> members) {
    String checkedName = checked(unit, null, name, members);
    return teams.save(new StaffTeam(unit, checkedName, distinct(members)));
  }

  public StaffTeam change(StaffTeam team, String name, List<String> members) {
    team.change(checked(team.getUnit(), team, name, members), distinct(members));
    return team;
  }

  /** The unit's arbetslag that have members: those that self-assess. */
  @Transactional(readOnly = true)
  public List<StaffTeam> assessingTeamsOf(Long unitId) {
    return teams.findByUnitIdOrderByName(unitId).stream().filter(t -> !t.getMembers().isEmpty()).toList();
  }

  @Transactional(readOnly = true)
  public List<String> members(Long staffTeamId) {
    return teams.findById(staffTeamId).map(StaffTeam::getMembers).orElse(List.of());
  }

  @Transactional(readOnly = true)
  public String name(Long staffTeamId) {
    return teams.findById(staffTeamId).map(StaffTeam::getName).orElse(null);
  }

  private String checked(Unit unit, StaffTeam existing, String name, List<String> members) {
    List<String> problems = new ArrayList<>();
    String trimmed = name == null ? "" : name.trim();
    if (trimmed.isEmpty() || trimmed.length() > 200) {
      problems.add(texts.get("arbetslag.badName"));
    } else if ((existing == null || !existing.getName().equals(trimmed)) && teams.existsByUnitIdAndName(unit.getId(), trimmed)) {
      problems.add(texts.get("arbetslag.nameTaken", trimmed));
    }
    String group = StaffGroups.groupOf(unit);
    for (String member : distinct(members)) {
      if (group == null || identity.createUserQuery().userId(member).memberOfGroup(group).count() == 0) {
        problems.add(texts.get("arbetslag.notStaff", member, unit.getName()));
      }
    }
    if (!problems.isEmpty()) {
      throw texts.invalid("error.form", String.join(" ", problems));
    }
    return trimmed;
  }

  private static Set<String> distinct(List<String> members) {
    Set<String> set = new LinkedHashSet<>();
    if (members != null) {
      members.stream().filter(m -> m != null && !m.isBlank()).map(String::trim).forEach(set::add);
    }
    return set;
  }
}
