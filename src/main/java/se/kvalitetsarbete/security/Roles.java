package se.kvalitetsarbete.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Groups;

/** The groups people belong to; their rights are given by {@link AccessSetup} at start-up. */
public final class Roles {

  public static final String ADMINISTRATORS = Groups.CAMUNDA_ADMIN;
  public static final String COORDINATORS = "coordinators";
  public static final String REKTORER = "rektorer";
  public static final String QUALITY_TEAM = "qualityteam";
  public static final String HEADS_OF_SCHOOL_FORMS = "verksamhetschefer";
  public static final String ADMINISTRATION = "forvaltning";

  /** Heads of one school form (förskola, grundskola, fritidshem, gymnasieskola): they give feedback on its units' plans. */
  public static String headsOf(String formGroup) {
    return HEADS_OF_SCHOOL_FORMS + formGroup.toLowerCase(java.util.Locale.ROOT);
  }

  /** All staff of the units (lärare, förstelärare, …): they read and take part. */
  public static final String STAFF = "personal";

  /**
   * The staff of one unit, e.g. {@code personal12345601} for skolenhetskod 12345601. Camunda's
   * group ids allow letters and digits only, so anything else in the code is left out.
   */
  public static String staffOf(String unitCode) {
    return STAFF + unitCode.replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
  }

  public static final java.util.List<String> FORM_GROUPS = java.util.List.of("FORSKOLA", "GRUNDSKOLA", "FRITIDSHEM", "GYMNASIESKOLA");

  /** The models of the term allocation, which coordinators keep and may deploy from Modeler. */
  public static final List<String> ALLOCATION_MODELS = List.of("TermAllocation", "NeedsDescription", "Assignment", "RoundSchedule",
      "Prioritisation");

  /** Which processes and decisions each group may deploy (administrators: all). */
  public static final Map<String, List<String>> MODELS_BY_GROUP = Map.of(COORDINATORS, ALLOCATION_MODELS);

  /** Group id → the name people read. */
  public static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put(ADMINISTRATORS, "Administratörer");
    NAMES.put(COORDINATORS, "Samordnare");
    NAMES.put(REKTORER, "Rektorer");
    NAMES.put(QUALITY_TEAM, "Kvalitetsteamet");
    NAMES.put(HEADS_OF_SCHOOL_FORMS, "Verksamhetschefer");
    NAMES.put(ADMINISTRATION, "Förvaltningen");
    NAMES.put(STAFF, "Personal");
    NAMES.put(headsOf("FORSKOLA"), "Verksamhetschefer – förskola");
    NAMES.put(headsOf("GRUNDSKOLA"), "Verksamhetschefer – grundskola");
    NAMES.put(headsOf("FRITIDSHEM"), "Verksamhetschefer – fritidshem");
    NAMES.put(headsOf("GYMNASIESKOLA"), "Verksamhetschefer – gymnasieskola");
  }

  private Roles() {}
}
