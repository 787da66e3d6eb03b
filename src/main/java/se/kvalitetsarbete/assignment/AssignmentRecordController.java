package se.kvalitetsarbete.assignment;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.print.PdfDocuments;
import se.kvalitetsarbete.security.Roles;
import se.kvalitetsarbete.security.StaffUser;

/**
 * An assignment's record for printing and the archive. Its conversations concern one unit: read by
 * the unit's rektor, the team members who work there, coordinators and administrators.
 */
@RestController
@RequestMapping("/api/assignment-records")
public class AssignmentRecordController {

  private static final String[] READ_ALL = {Roles.COORDINATORS, Roles.ADMINISTRATORS};

  private final AssignmentRepository repository;
  private final Assignments assignments;
  private final StaffUser staff;
  private final PdfDocuments pdf;
  private final Texts texts;

  public AssignmentRecordController(AssignmentRepository repository, Assignments assignments, StaffUser staff,
      PdfDocuments pdf, Texts texts) {
    this.repository = repository;
    this.assignments = assignments;
    this.staff = staff;
    this.pdf = pdf;
    this.texts = texts;
  }

  public record AssignmentView(Long id, String unit, String term, String status, String statusLabel) {}

  /** The assignments the caller may read, newest first. */
  @GetMapping
  @Transactional(readOnly = true)
  public List<AssignmentView> readable(HttpServletRequest request) {
    boolean all = staff.isInOneOf(request, READ_ALL);
    String user = staff.id(request);
    return repository.findAll().stream()
        .filter(a -> all || takesPart(a, user))
        .sorted(Comparator.comparing(Assignment::getStartedAt).reversed())
        .map(a -> new AssignmentView(a.getId(), a.getDecision().getNeedsDescription().getUnit().getName(),
            a.getDecision().getNeedsDescription().getRound().getTerm().label(), a.getStatus().name(),
            texts.get("print.assignmentStatus." + a.getStatus().name())))
        .toList();
  }

  @GetMapping("/{id}/pdf")
  @Transactional(readOnly = true)
  public ResponseEntity<byte[]> pdf(@PathVariable Long id, HttpServletRequest request) {
    Assignment assignment = repository.findById(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, texts.get("print.assignmentNotFound")));
    if (!staff.isInOneOf(request, READ_ALL) && !takesPart(assignment, staff.id(request))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, texts.get("print.assignmentForbidden"));
    }
    return PdfDocuments.answer("uppdrag-" + id + ".pdf", pdf.record(assignments.record(id)));
  }

  private static boolean takesPart(Assignment assignment, String user) {
    return user != null && (user.equals(assignment.getDecision().getNeedsDescription().getUnit().getRektorUserId())
        || assignment.getDecision().memberIds().contains(user));
  }
}
