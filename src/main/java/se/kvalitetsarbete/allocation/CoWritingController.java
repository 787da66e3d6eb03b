package se.kvalitetsarbete.allocation;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.kvalitetsarbete.security.StaffUser;

/**
 * The draft of a needs description for the teachers named as its co-writers: the drafts they are
 * named in, one draft with its comments, and a new comment, which the rektor then sees in the form.
 * Rights are checked by {@link CoWriting}.
 */
@RestController
@RequestMapping("/api/needs-descriptions")
public class CoWritingController {

  /** The form field that shows the co-writers' comments to the rektor. */
  static final String DRAFT_COMMENTS = "draftComments";

  private final CoWriting coWriting;
  private final NeedsDescriptions needsDescriptions;
  private final StaffUser staff;

  public CoWritingController(CoWriting coWriting, NeedsDescriptions needsDescriptions, StaffUser staff) {
    this.coWriting = coWriting;
    this.needsDescriptions = needsDescriptions;
    this.staff = staff;
  }

  public record CommentView(String author, String text, LocalDateTime writtenAt) {}

  public record DraftView(Long id, String unit, String term, String rektor, String summary, List<CommentView> comments) {}

  public record NewComment(String text) {}

  @GetMapping("/drafts")
  @Transactional(readOnly = true)
  public List<DraftView> drafts(HttpServletRequest request) {
    return coWriting.draftsOf(staff.id(request)).stream().map(this::view).toList();
  }

  @GetMapping("/{id}/draft")
  @Transactional(readOnly = true)
  public DraftView draft(@PathVariable long id, HttpServletRequest request) {
    return view(coWriting.readable(id, staff.id(request)));
  }

  @PostMapping("/{id}/comments")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  public DraftView comment(@PathVariable long id, @RequestBody(required = false) NewComment comment, HttpServletRequest request) {
    coWriting.comment(id, staff.id(request), comment == null ? null : comment.text());
    NeedsDescription description = coWriting.readable(id, staff.id(request));
    return view(description);
  }

  private DraftView view(NeedsDescription d) {
    List<CommentView> comments = coWriting.comments(d.getId()).stream()
        .map(c -> new CommentView(c.getAuthorUserId(), c.getText(), c.getWrittenAt())).toList();
    return new DraftView(d.getId(), d.getUnit().getName(), d.getRound() == null ? null : d.getRound().getTerm().label(),
        d.getUnit().getRektorUserId(), needsDescriptions.summary(d.getId()), comments);
  }
}
