package org.mutualvote.election;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum StvRule {
    SCOTLAND, ERS97, MEEK;

    @JsonValue
    public String key() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static StvRule parse(String key) {
        for (StvRule r : values()) {
            if (r.key().equalsIgnoreCase(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("stvRule must be one of scotland, ers97, meek");
    }
}
