package org.mutualvote.election;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.mutualvote.web.EnumKeys;

public enum ElectionMethod {
    FPTP, IRV, STV;

    @JsonValue
    public String key() {
        return EnumKeys.key(this);
    }

    @JsonCreator
    public static ElectionMethod parse(String key) {
        return EnumKeys.parse(ElectionMethod.class, key, "method");
    }
}
