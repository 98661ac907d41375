package org.mutualvote.surplus;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a pot is for, as far as the rule-book limits care: reserves, dividends to members or to investors, or other. */
public enum PotKind {
    RESERVE, MEMBER_DIVIDEND, INVESTOR_DIVIDEND, OTHER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean dividend() {
        return this == MEMBER_DIVIDEND || this == INVESTOR_DIVIDEND;
    }

    /** The kind with that key, or null. */
    public static PotKind parse(String key) {
        for (PotKind k : values()) {
            if (k.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
                return k;
            }
        }
        return null;
    }

    public static String keys() {
        return Arrays.stream(values()).map(PotKind::key).collect(Collectors.joining(", "));
    }
}
