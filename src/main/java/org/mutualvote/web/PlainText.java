package org.mutualvote.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text a person typed, fit to show to other people: no NUL or other control characters (PostgreSQL
 * cannot even store NUL), no bidirectional overrides that make a name read differently from what it is,
 * no unpaired surrogates, and not only invisible characters. Null is valid (pair with @NotBlank).
 * {@code multiline} admits line breaks and tabs (statements, reasons).
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface PlainText {

    String message() default "must be plain text: no control characters, direction overrides or only invisible characters";

    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isPlain(value, multiline);
        }

        /** The rule itself, for callers that check text outside Bean Validation (CSV cells). */
        public static boolean isPlain(String s, boolean multiline) {
            boolean visible = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                    visible = true;
                    continue;
                }
                if (Character.isLowSurrogate(c)) {
                    return false;
                }
                if (Character.isISOControl(c)) {
                    if (!(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                        return false;
                    }
                    continue;
                }
                if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                    return false; // embeddings, overrides and isolates
                }
                int type = Character.getType(c);
                if (type == Character.FORMAT || Character.isWhitespace(c) || Character.isSpaceChar(c)
                        || c == '\u115F' || c == '\u1160' || c == '\u3164' || c == '\uFFA0') {
                    continue; // zero-width and blank characters (Hangul fillers included) do not make text visible
                }
                if (type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
                    return false;
                }
                visible = true;
            }
            return visible || s.isEmpty();
        }
    }

}
