package org.mutualvote.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;

/**
 * Enums travel as their lower-case names: in JSON, and in the columns that the migrations' check
 * constraints guard. One home for both directions, so every enum reads and writes the same way.
 */
public final class EnumKeys {

    private EnumKeys() {
    }

    public static String key(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Parses a key, ignoring case; an unknown one names the field and every valid key. */
    public static <E extends Enum<E>> E parse(Class<E> type, String key, String field) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(key)) {
                return e;
            }
        }
        throw new IllegalArgumentException(field + " must be one of "
                + Arrays.stream(type.getEnumConstants()).map(EnumKeys::key).collect(Collectors.joining(", ")));
    }

    /** A JPA converter storing an enum by its key; subclasses only name the enum. */
    public abstract static class Converter<E extends Enum<E>> implements AttributeConverter<E, String> {

        private final Class<E> type;

        protected Converter(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : key(value);
        }

        @Override
        public E convertToEntityAttribute(String key) {
            return key == null ? null : parse(type, key, type.getSimpleName());
        }
    }
}
