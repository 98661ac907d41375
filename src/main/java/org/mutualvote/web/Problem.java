package org.mutualvote.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail: the body of every error this service sends. {@code code} is an extension member:
 * a stable, machine-readable name for what went wrong ("already-voted", "not-found"), so a client can say it
 * in its reader's language; {@code detail} says the same in English for people reading the raw answer.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String code, String title, int status, String detail, String instance, List<FieldError> errors,
        Map<String, Object> params) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One invalid input: which field (or CSV row, or ballot mark), what is wrong with it in English, and always a
     * stable {@code code} for that ("not-blank", "past", "assert-true": the constraint's name in kebab case; a rule's
     * own, most often written as {@code Phrase.of(code, text, values).at(field)}), with the values a client needs to
     * say it in its reader's words ({@code params}: a size's "max", a date). There is no constructor without a code.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FieldError(String field, String message, String code, Map<String, Object> params) {

        public FieldError(String field, String message, String code) {
            this(field, message, code, Map.of());
        }
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", codeFor(status), title, status, detail, null, List.of(), Map.of());
    }

    public Problem withInstance(String path) {
        return new Problem(type, code, title, status, detail, path, errors, params);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, code, title, status, detail, instance, fieldErrors, params);
    }

    /** The same problem under a more precise code than its status gives. */
    public Problem withCode(String newCode) {
        return new Problem(type, newCode, title, status, detail, instance, errors, params);
    }

    /** The same problem under a phrase's code and values, so a client can say its detail in its reader's words. */
    public Problem withPhrase(Phrase phrase) {
        return new Problem(type, phrase.code(), title, status, detail, instance, errors, phrase.params());
    }

    /** The code a problem has when nothing more precise is said: its status in words. */
    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 429 -> "too-many-requests";
            case 500 -> "internal";
            case 503 -> "unavailable";
            default -> "http-" + status;
        };
    }
}
