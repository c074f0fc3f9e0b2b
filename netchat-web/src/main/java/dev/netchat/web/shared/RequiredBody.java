package dev.netchat.web.shared;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A request body that must be there: a call without one is answered 400 with the field {@code body} before the
 * resource runs (see ConstraintViolationMapper). Put {@code @Valid} beside it so the body's own constraints are
 * checked too.
 */
@NotNull
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Documented
@Target(PARAMETER)
@Retention(RUNTIME)
public @interface RequiredBody {

    String message() default "A JSON body is required.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
