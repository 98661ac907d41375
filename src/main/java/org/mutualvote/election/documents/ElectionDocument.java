package org.mutualvote.election.documents;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The documents of an election, by the name in their address. */
enum ElectionDocument {
    NOTICE_OF_ELECTION(false),
    STATEMENT_OF_CANDIDATES(false),
    NOTICE_OF_POLL(false),
    /** The stage-by-stage count, for the returning officer to sign. */
    COUNT_SHEET(true),
    /** The declaration of result, with turnout and the rejected papers. */
    DECLARATION(true);

    private final boolean needsCount;

    ElectionDocument(boolean needsCount) {
        this.needsCount = needsCount;
    }

    boolean needsCount() {
        return needsCount;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The document named {@code key}, or null. */
    static ElectionDocument of(String key) {
        for (ElectionDocument d : values()) {
            if (d.key().equals(key)) {
                return d;
            }
        }
        return null;
    }

    static String names() {
        return Arrays.stream(values()).map(ElectionDocument::key).collect(Collectors.joining(", "));
    }
}
