package se.kvalitetsarbete.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import se.kvalitetsarbete.allocation.AllocationDecision.Outcome;

/** The meeting's rule for departing from the criteria's order, without an engine: milliseconds. */
class DeparturesFromOrderTest {

  private final NeedsDescription high = description(1L, 9);
  private final NeedsDescription low = description(2L, 3);
  private final List<NeedsDescription> agenda = List.of(high, low);

  @Test
  void grantingInTheOrderOfThePointsIsNoDeparture() {
    assertThat(AllocationMeeting.departuresFromOrder(agenda, Map.of(1L, input(1L, Outcome.GRANTED), 2L, input(2L, Outcome.NOT_GRANTED))))
        .isEmpty();
  }

  @Test
  void grantingTheLowerWhileRefusingTheHigherDepartsForBoth() {
    assertThat(AllocationMeeting.departuresFromOrder(agenda, Map.of(1L, input(1L, Outcome.NOT_GRANTED), 2L, input(2L, Outcome.GRANTED))))
        .containsExactlyInAnyOrder(1L, 2L);
  }

  @Test
  void aPartialGrantCountsAsAGrant() {
    assertThat(AllocationMeeting.departuresFromOrder(agenda,
        Map.of(1L, input(1L, Outcome.NOT_GRANTED), 2L, input(2L, Outcome.PARTLY_GRANTED)))).containsExactlyInAnyOrder(1L, 2L);
  }

  @Test
  void grantingOrRefusingBothIsNoDeparture() {
    assertThat(AllocationMeeting.departuresFromOrder(agenda, Map.of(1L, input(1L, Outcome.GRANTED), 2L, input(2L, Outcome.GRANTED))))
        .isEmpty();
    assertThat(AllocationMeeting.departuresFromOrder(agenda,
        Map.of(1L, input(1L, Outcome.NOT_GRANTED), 2L, input(2L, Outcome.NOT_GRANTED)))).isEmpty();
  }

  private static DecisionInput input(Long id, Outcome outcome) {
    return new DecisionInput(id, outcome, List.of("team1"), new BigDecimal("1.5"), null);
  }

  private static NeedsDescription description(Long id, int points) {
    NeedsDescription description = new NeedsDescription(null, NeedsDescription.Origin.INVITED, LocalDateTime.of(2027, 3, 1, 8, 0));
    ReflectionTestUtils.setField(description, "id", id);
    description.setPriority(points, "test");
    return description;
  }
}
