package org.mutualvote.membership;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.mutualvote.web.EnumKeys;

public enum MemberStatus {
    PENDING, ACTIVE, LAPSED, REMOVED;

    @JsonValue
    public String key() {
        return EnumKeys.key(this);
    }

    @JsonCreator
    public static MemberStatus parse(String key) {
        return EnumKeys.parse(MemberStatus.class, key, "status");
    }
}
