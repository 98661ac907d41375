package org.mutualvote.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date or instant in the years a membership register can mean: from 1900 up to (not including) 2200.
 * ISO-8601 admits years like +999999 and -99999, which PostgreSQL cannot store and no person was born in.
 */
@Documented
@Constraint(validatedBy = { Plausible.ForDate.class, Plausible.ForInstant.class })
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface Plausible {

    LocalDate FIRST = LocalDate.of(1900, 1, 1);
    LocalDate END = LocalDate.of(2200, 1, 1);

    String message() default "must be between 1900-01-01 and 2199-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class ForDate implements ConstraintValidator<Plausible, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(FIRST) && value.isBefore(END));
        }
    }

    class ForInstant implements ConstraintValidator<Plausible, Instant> {
        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(FIRST.atStartOfDay(ZoneOffset.UTC).toInstant())
                    && value.isBefore(END.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
    }
}
