package se.kvalitetsarbete.allocation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDateTime;

/** A co-writing teacher's comment on a needs description's draft. */
@Entity
public class NeedsComment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long needsDescriptionId;
  private String authorUserId;
  private String text;
  private LocalDateTime writtenAt;

  protected NeedsComment() {}

  public NeedsComment(Long needsDescriptionId, String authorUserId, String text, LocalDateTime writtenAt) {
    this.needsDescriptionId = needsDescriptionId;
    this.authorUserId = authorUserId;
    this.text = text;
    this.writtenAt = writtenAt;
  }

  public Long getId() { return id; }
  public Long getNeedsDescriptionId() { return needsDescriptionId; }
  public String getAuthorUserId() { return authorUserId; }
  public String getText() { return text; }
  public LocalDateTime getWrittenAt() { return writtenAt; }
}
