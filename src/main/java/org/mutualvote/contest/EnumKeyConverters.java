package org.mutualvote.contest;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Store the contest enums by their lower-case key, as the migration's check constraints expect. */
final class EnumKeyConverters {

    private EnumKeyConverters() {
    }

    @Converter(autoApply = true)
    static class StateConverter implements AttributeConverter<ContestState, String> {
        @Override
        public String convertToDatabaseColumn(ContestState s) {
            return s == null ? null : s.key();
        }

        @Override
        public ContestState convertToEntityAttribute(String key) {
            return key == null ? null : ContestState.parse(key);
        }
    }

    @Converter(autoApply = true)
    static class KindConverter implements AttributeConverter<ContestKind, String> {
        @Override
        public String convertToDatabaseColumn(ContestKind k) {
            return k == null ? null : k.key();
        }

        @Override
        public ContestKind convertToEntityAttribute(String key) {
            return key == null ? null : ContestKind.valueOf(key.toUpperCase());
        }
    }
}
