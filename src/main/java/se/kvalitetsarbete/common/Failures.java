package se.kvalitetsarbete.common;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What a person is told when their request fails because of someone else or of the database:
 * a race (someone completed or claimed the task first, changed the same thing, saved the same
 * evaluation), a database that does not answer, or bad input. Always a status and a Swedish
 * reason; never an exception's class name or stack trace.
 */
@Component
public class Failures {

  private static final java.util.Set<String> LOCK_CONFLICTS = java.util.Set.of("40P01", "40001", "HYT00");

  /** The answer: HTTP status, a type without class names, the Swedish reason. */
  public record Answer(int status, String type, String message) {}

  private final Texts texts;

  public Failures(Texts texts) {
    this.texts = texts;
  }

  /** The answer for a race, a database outage or bad input; null when it is none of these. */
  public Answer known(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof TransactionSystemException rollbackFailed && rollbackFailed.getApplicationException() != null) {
        Answer original = known(rollbackFailed.getApplicationException());
        if (original != null) {
          return original;
        }
      }
      if (cause instanceof InvalidInputException invalid) {
        return new Answer(400, "BadRequest", invalid.getMessage());
      }
      if (cause instanceof ClientError) {
        return cause instanceof AuthorizationException
            ? new Answer(403, "Forbidden", cause.getMessage()) : new Answer(400, "BadRequest", cause.getMessage());
      }
      if (cause instanceof AuthorizationException) {
        return null;
      }
      if (cause instanceof OptimisticLockingException || cause instanceof OptimisticLockingFailureException
          || cause instanceof PessimisticLockingFailureException || isLockConflict(cause)) {
        return conflict("conflict.concurrent");
      }
      if (cause instanceof TaskAlreadyClaimedException) {
        return conflict("conflict.alreadyClaimed");
      }
      if ((cause instanceof NullValueException || cause instanceof NotFoundException) && mentionsMissingTask(cause.getMessage())) {
        return new Answer(404, "NotFound", texts.get("conflict.taskGone"));
      }
      if (cause instanceof DataIntegrityViolationException || isUniqueViolation(cause)) {
        return conflict("conflict.duplicate");
      }
      if (isDatabaseDown(cause)) {
        return new Answer(503, "ServiceUnavailable", texts.get("error.databaseDown"));
      }
      if (cause instanceof BadUserRequestException badRequest && !(cause instanceof NullValueException)) {
        return new Answer(400, "BadRequest", badRequest.getMessage());
      }
      if (cause instanceof ProcessEngineException && String.valueOf(cause.getMessage()).contains("Java serialization format is prohibited")) {
        return new Answer(400, "BadRequest", texts.get("error.javaSerialization"));
      }
      if (cause instanceof ProcessEngineException && String.valueOf(cause.getMessage()).contains("Password does not match policy")) {
        return new Answer(400, "BadRequest", texts.get("error.passwordPolicy"));
      }
    }
    return null;
  }

  /** Any other server error: a Swedish sentence instead of the exception. */
  public Answer unexpected() {
    return new Answer(500, "ServerError", texts.get("error.unexpected"));
  }

  private Answer conflict(String key) {
    return new Answer(409, "Conflict", texts.get(key));
  }

  /** The engine's words when a task, or the process it belonged to, ended under someone's feet. */
  private static boolean mentionsMissingTask(String message) {
    return message != null && (message.contains("Cannot find task") || message.contains("task is null")
        || message.contains("No task found") || message.contains("Cannot restore state of process instance")
        || message.contains("execution is null"));
  }

  /**
   * Two transactions that waited for each other, one of which the database chose to end: PostgreSQL
   * 40P01 (deadlock_detected) and 40001 (serialization_failure), H2 40001 (deadlock) and HYT00
   * (lock timeout). Everything of the loser is rolled back, so it is a race like any other.
   */
  private static boolean isLockConflict(Throwable cause) {
    return cause instanceof SQLException sql && sql.getSQLState() != null && LOCK_CONFLICTS.contains(sql.getSQLState());
  }

  /** PostgreSQL 23505 (unique_violation), H2 23505 too. */
  private static boolean isUniqueViolation(Throwable cause) {
    return cause instanceof SQLException sql && "23505".equals(sql.getSQLState());
  }

  private static boolean isDatabaseDown(Throwable cause) {
    if (cause instanceof SQLTransientConnectionException || cause instanceof CannotGetJdbcConnectionException
        || cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException) {
      return true;
    }
    if (!(cause instanceof SQLException sql)) {
      return false;
    }
    // 08xxx: connection exceptions (PostgreSQL, H2); a pooled connection the outage closed under us
    String message = String.valueOf(sql.getMessage());
    return sql.getSQLState() != null && sql.getSQLState().startsWith("08")
        || message.contains("Connection is closed") || message.contains("connection has been closed");
  }
}
