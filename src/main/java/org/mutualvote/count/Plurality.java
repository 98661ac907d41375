package org.mutualvote.count;

import java.util.List;

/** First past the post; with N seats a block vote, each ballot giving one vote to each of its first N preferences. */
final class Plurality {

    private Plurality() {
    }

    static CountResult count(Prepared input, long seed) {
        Tally t = new Tally(input.profile(), Rule.FPTP, seed, Tally.Lookback.NONE);
        int seats = input.profile().seats();
        Rankings rankings = input.rankings();
        for (int r = 0; r < rankings.size(); r++) {
            for (int i = 0; i < Math.min(seats, rankings.length(r)); i++) {
                t.votes[rankings.at(r, i)] += input.counts()[r];
            }
        }
        List<Integer> hopeful = t.hopeful();
        List<Integer> order = t.byVotesDescending(hopeful, "a seat");
        List<Integer> winners = order.subList(0, Math.min(seats, order.size()));
        for (int c : winners) {
            t.elect(c);
        }
        t.stage(seats == 1 ? "Votes" : "Votes (each ballot's first " + seats + " preferences)", winners, List.of());
        return t.result();
    }
}
