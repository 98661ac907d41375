package org.mutualvote.election;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

final class ElectionConverters {

    private ElectionConverters() {
    }

    @Converter
    static class MethodConverter implements AttributeConverter<ElectionMethod, String> {
        @Override
        public String convertToDatabaseColumn(ElectionMethod m) {
            return m == null ? null : m.key();
        }

        @Override
        public ElectionMethod convertToEntityAttribute(String key) {
            return key == null ? null : ElectionMethod.parse(key);
        }
    }

    @Converter
    static class RuleConverter implements AttributeConverter<StvRule, String> {
        @Override
        public String convertToDatabaseColumn(StvRule r) {
            return r == null ? null : r.key();
        }

        @Override
        public StvRule convertToEntityAttribute(String key) {
            return key == null ? null : StvRule.parse(key);
        }
    }
}
