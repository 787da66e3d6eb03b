package se.kvalitetsarbete.organisation;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The quality team's verktygslåda: the forms of support a unit can ask for. */
public enum Toolbox {
  INSPIRATION("Inspiration och stöd från forskning"),
  SAMTALSPARTNER("Samtalspartner"),
  SAMUNDERVISNING("Samundervisning i klassrummet"),
  AVLASTNING("Avlastning så att nya arbetssätt kan prövas"),
  OBSERVATION("Observation"),
  MODELLERING("Modellering"),
  HANDLEDNING("Handledning av grupper och enskilda"),
  UTVECKLINGSPROJEKT("Driva utvecklingsprojekt");

  private final String label;

  Toolbox(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Set<String> names() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.toSet());
  }

  /** "A,B" → "label A, label B". */
  public static String labels(String csv) {
    return csv == null ? "" : Arrays.stream(csv.split(","))
        .filter(s -> !s.isBlank())
        .map(s -> Arrays.stream(values()).filter(v -> v.name().equals(s.trim())).map(Toolbox::label).findFirst().orElse(s))
        .collect(Collectors.joining(", "));
  }
}
