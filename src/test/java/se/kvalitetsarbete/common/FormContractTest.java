package se.kvalitetsarbete.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The form says what a field accepts (the server reads it from there); this test keeps the rest in
 * step with every form in forms/: the column that stores the field holds what the form allows, a
 * text submitted as a Camunda String fits its 4000 characters, every choice has options, and every
 * field has its Swedish label in the bundle, the same as on screen. No engine, no Spring.
 */
class FormContractTest {

  /** Fields stored under another name: form key → table.column. */
  private static final Map<String, String> STORED_AS = Map.ofEntries(
      Map.entry("evaluationComment", "evaluation.comment"),
      Map.entry("followUpOutcome", "check_in.outcome"),
      Map.entry("supportNeeded", "needs_description.needs"),
      Map.entry("qualityTeamNeed", "needs_description.needs"),
      Map.entry("kickOffParticipants", "assignment.participants_text"),
      Map.entry("sharedAreasForskola", "shared_improvement_area.title"),
      Map.entry("sharedAreasGrundskola", "shared_improvement_area.title"),
      Map.entry("sharedAreasFritidshem", "shared_improvement_area.title"),
      Map.entry("sharedAreasGymnasieskola", "shared_improvement_area.title"),
      Map.entry("schoolYear", "school_year.label"),
      Map.entry("unitCode", "unit.code"),
      Map.entry("wantedSupport", "needs_description.wanted_support"),
      Map.entry("wantedSpecialities", "needs_description.wanted_specialities"),
      Map.entry("supportForms", "assignment.support_forms"),
      Map.entry("feedbackAnswer", "plan_message.text"),
      Map.entry("organiserFeedbackReply", "plan_message.text"),
      Map.entry("participants", "regional_exchange.participants_text"),
      Map.entry("focusKvalitetIUndervisningen", "quality_plan.focus_kvalitet_i_undervisningen"),
      Map.entry("teamFeedback", "staff_team_assessment.team_feedback"),
      Map.entry("goodExampleText", "action_follow_up.good_example_text"));

  /** Inputs that are read, not stored as text: the indicator file is parsed into values. */
  private static final Set<String> NOT_STORED_AS_TEXT = Set.of("indicatorCsv");

  static List<FormSchema> forms = new ArrayList<>();
  static Properties bundle = new Properties();
  /** column name → (table.column → length), our tables after every migration. */
  static Map<String, Map<String, Integer>> columns = new HashMap<>();

