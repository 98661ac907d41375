package org.mutualvote.election;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.mutualvote.web.EnumKeys;

public enum StvRule {
    SCOTLAND, ERS97, MEEK;

    @JsonValue
    public String key() {
        return EnumKeys.key(this);
    }

    @JsonCreator
    public static StvRule parse(String key) {
        return EnumKeys.parse(StvRule.class, key, "stvRule");
    }
}
