package se.kvalitetsarbete.regional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.quality.SchoolYear;

/** A collaboration's yearly exchange, from the soft values chosen to the joint efforts agreed. */
@Service
@Transactional
public class RegionalExchanges {

  /** As the start form (StartRegionalExchange) and the column allow. */
  static final int PARTICIPANTS_MAX = 2000;


  private final RegionalExchangeRepository exchanges;
  private final Texts texts;
  private final Clock clock;

  public RegionalExchanges(RegionalExchangeRepository exchanges, Texts texts, Clock clock) {
    this.exchanges = exchanges;
    this.texts = texts;
    this.clock = clock;
  }

  /** Participants one a line, "Kommun; kontaktperson" (the contact may be left out); at least one other municipality. */
  public RegionalExchange open(String collaboration, String schoolYear, String participantsText, String processInstanceId) {
    if (collaboration == null || collaboration.isBlank() || collaboration.strip().length() > 200) {
      throw texts.invalid("regional.badCollaboration");
    }
    String label = schoolYear == null || schoolYear.isBlank()
        ? SchoolYear.label(SchoolYear.firstYearOf(LocalDate.now(clock))) : schoolYear.strip();
    if (!label.matches("\\d{4}/\\d{2}") || !SchoolYear.label(Integer.parseInt(label.substring(0, 4))).equals(label)) {
      throw texts.invalid("ska.badSchoolYear");
    }
    List<String> lines = participantsText == null ? List.of()
        : participantsText.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.isEmpty()) {
      throw texts.invalid("regional.noParticipants");
    }
    if (participantsText.length() > PARTICIPANTS_MAX) {
      throw texts.invalid("regional.participantsTooLong", PARTICIPANTS_MAX);
    }
    RegionalExchange exchange = new RegionalExchange(collaboration.strip(), label, participantsText, processInstanceId);
    for (String line : lines) {
      String[] parts = line.split(";", 2);
      if (parts[0].isBlank() || parts[0].strip().length() > 200 || (parts.length > 1 && parts[1].strip().length() > 200)) {
        throw texts.invalid("regional.badParticipant", line);
      }
      exchange.addParticipant(new ExchangeParticipant(parts[0].strip(), parts.length > 1 ? parts[1].strip() : null));
    }
    return exchanges.save(exchange);
  }

  @Transactional(readOnly = true)
  public RegionalExchange get(Long id) {
    return exchanges.findById(id).orElseThrow();
  }

  public void chooseSoftValues(Long id, String softValues) {
    get(id).setSoftValues(softValues);
  }

  public void recordVisits(Long id, String visitNotes) {
    get(id).setVisitNotes(visitNotes);
  }

  public void document(Long id, String documentation) {
    get(id).setSharedDocumentation(documentation);
  }

  public void agree(Long id, String jointEfforts) {
    get(id).agree(jointEfforts, LocalDateTime.now(clock));
  }

  /** The exchange so far, as each step reads it. */
  @Transactional(readOnly = true)
  public String text(Long id) {
    RegionalExchange e = get(id);
    String participants = e.getParticipants().stream()
        .map(p -> p.getContact() == null ? p.getMunicipality() : p.getMunicipality() + " (" + p.getContact() + ")")
        .collect(Collectors.joining(", "));
    return texts.get("regional.text", e.getCollaboration(), e.getSchoolYearLabel(), participants, dash(e.getSoftValues()),
        dash(e.getVisitNotes()), dash(e.getSharedDocumentation()));
  }

  /** The joint efforts agreed in a school year's exchanges, for the next year's preparation. */
  @Transactional(readOnly = true)
  public String jointEffortsOf(String schoolYearLabel) {
    List<RegionalExchange> agreed = exchanges.findBySchoolYearLabelAndAgreedAtNotNullOrderById(schoolYearLabel);
    if (agreed.isEmpty()) {
      return texts.get("regional.noJointEfforts");
    }
    return agreed.stream().map(e -> texts.get("regional.jointEfforts", e.getCollaboration(), e.getJointEfforts()))
        .collect(Collectors.joining("\n\n"));
  }

  private static String dash(String s) {
    return s == null ? "–" : s;
  }
}
