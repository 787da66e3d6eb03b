package se.kvalitetsarbete.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** What people are told when the database ends one of two transactions that waited for each other. */
class FailuresTest {

  final Failures failures = new Failures(new Texts(messages()));

  @Test
  void aDeadlockOrSerializationFailureIsARaceAnsweredWith409InSwedish() {
    for (String state : new String[] {"40P01", "40001", "HYT00"}) {
      Throwable thrown = new ProcessEngineException("ENGINE-03083 Exception while executing Batch Database Operations",
          new PersistenceException(new SQLException("ERROR: deadlock detected", state)));
      Failures.Answer answer = failures.known(thrown);
      assertThat(answer).as(state).isNotNull();
      assertThat(answer.status()).isEqualTo(409);
      assertThat(answer.message()).startsWith("Någon annan ändrade samma sak i samma ögonblick");
      assertThat(answer.message()).doesNotContain("deadlock", "Exception", "SQL");
    }
  }

  @Test
  void anyOtherDatabaseErrorIsNotPassedOffAsARace() {
    assertThat(failures.known(new ProcessEngineException("boom", new SQLException("relation does not exist", "42P01")))).isNull();
    assertThat(failures.known(new ProcessEngineException("boom", new SQLException("no state")))).isNull();
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("messages/messages");
    source.setDefaultEncoding(StandardCharsets.UTF_8.name());
    source.setFallbackToSystemLocale(false);
    return source;
  }
}
