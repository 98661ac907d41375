package org.mutualvote.count;

import java.util.List;

/**
 * Single-seat instant runoff: a candidate with more than half of the continuing votes wins; otherwise
 * the candidate with fewest votes is excluded (ties by the most recent stage they differed, then lot).
 */
final class InstantRunoff {

    private InstantRunoff() {
    }

    static CountResult count(Prepared input, long seed) {
        if (input.profile().seats() != 1) {
            throw new IllegalArgumentException("irv fills one seat; use an stv rule for " + input.profile().seats());
        }
        Tally t = new Tally(input.profile(), Rule.IRV, seed, Tally.Lookback.MOST_RECENT_STAGE);
        Papers papers = t.firstPreferences(input);
        t.stage("First preferences", List.of(), List.of());
        while (true) {
            List<Integer> hopeful = t.hopeful();
            long active = 0;
            for (int c : hopeful) {
                active += t.votes[c];
            }
            int leader = t.pick(hopeful, true, t.votes, "first place");
            if (hopeful.size() == 1 || 2 * t.votes[leader] > active) {
                t.elect(leader);
                t.creditLastStage(List.of(leader), t.name(leader) + " elected: "
                        + (hopeful.size() == 1 ? "the last candidate continuing" : "more than half of the continuing votes"));
                return t.result();
            }
            int lowest = t.pick(hopeful, false, t.votes, "exclusion");
            t.exclude(lowest);
            t.transferAll(papers, lowest);
            t.stage("Exclusion of " + t.name(lowest), List.of(), List.of(lowest));
        }
    }
}