  @BeforeAll
  static void read() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          forms.add(FormSchema.parse(in));
        }
      }
    }
    try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/messages/messages.properties"), StandardCharsets.UTF_8)) {
      bundle.load(in);
    }
    String url = "jdbc:h2:mem:form-contract;DB_CLOSE_DELAY=-1";
    Flyway.configure().dataSource(url, "sa", "").locations("filesystem:src/main/resources/db/migration").load().migrate();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
         ResultSet rs = c.createStatement().executeQuery("select table_name, column_name, character_maximum_length "
             + "from information_schema.columns where table_schema = 'PUBLIC'")) {
      while (rs.next()) {
        String table = rs.getString(1).toLowerCase();
        String column = rs.getString(2).toLowerCase();
        int length = rs.getObject(3) == null ? -1 : rs.getInt(3);
        columns.computeIfAbsent(column, k -> new TreeMap<>()).put(table + "." + column, length);
      }
    }
  }

  @Test
  void everyFormIsRead() throws IOException {
    assertThat(forms).hasSizeGreaterThanOrEqualTo(20).allSatisfy(f -> assertThat(f.id()).isNotBlank());
    assertThat(forms).allSatisfy(f -> assertThat(f.fields()).isNotEmpty());
  }

  @Test
  void everyTypedTextHasALimitThatCamundaCanStore() {
    List<String> problems = new ArrayList<>();
    for (FormSchema form : forms) {
      for (FormSchema.Field f : form.fields()) {
        if (!f.typedText()) {
          continue;
        }
        if (f.maxLength() == null) {
          problems.add(form.id() + "." + f.key() + " has no maxLength");
        } else if (f.parentKey() == null && f.maxLength() > FormInput.MAX_VARIABLE_TEXT) {
          problems.add(form.id() + "." + f.key() + " allows " + f.maxLength() + " characters, but Tasklist submits it as a String variable (at most 4000)");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyStoredTextFitsItsColumn() {
    List<String> problems = new ArrayList<>();
    for (FormSchema form : forms) {
      for (FormSchema.Field f : form.fields()) {
        if (!f.input() || NOT_STORED_AS_TEXT.contains(f.key())) {
          continue;
        }
        Integer needed = f.typedText() ? f.maxLength()
            : "checklist".equals(f.type()) && f.options() != null ? String.join(",", f.options()).length() : null;
        if (needed == null) {
          continue;
        }
        Map<String, Integer> candidates = column(f.key());
        if (candidates.isEmpty()) {
          problems.add(form.id() + "." + f.key() + ": no column stores it (name it in STORED_AS)");
          continue;
        }
        candidates.forEach((column, length) -> {
          if (length >= 0 && length < needed) {
            problems.add(form.id() + "." + f.key() + " allows " + needed + " characters, " + column + " holds " + length);
          }
        });
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyChoiceHasOptions() {
    List<String> problems = new ArrayList<>();
    for (FormSchema form : forms) {
      for (FormSchema.Field f : form.fields()) {
        if (f.input() && Set.of("radio", "select", "checklist", "taglist").contains(f.type())
            && (f.options() == null || f.options().isEmpty()) && f.valuesKey() == null) {
          problems.add(form.id() + "." + f.key() + " (" + f.type() + ") has no options");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /** Choices the records and rules know by name: a form may offer fewer, never one they do not know. */
  private static final Map<String, Class<? extends Enum<?>>> KNOWN_CHOICES = Map.of(
      "targetStage", se.kvalitetsarbete.allocation.NeedsDescription.TargetStage.class,
      "wantedSupport", se.kvalitetsarbete.organisation.Toolbox.class,
      "supportForms", se.kvalitetsarbete.organisation.Toolbox.class,
      "wantedSpecialities", se.kvalitetsarbete.organisation.Speciality.class,
      "outcome", se.kvalitetsarbete.allocation.AllocationDecision.Outcome.class);

  @Test
  void everyOptionIsOneTheRecordsKnow() {
    List<String> problems = new ArrayList<>();
    for (FormSchema form : forms) {
      for (FormSchema.Field f : form.fields()) {
        Class<? extends Enum<?>> known = KNOWN_CHOICES.get(f.key());
        if (known != null && f.options() != null) {
          Set<String> names = java.util.Arrays.stream(known.getEnumConstants()).map(Enum::name).collect(java.util.stream.Collectors.toSet());
          f.options().stream().filter(o -> !names.contains(o))
              .forEach(o -> problems.add(form.id() + "." + f.key() + " offers " + o + ", unknown to " + known.getSimpleName()));
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFieldHasItsSwedishLabelInTheBundleAsOnScreen() {
    Map<String, Set<String>> labelsOnScreen = new TreeMap<>();
    for (FormSchema form : forms) {
      for (FormSchema.Field f : form.fields()) {
        if (f.input() || "dynamiclist".equals(f.type())) {
          labelsOnScreen.computeIfAbsent(f.key(), k -> new java.util.TreeSet<>()).add(f.label() == null ? "" : f.label());
        }
      }
    }
    List<String> problems = new ArrayList<>();
    labelsOnScreen.forEach((key, labels) -> {
      String inBundle = bundle.getProperty("field." + key);
      if (labels.contains("")) {
        problems.add(key + " has no label in its form");
      }
      if (inBundle == null) {
        problems.add("field." + key + " is missing from messages.properties (the form says " + labels + ")");
      } else if (!labels.contains(inBundle)) {
        problems.add("field." + key + "=" + inBundle + " but the form says " + labels);
      }
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void requiredFieldsAreInputs() {
    List<String> problems = new ArrayList<>();
    for (FormSchema form : forms) {
      for (FormSchema.Field f : form.fields()) {
        if (f.required() && !f.input()) {
          problems.add(form.id() + "." + f.key() + " is required but cannot be filled in");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static Map<String, Integer> column(String key) {
    String mapped = STORED_AS.get(key);
    if (mapped != null) {
      String[] parts = mapped.split("\\.");
      Integer length = columns.getOrDefault(parts[1], Map.of()).get(mapped);
      return length == null ? Map.of() : Map.of(mapped, length);
    }
    return columns.getOrDefault(key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(), Map.of());
  }
}
