package org.mutualvote.contest;

import com.fasterxml.jackson.annotation.JsonValue;

import org.mutualvote.web.EnumKeys;

public enum ContestKind {
    ELECTION, MOTION, SURPLUS;

    @JsonValue
    public String key() {
        return EnumKeys.key(this);
    }
}
