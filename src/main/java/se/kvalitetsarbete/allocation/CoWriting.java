package se.kvalitetsarbete.allocation;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import se.kvalitetsarbete.common.Dates;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.security.AsProcess;
import se.kvalitetsarbete.security.StaffGroups;

/**
 * Teachers who write a needs description with their rektor: the rektor names them among the unit's
 * staff; while the description is being written they read the draft and comment on it. Nobody
 * else does: not the staff of the unit who were not named, not another unit's rektor.
 */
@Service
@Transactional
public class CoWriting {

  /** The longest comment (the column's length). */
  static final int MAX_COMMENT = 2000;

  private final NeedsDescriptionRepository descriptions;
  private final NeedsCommentRepository comments;
  private final StaffGroups staffGroups;
  private final Texts texts;
  private final Clock clock;

  public CoWriting(NeedsDescriptionRepository descriptions, NeedsCommentRepository comments, StaffGroups staffGroups,
      Texts texts, Clock clock) {
    this.descriptions = descriptions;
    this.comments = comments;
    this.staffGroups = staffGroups;
    this.texts = texts;
    this.clock = clock;
  }

  /** The unit's staff as the form's options: name and user id. */
  @Transactional(readOnly = true)
  public List<Map<String, String>> staffOptions(Unit unit) {
    return staff(unit).stream()
        .map(u -> Map.of("label", name(u), "value", u.getId()))
        .toList();
  }

  /** The named co-writers who are not staff of the unit (the form's options are only the browser's). */
  public List<String> notStaffOf(Unit unit, List<String> userIds) {
    Set<String> staff = staff(unit).stream().map(User::getId).collect(Collectors.toSet());
    return userIds.stream().filter(id -> !staff.contains(id)).toList();
  }

  /** The co-writers' comments, oldest first, as the rektor reads them in the form; empty when none. */
  @Transactional(readOnly = true)
  public String commentsText(Long descriptionId) {
    return comments.findByNeedsDescriptionIdOrderByWrittenAtAscIdAsc(descriptionId).stream()
        .map(c -> texts.get("cowriting.comment", Dates.show(c.getWrittenAt()), c.getAuthorUserId(), c.getText()))
        .collect(Collectors.joining("\n\n"));
  }

  @Transactional(readOnly = true)
  public List<NeedsComment> comments(Long descriptionId) {
    return comments.findByNeedsDescriptionIdOrderByWrittenAtAscIdAsc(descriptionId);
  }

  /** Drafts the user is named co-writer of (and still staff of the unit), being written now. */
  @Transactional(readOnly = true)
  public List<NeedsDescription> draftsOf(String userId) {
    List<Long> unitIds = staffGroups.unitsOf(userId).stream().map(Unit::getId).toList();
    if (unitIds.isEmpty()) {
      return List.of();
    }
    return descriptions.findByUnitIdInAndStatusInOrderBySubmittedAtDescIdDesc(unitIds,
            Set.of(NeedsDescription.Status.DRAFT, NeedsDescription.Status.REVISION)).stream()
        .filter(d -> d.getRound() != null && d.coWriterIds().contains(userId))
        .toList();
  }

  /** A draft for its rektor or a named co-writer; 404 when unknown, 403 for anyone else. */
  @Transactional(readOnly = true)
  public NeedsDescription readable(Long id, String userId) {
    NeedsDescription d = descriptions.findById(id).orElseThrow(() -> notFound());
    if (userId != null && userId.equals(d.getUnit().getRektorUserId())) {
      return d;
    }
    requireCoWriter(d, userId);
    return d;
  }

  /** A named co-writer's comment, while the rektor is still writing and the round is open. */
  public NeedsComment comment(Long id, String userId, String text) {
    NeedsDescription d = descriptions.findById(id).orElseThrow(() -> notFound());
    requireCoWriter(d, userId);
    if (!d.isBeingWritten() || d.getRound() == null || !d.getRound().acceptsSubmissions(LocalDateTime.now(clock))) {
      throw texts.invalid("cowriting.notBeingWritten");
    }
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      throw texts.invalid("cowriting.emptyComment");
    }
    if (trimmed.length() > MAX_COMMENT) {
      throw texts.invalid("cowriting.commentTooLong", String.valueOf(MAX_COMMENT));
    }
    return comments.save(new NeedsComment(id, userId, trimmed, LocalDateTime.now(clock)));
  }

  private void requireCoWriter(NeedsDescription d, String userId) {
    boolean named = userId != null && d.coWriterIds().contains(userId) && d.isBeingWritten()
        && staffGroups.unitsOf(userId).stream().anyMatch(u -> u.getId().equals(d.getUnit().getId()));
    if (!named) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, texts.get("cowriting.notCoWriter"));
    }
  }

  private ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, texts.get("cowriting.unknown"));
  }

  /** Every member, whoever asks: the rektor's own rights on users do not narrow the unit's staff. */
  private List<User> staff(Unit unit) {
    return AsProcess.call(() -> staffGroups.membersOf(unit));
  }

  static String name(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")";
  }
}
