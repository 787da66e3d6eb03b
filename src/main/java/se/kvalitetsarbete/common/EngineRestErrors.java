package se.kvalitetsarbete.common;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * /engine-rest answers races and database outages as Failures says (404/409/503 with a Swedish
 * reason) and never shows an exception's class name or stack trace: Camunda's own mappers would
 * answer 500 with "OptimisticLockingException" or "Cannot find task …". Registered ahead of
 * Camunda's mappers for the same types (a lower Jersey priority wins at equal distance).
 */
@Component
public class EngineRestErrors implements ResourceConfigCustomizer {

  static final int AHEAD_OF_CAMUNDA = 100;
  private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrors.class);

  private final Failures failures;

  public EngineRestErrors(Failures failures) {
    this.failures = failures;
  }

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(new ForThrowable(), AHEAD_OF_CAMUNDA);
    config.register(new ForEngine(), AHEAD_OF_CAMUNDA);
    config.register(new ForRest(), AHEAD_OF_CAMUNDA);
    config.register(new ForJsonMapping(), AHEAD_OF_CAMUNDA);
    config.register(new ForJsonParse(), AHEAD_OF_CAMUNDA);
  }

  Response answer(Throwable thrown) {
    Failures.Answer known = failures.known(thrown);
    if (known != null) {
      LOG.debug("Answered {}: {}", known.status(), thrown.toString());
      return body(known.status(), known.type(), known.message(), null);
    }
    ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
    int status = thrown instanceof WebApplicationException web ? web.getResponse().getStatus() : camunda.getStatus(thrown).getStatusCode();
    if (status >= 500) {
      LOG.error("Engine REST request failed", thrown);
      Failures.Answer unexpected = failures.unexpected();
      return body(unexpected.status(), unexpected.type(), unexpected.message(), null);
    }
    // A 4xx of Camunda's own (bad request, forbidden, not found): its message, no class names.
    String type = switch (status) {
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 409 -> "Conflict";
      default -> "BadRequest";
    };
    Integer code = null;
    Throwable engineCause = thrown instanceof RestException && thrown.getCause() instanceof ProcessEngineException ? thrown.getCause() : thrown;
    if (engineCause instanceof ProcessEngineException engine && engine.getCode() != 0) {
      code = engine.getCode();
    }
    return body(status, type, thrown.getMessage(), code);
  }

  private static Response body(int status, String type, String message, Integer code) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message == null ? "" : message);
    if (code != null) {
      body.put("code", code);
    }
    return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** A body that is not JSON, or a field of the wrong shape: 400 naming the field, not Camunda's DTO class. */
  static Response unreadable(com.fasterxml.jackson.core.JsonProcessingException thrown) {
    String field = thrown instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()
        ? mapping.getPath().stream().map(reference -> reference.getFieldName() != null ? reference.getFieldName()
            : String.valueOf(reference.getIndex())).reduce((a, b) -> a + "." + b).orElse("") : "";
    return body(400, "BadRequest", field.isEmpty() ? "Förfrågan är inte giltig JSON." : "Förfrågan kunde inte läsas: fältet " + field
        + " har fel form.", null);
  }

  public static class ForJsonMapping implements ExceptionMapper<com.fasterxml.jackson.databind.JsonMappingException> {
    @Override
    public Response toResponse(com.fasterxml.jackson.databind.JsonMappingException thrown) {
      return unreadable(thrown);
    }
  }

  public static class ForJsonParse implements ExceptionMapper<com.fasterxml.jackson.core.JsonParseException> {
    @Override
    public Response toResponse(com.fasterxml.jackson.core.JsonParseException thrown) {
      return unreadable(thrown);
    }
  }

  public class ForThrowable implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable thrown) {
      return answer(thrown);
    }
  }

  public class ForEngine implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException thrown) {
      return answer(thrown);
    }
  }

  public class ForRest implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException thrown) {
      return answer(thrown);
    }
  }
}
