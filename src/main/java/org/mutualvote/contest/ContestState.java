package org.mutualvote.contest;

import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

import org.mutualvote.web.EnumKeys;

/** The lifecycle every contest shares: draft -> (nominations) -> open -> closed -> counted -> published. */
public enum ContestState {
    DRAFT, NOMINATIONS, OPEN, CLOSED, COUNTED, PUBLISHED;

    @JsonValue
    public String key() {
        return EnumKeys.key(this);
    }

    /** The states this one may move to (an uncontested election goes from open-ready to counted). */
    public Set<ContestState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(NOMINATIONS, OPEN);
            case NOMINATIONS -> EnumSet.of(OPEN);
            case OPEN -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.of(COUNTED);
            case COUNTED -> EnumSet.of(PUBLISHED);
            case PUBLISHED -> EnumSet.noneOf(ContestState.class);
        };
    }

    public boolean beforeVoting() {
        return this == DRAFT || this == NOMINATIONS;
    }

    public boolean afterVoting() {
        return this == CLOSED || this == COUNTED || this == PUBLISHED;
    }
}
