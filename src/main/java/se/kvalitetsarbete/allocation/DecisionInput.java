package se.kvalitetsarbete.allocation;

import java.math.BigDecimal;
import java.util.List;
import se.kvalitetsarbete.allocation.AllocationDecision.Outcome;

/** The meeting's decision on one needs description, as recorded in the meeting's form. */
public record DecisionInput(Long needsDescriptionId, Outcome outcome, List<String> members,
    BigDecimal daysPerWeek, String motivation) {}
