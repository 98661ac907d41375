package org.mutualvote.election;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.mutualvote.web.EnumKeys;

/** The STV counting rules an election may choose; {@code ni85} (the foundation trusts' rule) is the default. */
public enum StvRule {
    NI85, SCOTLAND, ERS97, MEEK;

    @JsonValue
    public String key() {
        return EnumKeys.key(this);
    }

    @JsonCreator
    public static StvRule parse(String key) {
        return EnumKeys.parse(StvRule.class, key, "stvRule");
    }
}
