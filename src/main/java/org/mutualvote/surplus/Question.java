package org.mutualvote.surplus;

import java.util.List;

/**
 * What a surplus vote asks, as drafted by the board and frozen when voting opens: the pots in order,
 * the rule-book limits, and (for the proposals form) the fixed allocations members rank.
 */
public record Question(List<Pot> pots, Limits limits, List<Proposal> proposals) {

    public record Pot(String name, String kind) {
    }

    /** A fixed allocation: whole percents per pot, in pot order. */
    public record Proposal(String title, int[] percents) {
    }

    public List<String> names() {
        return pots.stream().map(Pot::name).toList();
    }

    public List<PotKind> kinds() {
        return pots.stream().map(p -> PotKind.parse(p.kind())).toList();
    }
}
