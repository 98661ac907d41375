package org.mutualvote.membership;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.mutualvote.web.EnumKeys;

public enum ConstituencyKind {
    PUBLIC, STAFF, PATIENT, OTHER;

    @JsonValue
    public String key() {
        return EnumKeys.key(this);
    }

    @JsonCreator
    public static ConstituencyKind parse(String key) {
        return EnumKeys.parse(ConstituencyKind.class, key, "kind");
    }
}
