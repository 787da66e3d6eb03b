package se.kvalitetsarbete.print;

import java.util.ArrayList;
import java.util.List;

/**
 * A record as it is printed: a title and headed sections of lines. Made from the same text the
 * API serves as plain text ({@link #fromText}), so the PDF and the text never say different
 * things; or built section by section by whoever owns the record.
 */
public record PrintedRecord(String title, String subtitle, List<Section> sections) {

  /** A heading and its lines. */
  public record Section(String heading, List<Line> lines) {}

  /** A line of text; {@code subheading} lines are printed as small headings, blank ones as space. */
  public record Line(String text, boolean subheading) {
    public boolean blank() {
      return text.isBlank();
    }

    /** A short line that ends with a colon ("Indikatorer:", "Avslutande samtal:") heads what follows it. */
    static Line of(String text) {
      String line = text.strip();
      return new Line(line, line.endsWith(":") && line.length() <= 60);
    }
  }

  /**
   * Reads a text record: its first line is the title, lines in capitals (RESULTATDEL) head the
   * sections, short lines ending with a colon ("Indikatorer:") are subheadings.
   */
  public static PrintedRecord fromText(String text, String subtitle) {
    String[] lines = text.strip().split("\\r?\\n");
    List<Section> sections = new ArrayList<>();
    String heading = null;
    List<Line> current = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (isHeading(line)) {
        addSection(sections, heading, current);
        heading = line.charAt(0) + line.substring(1).toLowerCase(java.util.Locale.ROOT);
        current = new ArrayList<>();
      } else {
        current.add(Line.of(line));
      }
    }
    addSection(sections, heading, current);
    return new PrintedRecord(lines[0].strip(), subtitle, sections);
  }

  private static void addSection(List<Section> sections, String heading, List<Line> lines) {
    while (!lines.isEmpty() && lines.get(0).blank()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).blank()) {
      lines.remove(lines.size() - 1);
    }
    if (heading != null || !lines.isEmpty()) {
      sections.add(new Section(heading, List.copyOf(lines)));
    }
  }

  private static boolean isHeading(String line) {
    return line.length() >= 4 && line.chars().anyMatch(Character::isLetter)
        && line.chars().noneMatch(Character::isLowerCase);
  }

  /** Builds a record section by section. */
  public static Builder titled(String title, String subtitle) {
    return new Builder(title, subtitle);
  }

  public static final class Builder {
    private final String title;
    private final String subtitle;
    private final List<Section> sections = new ArrayList<>();

    private Builder(String title, String subtitle) {
      this.title = title;
      this.subtitle = subtitle;
    }

    /** A section; each text may hold several lines. Empty texts are left out, a section without any is too. */
    public Builder section(String heading, String... texts) {
      List<Line> lines = new ArrayList<>();
      for (String text : texts) {
        if (text == null || text.isBlank()) {
          continue;
        }
        if (!lines.isEmpty()) {
          lines.add(new Line("", false));
        }
        for (String line : text.strip().split("\\r?\\n")) {
          lines.add(Line.of(line));
        }
      }
      if (!lines.isEmpty()) {
        sections.add(new Section(heading, lines));
      }
      return this;
    }

    public PrintedRecord build() {
      return new PrintedRecord(title, subtitle, List.copyOf(sections));
    }
  }

  /** The record as plain text, headings in capitals. */
  public String asText() {
    StringBuilder text = new StringBuilder(title);
    for (Section section : sections) {
      text.append("\n\n");
      if (section.heading() != null) {
        text.append(section.heading().toUpperCase(java.util.Locale.ROOT)).append('\n');
      }
      section.lines().forEach(line -> text.append(line.text()).append('\n'));
    }
    return text.toString().stripTrailing();
  }
}
