package org.mutualvote.contest;

import jakarta.persistence.Converter;

import org.mutualvote.web.EnumKeys;

/** Store the contest enums by their keys, as the migration's check constraints expect. */
final class EnumKeyConverters {

    private EnumKeyConverters() {
    }

    @Converter(autoApply = true)
    static class StateConverter extends EnumKeys.Converter<ContestState> {
        StateConverter() {
            super(ContestState.class);
        }
    }

    @Converter(autoApply = true)
    static class KindConverter extends EnumKeys.Converter<ContestKind> {
        KindConverter() {
            super(ContestKind.class);
        }
    }
}
