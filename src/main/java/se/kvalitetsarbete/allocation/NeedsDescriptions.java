package se.kvalitetsarbete.allocation;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.allocation.NeedsDescription.Origin;
import se.kvalitetsarbete.allocation.NeedsDescription.Status;
import se.kvalitetsarbete.common.FormSchema;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.organisation.Speciality;
import se.kvalitetsarbete.organisation.Term;
import se.kvalitetsarbete.organisation.TermRepository;
import se.kvalitetsarbete.organisation.Toolbox;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.organisation.UnitRepository;

/** The life of a needs description: written, reviewed, prioritised, or late. */
@Service
@Transactional
public class NeedsDescriptions {

  /** The rektor's form, which says how long a needs description's texts may be. */
  private static final String WRITE_FORM = "WriteNeedsDescription";

  private final NeedsDescriptionRepository descriptions;
  private final AllocationRoundRepository rounds;
  private final AllocationDecisionRepository decisions;
  private final UnitRepository units;
  private final TermRepository terms;
  private final Texts texts;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public NeedsDescriptions(NeedsDescriptionRepository descriptions, AllocationRoundRepository rounds,
      AllocationDecisionRepository decisions, UnitRepository units, TermRepository terms, Texts texts, Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.descriptions = descriptions;
    this.rounds = rounds;
    this.decisions = decisions;
    this.units = units;
    this.terms = terms;
    this.texts = texts;
    this.clock = clock;
  }

  /** An invited unit's description: a draft left by a follow-up conversation is picked up. */
  public NeedsDescription registerInvited(Long roundId, Long unitId, String processInstanceId) {
    AllocationRound round = rounds.findById(roundId).orElseThrow();
    Unit unit = units.findById(unitId).orElseThrow();
    NeedsDescription description = descriptions.findFirstByUnitIdAndRoundIsNullAndStatus(unitId, Status.DRAFT)
        .orElseGet(() -> new NeedsDescription(unit, Origin.INVITED, now()));
    return attach(description, round, processInstanceId);
  }

  /** A rektor's own initiative: joins the open round for one of the rektor's units. */
  public NeedsDescription registerOwnInitiative(String rektorUserId, String unitCode, String processInstanceId) {
    AllocationRound round = roundOpenNow().orElseThrow(() -> texts.invalid("round.noneOpen"));
    Unit unit;
    if (unitCode != null) {
      unit = units.findByCode(unitCode)
          .filter(u -> u.getRektorUserId().equals(rektorUserId))
          .orElseThrow(() -> texts.invalid("unit.notYours", unitCode));
    } else {
      List<Unit> own = units.findByRektorUserIdAndActiveTrueOrderByName(rektorUserId);
      if (own.isEmpty()) {
        throw texts.invalid("unit.noneForUser");
      }
      if (own.size() > 1) {
        throw texts.invalid("unit.chooseOne", own.stream().map(u -> u.getCode() + " (" + u.getName() + ")").collect(Collectors.joining(", ")));
      }
      unit = own.get(0);
    }
    NeedsDescription description = descriptions.findFirstByUnitIdAndRoundIsNullAndStatus(unit.getId(), Status.DRAFT)
        .orElseGet(() -> new NeedsDescription(unit, Origin.OWN_INITIATIVE, now()));
    return attach(description, round, processInstanceId);
  }

  private NeedsDescription attach(NeedsDescription description, AllocationRound round, String processInstanceId) {
    description.setRound(round);
    description.setStatus(Status.DRAFT);
    description.setProcessInstanceId(processInstanceId);
    return descriptions.save(description);
  }

  /** Submits (or declines) before the deadline; a late submission is refused and nothing changes. */
  public NeedsDescription submit(Long id, NeedsInput input) {
    NeedsDescription description = beforeDeadline(id);
    copy(input, description);
    description.setSubmittedAt(now());
    description.setStatus(input.applying() ? Status.SUBMITTED : Status.DECLINED);
    return description;
  }

  /**
   * The rektor shares the draft with the teachers who write with them: what is written so far is
   * kept (nothing is required yet) and the description stays with the rektor.
   */
  public NeedsDescription shareDraft(Long id, NeedsInput input) {
    NeedsDescription description = beforeDeadline(id);
    copy(input, description);
    return description;
  }

