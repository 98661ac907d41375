package org.mutualvote.contest;

import com.fasterxml.jackson.annotation.JsonValue;

public enum ContestKind {
    ELECTION, MOTION, SURPLUS;

    @JsonValue
    public String key() {
        return name().toLowerCase();
    }
}
