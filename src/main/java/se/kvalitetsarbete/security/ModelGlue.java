package se.kvalitetsarbete.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean that the models may call from expressions (a read-only view the models ask, such
 * as a multi-instance collection or a candidate group). Delegates and listeners of this
 * application are glue without the mark. Nothing else is reachable from a model: see
 * {@link RestrictedExpressionManager}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface ModelGlue {
}
