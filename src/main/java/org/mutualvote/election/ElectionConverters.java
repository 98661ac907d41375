package org.mutualvote.election;

import jakarta.persistence.Converter;

import org.mutualvote.web.EnumKeys;

/** The election enums as stored: by their keys. */
final class ElectionConverters {

    private ElectionConverters() {
    }

    @Converter
    static class MethodConverter extends EnumKeys.Converter<ElectionMethod> {
        MethodConverter() {
            super(ElectionMethod.class);
        }
    }

    @Converter
    static class RuleConverter extends EnumKeys.Converter<StvRule> {
        RuleConverter() {
            super(StvRule.class);
        }
    }
}
