package org.mutualvote.count;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The counting rules, each with the decimal places its arithmetic keeps. */
public enum Rule {
    /** Plurality on the first usable preference; with N seats, a block vote on the first N. */
    FPTP(0),
    /** Single-seat instant runoff. */
    IRV(0),
    /** Scottish STV, SSI 2007/42 Schedule 1 rules 45-52: weighted inclusive Gregory, 5 dp, truncation. */
    SCOTLAND(5),
    /** The Electoral Reform Society's 1997 rules: 2 dp, last parcel, deferred surpluses, bulk exclusion. */
    ERS97(2),
    /**
     * Northern Ireland local elections rules 1985 (rules 47-52), the count of NHS foundation trusts' model election
     * rules: 2 dp, whole-vote quota, last sub-parcel surpluses, deferral, bulk exclusion, earliest-stage ties.
     */
    NI85(2),
    /** The Proportional Representation Foundation's reference Meek rule: 9 dp, omega 10^-6. */
    MEEK(9),
    /** The Proportional Representation Foundation's reference weighted inclusive Gregory rule: 4 dp. */
    WIGM(4);

    private final int places;

    Rule(int places) {
        this.places = places;
    }

    /** Decimal places of the rule's fixed-point arithmetic. */
    public int places() {
        return places;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Rule parse(String key) {
        for (Rule r : values()) {
            if (r.key().equalsIgnoreCase(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rule '" + key + "': use one of "
                + Arrays.stream(values()).map(Rule::key).collect(Collectors.joining(", ")));
    }
}
