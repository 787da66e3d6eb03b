package se.kvalitetsarbete.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A form's values are given by its glue when asked, and a value only shown is worked out only when it is asked for. */
class FormFieldsTest {

  @Test
  void aShownValueIsWorkedOutOnlyWhenItsNameIsAskedFor() {
    AtomicInteger worked = new AtomicInteger();
    Runnable glue = () -> {
      FormFields.prefill(null, Map.of("needs", "Läsförståelse"));
      FormFields.show(null, "commentsText", () -> "kommentar " + worked.incrementAndGet());
      FormFields.show(null, "criteriaText", () -> "kriterier " + worked.incrementAndGet());
    };

    FormFields.Values submitted = FormFields.collect(glue, name -> false);
    assertThat(submitted.inputs()).containsEntry("needs", "Läsförståelse");
    assertThat(submitted.shown()).isEmpty();
    assertThat(worked).hasValue(0);

    FormFields.Values readOne = FormFields.collect(glue, "criteriaText"::equals);
    assertThat(readOne.shown()).containsOnlyKeys("criteriaText");
    assertThat(worked).hasValue(1);

    FormFields.Values read = FormFields.collect(glue, name -> true);
    assertThat(read.shown()).containsOnlyKeys("commentsText", "criteriaText");
    assertThat(worked).hasValue(3);
  }

  @Test
  void nothingIsGivenOutsideReadingOrSubmitting() {
    assertThatThrownBy(() -> FormFields.show(null, "commentsText", () -> "x")).isInstanceOf(IllegalStateException.class);
  }
}
