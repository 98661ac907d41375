package org.mutualvote.election.rejected;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The reasons rule 46(1) gives for rejecting a ballot paper, each with the words the statement prints. */
public enum RejectionReason {
    /** (a) it does not bear the official mark. */
    NO_OFFICIAL_MARK("does not bear the official mark"),
    /** (b) no figure 1 standing alone marks a first preference for some candidate. */
    NO_FIRST_PREFERENCE("no first preference marked"),
    /** (c) the figure 1 standing alone is set against more than one candidate. */
    FIRST_PREFERENCE_FOR_TWO("first preference for more than one candidate"),
    /** (d) anything written or marked by which the voter can be identified. */
    VOTER_IDENTIFIABLE("voter can be identified"),
    /** (e) unmarked, or void for uncertainty. */
    VOID_FOR_UNCERTAINTY("unmarked or void for uncertainty");

    private final String words;

    RejectionReason(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static RejectionReason parse(String key) {
        for (RejectionReason r : values()) {
            if (r.key().equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a reason of rule 46: use " + keys());
    }

    /** Every reason's key, in rule 46's order: "want-of-official-mark, ...". */
    static String keys() {
        return Arrays.stream(values()).map(RejectionReason::key).collect(Collectors.joining(", "));
    }
}
