package se.kvalitetsarbete.allocation;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.security.Roles;
import se.kvalitetsarbete.security.StaffUser;

/**
 * The rektorsmöte's pack: every reviewed needs description of a round in full, in the order of the
 * criteria, for every rektor and coordinator to read (and print) before the meeting. Nobody else.
 */
@RestController
@RequestMapping("/api/allocation-rounds")
public class MeetingPackController {

  private final AllocationRoundRepository rounds;
  private final AllocationMeeting meeting;
  private final NeedsDescriptions needsDescriptions;
  private final StaffUser staff;
  private final Texts texts;

  public MeetingPackController(AllocationRoundRepository rounds, AllocationMeeting meeting, NeedsDescriptions needsDescriptions,
      StaffUser staff, Texts texts) {
    this.rounds = rounds;
    this.meeting = meeting;
    this.needsDescriptions = needsDescriptions;
    this.staff = staff;
    this.texts = texts;
  }

  public record RoundView(Long id, String term, String status, LocalDateTime deadline, LocalDate meetingDate) {}

  public record PackEntry(Long id, String unit, String schoolForm, Integer priorityPoints, String priorityReason, String description) {}

  public record MeetingPack(RoundView round, List<String> attendees, List<PackEntry> descriptions) {}

  @GetMapping
  @Transactional(readOnly = true)
  public List<RoundView> rounds(HttpServletRequest request) {
    allowed(request);
    return rounds.findAll().stream()
        .sorted(java.util.Comparator.comparing(AllocationRound::getOpenedAt).reversed())
        .map(MeetingPackController::view).toList();
  }

  @GetMapping("/{id}/meeting-pack")
  @Transactional(readOnly = true)
  public MeetingPack pack(@PathVariable long id, HttpServletRequest request) {
    allowed(request);
    AllocationRound round = rounds.findById(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, texts.get("pack.unknownRound")));
    List<PackEntry> entries = meeting.agenda(id).stream()
        .map(d -> new PackEntry(d.getId(), d.getUnit().getName(), d.getUnit().getSchoolForm().label(), d.getPriorityPoints(),
            d.getPriorityReason(), needsDescriptions.summary(d.getId())))
        .toList();
    return new MeetingPack(view(round), round.meetingAttendeeIds(), entries);
  }

  private void allowed(HttpServletRequest request) {
    if (!staff.isInOneOf(request, Roles.REKTORER, Roles.COORDINATORS, Roles.ADMINISTRATORS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, texts.get("pack.notAllowed"));
    }
  }

  private static RoundView view(AllocationRound r) {
    return new RoundView(r.getId(), r.getTerm().label(), r.getStatus().name(), r.getDeadline(), r.getMeetingDate());
  }
}
