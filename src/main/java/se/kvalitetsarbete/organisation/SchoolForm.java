package se.kvalitetsarbete.organisation;

/** Skolform of a unit, with the label people read. */
public enum SchoolForm {
  FORSKOLA("Förskola"),
  GRUNDSKOLA_F3("Grundskola F–3"),
  GRUNDSKOLA_4_6("Grundskola 4–6"),
  GRUNDSKOLA_7_9("Grundskola 7–9"),
  FRITIDSHEM("Fritidshem"),
  GYMNASIESKOLA("Gymnasieskola");

  private final String label;

  SchoolForm(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
