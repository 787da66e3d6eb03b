package se.kvalitetsarbete.allocation;

import java.math.BigDecimal;
import java.util.List;

/** What a rektor submitted in a needs description, already checked field by field. */
public record NeedsInput(
    boolean applying,
    String needs,
    String basis,
    boolean restsOnAnalysis,
    String targetGroup,
    String targetStage,
    String needKind,
    String sharedArea,
    List<String> wantedSupport,
    List<String> wantedSpecialities,
    String teachersInvolved,
    List<String> coWriters,
    boolean ongoingDevelopment,
    Integer wishedMembers,
    BigDecimal wishedDaysPerWeek) {}
