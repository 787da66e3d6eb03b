package se.kvalitetsarbete.common;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** Our own endpoints answer bad input with a 4xx and a Swedish reason, never a stack trace. */
@RestControllerAdvice
public class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  private final Failures failures;

  public ApiErrors(Failures failures) {
    this.failures = failures;
  }

  /** Races between people and a database that does not answer: 404/409/503 with a Swedish reason. */
  @ExceptionHandler({DataAccessException.class, TransactionException.class, ProcessEngineException.class, jakarta.persistence.PersistenceException.class})
  public ResponseEntity<Map<String, String>> failure(Exception e) {
    Failures.Answer answer = failures.known(e);
    if (answer == null) {
      LOG.error("Request failed", e);
      answer = failures.unexpected();
    }
    return ResponseEntity.status(answer.status()).body(Map.of("message", answer.message()));
  }

  @ExceptionHandler(InvalidInputException.class)
  public ResponseEntity<Map<String, String>> invalid(InvalidInputException e) {
    return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(Map.of("message", "Förfrågan kunde inte läsas."));
  }

  /** A file larger than spring.servlet.multipart.max-file-size (the indicator upload). */
  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  public ResponseEntity<Map<String, String>> tooLarge(Exception e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("message", "Filen är för stor."));
  }

  /** A multipart body that cannot be read (no boundary, cut off): before any controller runs. */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  public ResponseEntity<Map<String, String>> unreadableUpload(Exception e) {
    return ResponseEntity.badRequest().body(Map.of("message", "Filen kunde inte läsas: förfrågan är inte en hel filuppladdning."));
  }

  @ExceptionHandler(ResponseStatusException.class)
  public ResponseEntity<Map<String, String>> status(ResponseStatusException e) {
    return ResponseEntity.status(e.getStatusCode()).body(Map.of("message", e.getReason() == null ? "" : e.getReason()));
  }
}
