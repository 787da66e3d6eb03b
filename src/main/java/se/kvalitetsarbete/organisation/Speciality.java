package se.kvalitetsarbete.organisation;

import java.util.Arrays;
import java.util.List;

/** What a quality-team member is especially good at (DOMAIN.md). */
public enum Speciality {
  KOLLEGIALT_LARANDE("Kollegialt lärande"),
  SPRAKINRIKTAD_UNDERVISNING("Språkinriktad undervisning"),
  DIGITAL_KOMPETENS("Digital kompetens"),
  ESTETISKA_LARPROCESSER("Estetiska lärprocesser"),
  NORMKRITISKT_FORHALLNINGSSATT("Normkritiskt förhållningssätt"),
  ELEVINFLYTANDE("Elevinflytande");

  private final String label;

  Speciality(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Parses "A,B" as stored in the database; unknown names are ignored. */
  public static List<Speciality> parseAll(String csv) {
    if (csv == null || csv.isBlank()) {
      return List.of();
    }
    return Arrays.stream(csv.split(","))
        .map(String::trim)
        .flatMap(name -> Arrays.stream(values()).filter(s -> s.name().equals(name)))
        .toList();
  }
}
