package se.kvalitetsarbete.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import se.kvalitetsarbete.common.FormInput;

/** Reads a form's list of follow-ups: what was done about each action, and its effect. */
final class FollowUpRows {

  private FollowUpRows() {}

  static List<QualityPlans.FollowUpInput> read(FormInput in, String path) {
    List<QualityPlans.FollowUpInput> answers = new ArrayList<>();
    int number = 0;
    for (JsonNode row : in.objects(path)) {
      in.row(++number);
      BigDecimal id = in.number("actionId", row.get("actionId"), BigDecimal.ONE, BigDecimal.valueOf(Long.MAX_VALUE), true);
      String done = in.text("done", row.get("done"));
      String effect = in.text("effect", row.get("effect"));
      if (id != null) {
        answers.add(new QualityPlans.FollowUpInput(id.longValue(), done, effect));
      }
    }
    in.row(null);
    return answers;
  }
}
