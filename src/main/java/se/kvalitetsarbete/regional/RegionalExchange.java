package se.kvalitetsarbete.regional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One year's regional exchange of a collaboration (Halland): the soft values chosen before, the
 * visits as critical friends, the shared documentation and the joint efforts agreed afterwards,
 * which feed next year's preparation. The other municipalities are {@link ExchangeParticipant}s.
 */
@Entity
public class RegionalExchange {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String collaboration;
  private String schoolYearLabel;
  private String participantsText;
  private String softValues;
  private String visitNotes;
  private String sharedDocumentation;
  private String jointEfforts;
  private LocalDateTime agreedAt;
  private String processInstanceId;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "exchange_id", nullable = false)
  private List<ExchangeParticipant> participants = new ArrayList<>();

  protected RegionalExchange() {}

  public RegionalExchange(String collaboration, String schoolYearLabel, String participantsText, String processInstanceId) {
    this.collaboration = collaboration;
    this.schoolYearLabel = schoolYearLabel;
    this.participantsText = participantsText;
    this.processInstanceId = processInstanceId;
  }

  public Long getId() { return id; }
  public String getCollaboration() { return collaboration; }
  public String getSchoolYearLabel() { return schoolYearLabel; }
  public String getParticipantsText() { return participantsText; }

  /**
   * The participants in the order they were registered. Sorted here, not by an {@code @OrderBy}:
   * Hibernate translates every {@code @OrderBy} with its query parser when it starts, which made
   * each start of the application load that parser (docs/benchmarks.md, start-up).
   */
  public List<ExchangeParticipant> getParticipants() {
    return participants.stream()
        .sorted(Comparator.comparing(ExchangeParticipant::getId, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  public void addParticipant(ExchangeParticipant participant) { participants.add(participant); }

  public String getSoftValues() { return softValues; }
  public void setSoftValues(String softValues) { this.softValues = softValues; }
  public String getVisitNotes() { return visitNotes; }
  public void setVisitNotes(String visitNotes) { this.visitNotes = visitNotes; }
  public String getSharedDocumentation() { return sharedDocumentation; }
  public void setSharedDocumentation(String sharedDocumentation) { this.sharedDocumentation = sharedDocumentation; }
  public String getJointEfforts() { return jointEfforts; }
  public LocalDateTime getAgreedAt() { return agreedAt; }
  public void agree(String jointEfforts, LocalDateTime at) {
    this.jointEfforts = jointEfforts;
    this.agreedAt = at;
  }
}
