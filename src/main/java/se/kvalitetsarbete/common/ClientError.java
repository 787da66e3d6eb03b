package se.kvalitetsarbete.common;

/**
 * An exception that is the caller's doing (bad input, a record that is not theirs, a model that
 * asks for what it may not): {@link UnwrapInvalidInput} lets it through the engine's wrapping so
 * that the REST API answers 4xx with its Swedish message, never 500.
 */
public interface ClientError {
}
