package se.kvalitetsarbete.organisation;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.kvalitetsarbete.security.Roles;
import se.kvalitetsarbete.security.StaffGroups;
import se.kvalitetsarbete.security.StaffUser;

/**
 * A unit's arbetslag: the rektor of the unit and the administration keep them; the unit's staff and
 * those who read all plans see them.
 */
@RestController
@RequestMapping("/api/staff-teams")
public class StaffTeamController {

  private static final String[] KEEP_ALL = {Roles.ADMINISTRATION, Roles.ADMINISTRATORS};
  private static final String[] READ_ALL = {Roles.ADMINISTRATION, Roles.ADMINISTRATORS, Roles.HEADS_OF_SCHOOL_FORMS,
      Roles.COORDINATORS};

  public record TeamInput(Long unitId, String name, List<String> members) {}

  public record TeamView(Long id, Long unitId, String unit, String name, List<String> members) {
    static TeamView of(StaffTeam team) {
      return new TeamView(team.getId(), team.getUnit().getId(), team.getUnit().getName(), team.getName(), team.getMembers());
    }
  }

  private final StaffTeams staffTeams;
  private final StaffTeamRepository teams;
  private final UnitRepository units;
  private final StaffUser staff;

  public StaffTeamController(StaffTeams staffTeams, StaffTeamRepository teams, UnitRepository units, StaffUser staff) {
    this.staffTeams = staffTeams;
    this.teams = teams;
    this.units = units;
    this.staff = staff;
  }

  @GetMapping
  @Transactional(readOnly = true)
  public List<TeamView> list(@RequestParam Long unitId, HttpServletRequest request) {
    Unit unit = units.findById(unitId).orElseThrow(StaffTeamController::notFound);
    String group = StaffGroups.groupOf(unit);
    if (!keeps(unit, request) && !staff.isInOneOf(request, READ_ALL) && (group == null || !staff.isInOneOf(request, group))) {
      throw notFound();
    }
    return teams.findByUnitIdOrderByName(unitId).stream().map(TeamView::of).toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  public TeamView create(@RequestBody TeamInput input, HttpServletRequest request) {
    Unit unit = input.unitId() == null ? null : units.findById(input.unitId()).orElse(null);
    if (unit == null || !keeps(unit, request)) {
      throw forbidden();
    }
    return TeamView.of(staffTeams.create(unit, input.name(), input.members()));
  }

  @PutMapping("/{id}")
  @Transactional
  public TeamView change(@PathVariable Long id, @RequestBody TeamInput input, HttpServletRequest request) {
    StaffTeam team = teams.findById(id).orElseThrow(StaffTeamController::forbidden);
    if (!keeps(team.getUnit(), request)) {
      throw forbidden();
    }
    return TeamView.of(staffTeams.change(team, input.name(), input.members()));
  }

  /** The unit's own rektor, or the administration. */
  private boolean keeps(Unit unit, HttpServletRequest request) {
    String user = staff.id(request);
    return user != null && user.equals(unit.getRektorUserId()) || staff.isInOneOf(request, KEEP_ALL);
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "Finns inte, eller så saknar du behörighet.");
  }

  private static ResponseStatusException forbidden() {
    return new ResponseStatusException(HttpStatus.FORBIDDEN, "Bara enhetens rektor och förvaltningen kan ändra enhetens arbetslag.");
  }
}
