package org.mutualvote.election;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum ElectionMethod {
    FPTP, IRV, STV;

    @JsonValue
    public String key() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static ElectionMethod parse(String key) {
        for (ElectionMethod m : values()) {
            if (m.key().equalsIgnoreCase(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("method must be one of fptp, irv, stv");
    }
}
