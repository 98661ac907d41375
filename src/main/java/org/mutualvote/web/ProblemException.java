package org.mutualvote.web;

import java.util.List;

/**
 * A client error a service raises on purpose, already phrased for the user.
 * Mapped to problem+json by {@link ProblemMapper}; the transaction it interrupts rolls back.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(int status, String title, String detail) {
        this(Problem.of(status, title, detail));
    }

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** The same problem under a stable code a client can put in its reader's words ("already-voted"). */
    public ProblemException coded(String code) {
        return new ProblemException(problem.withCode(code));
    }

    /** The same problem under a phrase's code and values (its detail stays the English the caller gave). */
    public ProblemException said(Phrase phrase) {
        return new ProblemException(problem.withPhrase(phrase));
    }

    /** A 422 whose detail is the phrase's English and whose code and params are the phrase's. */
    public static ProblemException unprocessable(Phrase phrase) {
        return unprocessable(phrase.text()).said(phrase);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " does not exist");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    public static ProblemException unprocessable(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(422, "Unprocessable request", detail).withErrors(errors));
    }

    public static ProblemException unprocessable(String detail) {
        return unprocessable(detail, List.of());
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail);
    }
}
