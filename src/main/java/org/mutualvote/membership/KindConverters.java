package org.mutualvote.membership;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Store enums by their lower-case key, as the migrations' check constraints expect. */
final class KindConverters {

    private KindConverters() {
    }

    @Converter(autoApply = true)
    static class ConstituencyKindConverter implements AttributeConverter<ConstituencyKind, String> {
        @Override
        public String convertToDatabaseColumn(ConstituencyKind kind) {
            return kind == null ? null : kind.key();
        }

        @Override
        public ConstituencyKind convertToEntityAttribute(String key) {
            return key == null ? null : ConstituencyKind.parse(key);
        }
    }

    @Converter(autoApply = true)
    static class MemberStatusConverter implements AttributeConverter<MemberStatus, String> {
        @Override
        public String convertToDatabaseColumn(MemberStatus status) {
            return status == null ? null : status.key();
        }

        @Override
        public MemberStatus convertToEntityAttribute(String key) {
            return key == null ? null : MemberStatus.parse(key);
        }
    }
}
