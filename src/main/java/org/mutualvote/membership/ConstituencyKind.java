package org.mutualvote.membership;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum ConstituencyKind {
    PUBLIC, STAFF, PATIENT, OTHER;

    @JsonValue
    public String key() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static ConstituencyKind parse(String key) {
        for (ConstituencyKind k : values()) {
            if (k.key().equalsIgnoreCase(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("kind must be one of public, staff, patient, other");
    }
}
