package org.mutualvote.membership;

import jakarta.persistence.Converter;

import org.mutualvote.web.EnumKeys;

/** Store enums by their lower-case key, as the migrations' check constraints expect. */
final class KindConverters {

    private KindConverters() {
    }

    @Converter(autoApply = true)
    static class ConstituencyKindConverter extends EnumKeys.Converter<ConstituencyKind> {
        ConstituencyKindConverter() {
            super(ConstituencyKind.class);
        }
    }

    @Converter(autoApply = true)
    static class MemberStatusConverter extends EnumKeys.Converter<MemberStatus> {
        MemberStatusConverter() {
            super(MemberStatus.class);
        }
    }
}
