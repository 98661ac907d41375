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
        if (input.election().seats() != 1) {
            throw new IllegalArgumentException("irv fills one seat; use an stv rule for " + input.election().seats());
        }
        Tally t = new Tally(input.election(), Rule.IRV, seed, Tally.Lookback.MOST_RECENT_STAGE);
        Papers papers = new Papers(input.rankings(), t.n);
        for (int r = 0; r < input.rankings().length; r++) {
            int first = input.rankings()[r][0];
            papers.held[first].add(papers.add(r, input.counts()[r], 1, 0, 1));
            t.votes[first] += input.counts()[r];
        }
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
            Papers.IntList held = papers.held[lowest];
            for (int i = 0; i < held.size; i++) {
                int p = held.items[i];
                int next = papers.advance(p, t.continuing);
                if (next < 0) {
                    t.nonTransferable += papers.count[p];
                } else {
                    t.votes[next] += papers.count[p];
                    papers.held[next].add(p);
                }
            }
            held.clear();
            t.votes[lowest] = 0;
            t.stage("Exclusion of " + t.name(lowest), List.of(), List.of(lowest));
        }
    }
}
