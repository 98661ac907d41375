package org.mutualvote.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing the server says to a person, in two forms: a stable {@code code} with its values ({@code params}), which a
 * client says in its reader's language from its own message files, and {@code text}, the same in English for people
 * reading the raw answer and for anything stored. Dates in params are ISO strings, numbers are numbers, so a client
 * can write them as its reader's locale does.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Phrase(String code, Map<String, Object> params, String text) {

    public Phrase {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** {@code values} alternate name and value: {@code of("too-young", "Leeds: too young", "minAge", 16)}. */
    public static Phrase of(String code, String text, Object... values) {
        if (values.length % 2 != 0) {
            throw new IllegalArgumentException("params come in name, value pairs");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i += 2) {
            if (values[i + 1] != null) {
                params.put((String) values[i], values[i + 1] instanceof java.time.temporal.TemporalAccessor ? values[i + 1].toString() : values[i + 1]);
            }
        }
        return new Phrase(code, params, text);
    }

    /** The same words with the English text put after a prefix ("Leeds: " + text), code and params unchanged. */
    public Phrase prefixed(String prefix) {
        return new Phrase(code, params, prefix + text);
    }

    /** The same phrase with one more value. */
    public Phrase with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(params);
        more.put(name, value);
        return new Phrase(code, more, text);
    }

    /** This phrase as the error of one field (or CSV row). */
    public Problem.FieldError at(String field) {
        return new Problem.FieldError(field, text, code, params);
    }

    @Override
    public String toString() {
        return text;
    }
}
