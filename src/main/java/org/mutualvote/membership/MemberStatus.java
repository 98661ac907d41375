package org.mutualvote.membership;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum MemberStatus {
    PENDING, ACTIVE, LAPSED, REMOVED;

    @JsonValue
    public String key() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static MemberStatus parse(String key) {
        for (MemberStatus s : values()) {
            if (s.key().equalsIgnoreCase(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status must be one of pending, active, lapsed, removed");
    }
}
