package se.kvalitetsarbete.allocation;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.kvalitetsarbete.allocation.NeedsDescription.Status;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.organisation.Toolbox;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;
import se.kvalitetsarbete.security.StaffGroups;
import se.kvalitetsarbete.security.StaffUser;

/**
 * The caller's own units' needs descriptions, once submitted: for the unit's staff (its
 * personal group) and its rektor, so teachers see what was asked for them. Drafts, descriptions
 * not sent and other units' descriptions are never listed; anyone else gets an empty list.
 */
@RestController
@RequestMapping("/api/needs-descriptions")
public class NeedsDescriptionController {

  /** Submitted at least once: under review, sent back for completion (the submitted text stands), or approved. */
  static final Set<Status> SUBMITTED = Set.of(Status.SUBMITTED, Status.REVISION, Status.APPROVED);

  private final NeedsDescriptionRepository descriptions;
  private final UnitRepository units;
  private final StaffGroups staffGroups;
  private final StaffUser staff;
  private final Texts texts;

  public NeedsDescriptionController(NeedsDescriptionRepository descriptions, UnitRepository units, StaffGroups staffGroups,
      StaffUser staff, Texts texts) {
    this.descriptions = descriptions;
    this.units = units;
    this.staffGroups = staffGroups;
    this.staff = staff;
    this.texts = texts;
  }

  public record NeedsDescriptionView(Long id, String unit, String unitCode, String term, String needs, String basis,
      String targetGroup, String wantedSupport, String status, String statusLabel, LocalDateTime submittedAt) {}

  @GetMapping
  @Transactional(readOnly = true)
  public List<NeedsDescriptionView> ownUnits(HttpServletRequest request) {
    String user = staff.id(request);
    Set<Long> unitIds = new HashSet<>();
    staffGroups.unitsOf(user).forEach(u -> unitIds.add(u.getId()));
    units.findByRektorUserIdAndActiveTrueOrderByName(user).forEach(u -> unitIds.add(u.getId()));
    if (unitIds.isEmpty()) {
      return List.of();
    }
    return descriptions.findByUnitIdInAndStatusInOrderBySubmittedAtDescIdDesc(unitIds, SUBMITTED).stream()
        .map(this::view).toList();
  }

  private NeedsDescriptionView view(NeedsDescription d) {
    Unit unit = d.getUnit();
    return new NeedsDescriptionView(d.getId(), unit.getName(), unit.getCode(),
        d.getRound() == null ? null : d.getRound().getTerm().label(), d.getNeeds(), d.getBasis(), d.getTargetGroup(),
        Toolbox.labels(d.getWantedSupport()), d.getStatus().name(), texts.get("needs.status." + d.getStatus().name()),
        d.getSubmittedAt());
  }
}
