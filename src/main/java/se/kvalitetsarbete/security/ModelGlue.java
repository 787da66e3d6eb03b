package se.kvalitetsarbete.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that the models may call from expressions: a read-only question the model asks,
 * such as a multi-instance collection, a candidate group or a condition. Its bean is then reachable
 * by name from a model, but only these methods of it; delegates and listeners are reachable by name
 * for {@code camunda:delegateExpression}, and none of their methods. Nothing else is reachable from
 * a model: see {@link RestrictedExpressionManager}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ModelGlue {
}