  private NeedsDescription beforeDeadline(Long id) {
    NeedsDescription description = descriptions.findById(id).orElseThrow();
    AllocationRound round = hold(description.getRound().getId());
    if (!round.acceptsSubmissions(now())) {
      throw texts.invalid("round.deadlinePassed", round.getTerm().label());
    }
    return description;
  }

  private static void copy(NeedsInput input, NeedsDescription description) {
    description.setNeeds(input.needs());
    description.setBasis(input.basis());
    description.setRestsOnAnalysis(input.restsOnAnalysis());
    description.setTargetGroup(input.targetGroup());
    description.setTargetStage(input.targetStage());
    description.setNeedKind(input.needKind());
    description.setSharedArea(input.sharedArea());
    description.setWantedSupport(String.join(",", input.wantedSupport()));
    description.setWantedSpecialities(String.join(",", input.wantedSpecialities()));
    description.setTeachersInvolved(input.teachersInvolved());
    description.setCoWriterIds(input.coWriters());
    description.setOngoingDevelopment(input.ongoingDevelopment());
    description.setWishedMembers(input.wishedMembers());
    description.setWishedDays(input.wishedDaysPerWeek());
  }

  /** A coordinator's review. After the deadline a description can only be approved. */
  public NeedsDescription review(Long id, boolean approve, Boolean analysisConfirmed, String comment) {
    NeedsDescription description = descriptions.lock(id).orElseThrow();
    description.setAnalysisConfirmed(analysisConfirmed);
    AllocationRound round = hold(description.getRound().getId());
    description.setReviewComment(comment);
    if (!approve) {
      if (!round.acceptsSubmissions(now())) {
        throw texts.invalid("review.noRevisionAfterDeadline");
      }
      description.setStatus(Status.REVISION);
      description.countRevision();
      return description;
    }
    description.setStatus(Status.APPROVED);
    Term term = round.getTerm();
    List<Term> previous = Arrays.stream(term.previousTwo())
        .flatMap(key -> terms.findBySeasonAndYear(key.season(), key.year()).stream())
        .toList();
    // A continuation asked for at a follow-up does not count the assignment it continues against the unit.
    Long continued = description.getContinuesDecisionId();
    description.setHadTeamRecently(!previous.isEmpty()
        && decisions.unitWasGrantedIn(description.getUnit().getId(), previous, continued == null ? -1L : continued));
    return description;
  }

  /**
   * Stores the prioritisation's points and grounds. Answers true when this was the last review the
   * closed round waited for (the caller then tells the round).
   */
  public boolean recordPriority(Long id, int points, String reason) {
    NeedsDescription description = descriptions.findById(id).orElseThrow();
    description.setPriority(points, reason);
    AllocationRound round = hold(description.getRound().getId());
    if (round.getStatus() == AllocationRound.Status.CLOSED) {
      // closed while this review waited for its shared lock: now alone (see hold)
      round = rounds.lock(round.getId());
    }
    return round.getStatus() == AllocationRound.Status.CLOSED
        && descriptions.countByRoundIdAndStatus(round.getId(), Status.SUBMITTED) == 0;
  }

  /**
   * Keeps the round as it is until the transaction ends. While it is open, submissions and reviews
   * go on side by side (a shared lock, which closing the round waits for); once it is closed, they
   * take turns (the round alone), so that exactly one review sees that it was the last.
   */
  private AllocationRound hold(Long roundId) {
    return rounds.statusOf(roundId) == AllocationRound.Status.CLOSED ? rounds.lock(roundId) : rounds.share(roundId);
  }

  public void markLate(Long id) {
    NeedsDescription description = descriptions.findById(id).orElseThrow();
    description.setStatus(Status.LATE);
  }

