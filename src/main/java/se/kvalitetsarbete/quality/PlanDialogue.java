package se.kvalitetsarbete.quality;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.common.Dates;
import se.kvalitetsarbete.common.Texts;
import se.kvalitetsarbete.quality.PlanMessage.Part;

/**
 * The dialogue between levels on a unit's plan (seed 002: feedback both ways): every message kept,
 * in order, and printed with the plan.
 */
@Service
@Transactional
public class PlanDialogue {

  private final QualityPlanRepository plans;
  private final PlanMessageRepository messages;
  private final Texts texts;
  private final Clock clock;

  public PlanDialogue(QualityPlanRepository plans, PlanMessageRepository messages, Texts texts, Clock clock) {
    this.plans = plans;
    this.messages = messages;
    this.texts = texts;
    this.clock = clock;
  }

  public void write(Long planId, String author, Part part, String text) {
    if (text != null && !text.isBlank()) {
      // Someone always writes through Tasklist; a process-made message without a person says so with a dash.
      messages.save(new PlanMessage(plans.findById(planId).orElseThrow(), author == null ? "–" : author,
          LocalDateTime.now(clock), part, text.strip()));
    }
  }

  /** The organiser's feedback after the board's report, in the dialogue of every plan of the year. */
  public void writeToEveryPlan(Long schoolYearId, String text) {
    plans.findBySchoolYearIdOrderByUnitName(schoolYearId)
        .forEach(plan -> write(plan.getId(), texts.get("ska.organiser"), Part.ORGANISER, text));
  }

  @Transactional(readOnly = true)
  public List<PlanMessage> of(Long planId) {
    return messages.findByPlanIdOrderById(planId);
  }

  /** The latest message, as the rektor answering it reads it. */
  @Transactional(readOnly = true)
  public String latest(Long planId) {
    List<PlanMessage> all = of(planId);
    return all.isEmpty() ? "" : all.get(all.size() - 1).getText();
  }

  /** The whole exchange, one message a paragraph: who, when, which part, what. */
  @Transactional(readOnly = true)
  public String text(Long planId) {
    List<PlanMessage> all = of(planId);
    if (all.isEmpty()) {
      return texts.get("ska.dialogueEmpty");
    }
    return all.stream()
        .map(m -> texts.get("ska.message", Dates.show(m.getWrittenAt()), m.getAuthor(), texts.get("ska.part." + m.getPart()), m.getText()))
        .collect(Collectors.joining("\n\n"));
  }
}
