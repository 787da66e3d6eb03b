package se.kvalitetsarbete.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Camunda's REST resources (/engine-rest, and the webapps' /camunda/api that Tasklist calls) ask
 * JAX-RS for their ObjectMapper on every request, often more than once, and Camunda's
 * {@link JacksonConfigurator} builds a new one each time. A new mapper has no deserializers yet, so
 * every list or count of a filter built the deserializer of Camunda's task query anew from its
 * annotations: a tenth of the request threads' CPU per completed task (docs/benchmarks.md, "Per
 * task", the last section). This resolver, ahead of Camunda's in every Jersey application of the
 * server, hands out one mapper configured by Camunda's own {@code configureObjectMapper}, so
 * everything it reads and writes looks as before. An ObjectMapper is thread-safe once configured
 * (nothing in Camunda's REST layer changes the mapper it is given), and Jackson copies the date
 * format set on it for every use.
 */
@Priority(OneRestObjectMapper.AHEAD_OF_CAMUNDA)
@Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
public class OneRestObjectMapper implements ContextResolver<ObjectMapper> {

  /** Camunda's JacksonConfigurator has Jersey's default priority (5000); a lower one is asked first. */
  static final int AHEAD_OF_CAMUNDA = 100;

  /** Made on first use, after Camunda's start-up has set its date format (JacksonConfigurator.setDateFormatString). */
  private static final class Holder {
    static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
  }

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return Holder.MAPPER;
  }

  /**
   * Registers the resolver in every Jersey application of the server (META-INF/services): Camunda's
   * REST API under /engine-rest and the webapps' own under /camunda/api are applications of their own.
   */
  @ConstrainedTo(RuntimeType.SERVER)
  public static final class InEveryApplication implements ForcedAutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      if (!context.getConfiguration().isRegistered(OneRestObjectMapper.class)) {
        context.register(OneRestObjectMapper.class, AHEAD_OF_CAMUNDA);
      }
    }
  }
}