  /**
   * A need for the quality team (from a follow-up conversation, or from the unit's quality plan)
   * joins the round that is open now when the unit's description there is still being written: the
   * text is added to it. Otherwise it becomes a draft that the unit's next round picks up (or a
   * description of the open round, when the unit has none there yet; see {@link DraftJoinsRound}).
   * An existing draft gets the new text added.
   */
  public NeedsDescription openDraft(Unit unit, Origin origin, String needs, String basis) {
    NeedsDescription draft = beingWrittenInOpenRound(unit)
        .or(() -> descriptions.findFirstByUnitIdAndRoundIsNullAndStatus(unit.getId(), Status.DRAFT))
        .orElseGet(() -> new NeedsDescription(unit, origin, now()));
    draft.setNeeds(fitForm("needs", draft.getNeeds() == null ? needs : draft.getNeeds() + "\n\n" + needs));
    if (basis != null) {
      draft.setBasis(fitForm("basis", draft.getBasis() == null ? basis : draft.getBasis() + "\n\n" + basis));
    }
    NeedsDescription saved = descriptions.save(draft);
    events.publishEvent(new DraftOpened(saved.getId()));
    return saved;
  }

  /** Said when a need has been added to a draft, which may belong to the round open now. */
  public record DraftOpened(Long needsDescriptionId) {}

  /** The round that takes descriptions now, if any. */
  @Transactional(readOnly = true)
  public Optional<AllocationRound> roundOpenNow() {
    return rounds.findFirstByStatusOrderByOpenedAtDesc(AllocationRound.Status.OPEN).filter(r -> r.acceptsSubmissions(now()));
  }

  private Optional<NeedsDescription> beingWrittenInOpenRound(Unit unit) {
    return roundOpenNow().flatMap(round -> descriptions.findFirstByRoundIdAndUnitIdAndStatusIn(round.getId(), unit.getId(),
        List.of(Status.DRAFT, Status.REVISION)));
  }

  /**
   * A draft starts from texts written elsewhere (a plan's analysis, a follow-up), which together may
   * be longer than the rektor's form takes: the draft keeps what fits, marked as shortened; the
   * whole texts stay where they were written.
   */
  private String fitForm(String field, String text) {
    int limit = FormSchema.application(WRITE_FORM).maxLength(field, 4000);
    if (text == null || text.length() <= limit) {
      return text;
    }
    String note = texts.get("needs.draftShortened");
    return text.substring(0, Math.max(0, limit - note.length() - 1)).stripTrailing() + " " + note;
  }

  /** The whole description as a coordinator or the meeting reads it. */
  @Transactional(readOnly = true)
  public String summary(Long id) {
    NeedsDescription d = descriptions.findById(id).orElseThrow();
    String earlierComment = d.getRevisionCount() > 0 && d.getReviewComment() != null
        ? "\n\n" + texts.get("needs.earlierComment", d.getReviewComment()) : "";
    return texts.get("needs.summary",
        d.getUnit().getName(),
        nullToEmpty(d.getNeeds()),
        nullToEmpty(d.getBasis()),
        yesNo(d.getRestsOnAnalysis()),
        nullToEmpty(d.getTargetGroup()),
        stageLabel(d.getTargetStage()),
        orNone(Toolbox.labels(d.getWantedSupport())),
        orNone(Speciality.parseAll(d.getWantedSpecialities()).stream().map(Speciality::label).collect(Collectors.joining(", "))),
        d.getTeachersInvolved() != null && !d.getTeachersInvolved().isBlank() ? d.getTeachersInvolved() : texts.get("needs.noTeachers"),
        yesNo(d.getOngoingDevelopment()),
        wishedScope(d),
        d.getRevisionCount())
        + "\n" + texts.get("needs.summaryCriteria",
            d.getNeedKind() == null ? texts.get("needs.noTeachers") : texts.get("needKind." + d.getNeedKind()),
            d.getSharedArea() == null ? texts.get("needs.noSharedArea") : d.getSharedArea(),
            orNone(String.join(", ", d.coWriterIds())),
            d.getAnalysisConfirmed() == null ? texts.get("needs.notYetConfirmed") : yesNo(d.getAnalysisConfirmed()))
        + earlierComment;
  }

  public String wishedScope(NeedsDescription d) {
    return d.getWishedMembers() == null ? "" : texts.get("needs.wishedScope", d.getWishedMembers(),
        d.getWishedDays().stripTrailingZeros().toPlainString().replace('.', ','));
  }

  public String stageLabel(String stage) {
    return stage == null ? "" : texts.get("stage." + stage);
  }

  private String yesNo(Boolean value) {
    return texts.get(Boolean.TRUE.equals(value) ? "yes" : "no");
  }

  private String orNone(String list) {
    return list.isBlank() ? texts.get("needs.noTeachers") : list;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
