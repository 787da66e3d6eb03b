package se.kvalitetsarbete.allocation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/** The principals' meeting's decision on one needs description, with its grounds: public to all staff. */
@Entity
public class AllocationDecision {

  public enum Outcome {
    GRANTED("Beviljas"),
    PARTLY_GRANTED("Beviljas delvis"),
    NOT_GRANTED("Beviljas inte");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public boolean grants() {
      return this != NOT_GRANTED;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @OneToOne(optional = false)
  private NeedsDescription needsDescription;

  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  /** Team members' user ids, comma separated. */
  private String members;

  /** Days per week each assigned member works on site. */
  private BigDecimal daysPerWeek;

  private String motivation;

  private boolean departsFromOrder;

  private LocalDateTime decidedAt;

  private String recordedBy;

  protected AllocationDecision() {}

  public AllocationDecision(NeedsDescription needsDescription, Outcome outcome, List<String> members,
      BigDecimal daysPerWeek, String motivation, boolean departsFromOrder, LocalDateTime decidedAt, String recordedBy) {
    this.needsDescription = needsDescription;
    this.outcome = outcome;
    this.members = String.join(",", members);
    this.daysPerWeek = daysPerWeek;
    this.motivation = motivation;
    this.departsFromOrder = departsFromOrder;
    this.decidedAt = decidedAt;
    this.recordedBy = recordedBy;
  }

  public List<String> memberIds() {
    return members == null || members.isBlank() ? List.of() : Arrays.asList(members.split(","));
  }

  public Long getId() { return id; }
  public NeedsDescription getNeedsDescription() { return needsDescription; }
  public Outcome getOutcome() { return outcome; }
  public BigDecimal getDaysPerWeek() { return daysPerWeek; }
  public String getMotivation() { return motivation; }
  public boolean isDepartsFromOrder() { return departsFromOrder; }
  public LocalDateTime getDecidedAt() { return decidedAt; }
  public String getRecordedBy() { return recordedBy; }
}
