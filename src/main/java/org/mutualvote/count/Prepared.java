package org.mutualvote.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ballots made ready to count: withdrawn candidates dropped from each ranking, identical rankings
 * merged with their papers counted, and empty ballots set aside (they count towards no quota).
 */
record Prepared(Profile profile, int[][] rankings, long[] counts, long empty) {

    private record Key(int[] ranking) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(ranking, k.ranking);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ranking);
        }
    }

    static Prepared of(Profile e) {
        int n = e.candidates().size();
        if (e.seats() < 1) {
            throw new IllegalArgumentException("seats must be at least 1, not " + e.seats());
        }
        for (int w : e.withdrawn()) {
            if (w < 0 || w >= n) {
                throw new IllegalArgumentException("withdrawn candidate " + (w + 1) + " does not exist");
            }
        }
        Map<Key, Integer> ids = new HashMap<>();
        List<int[]> rankings = new ArrayList<>();
        long[] counts = new long[16];
        long empty = 0;
        boolean[] seen = new boolean[n];
        for (int b = 0; b < e.ballots().size(); b++) {
            Ballot ballot = e.ballots().get(b);
            if (ballot.weight() < 0) {
                throw new IllegalArgumentException("ballot " + (b + 1) + " has a negative weight");
            }
            int[] r = ballot.ranking();
            Arrays.fill(seen, false);
            int kept = 0;
            int[] usable = new int[r.length];
            for (int c : r) {
                if (c < 0 || c >= n) {
                    throw new IllegalArgumentException("ballot " + (b + 1) + " ranks candidate " + (c + 1)
                            + ", but there are " + n);
                }
                if (seen[c]) {
                    throw new IllegalArgumentException("ballot " + (b + 1) + " ranks candidate " + (c + 1) + " twice");
                }
                seen[c] = true;
                if (!e.withdrawn().contains(c)) {
                    usable[kept++] = c;
                }
            }
            if (ballot.weight() == 0) {
                continue;
            }
            if (kept == 0) {
                empty += ballot.weight();
                continue;
            }
            int[] key = kept == usable.length ? usable : Arrays.copyOf(usable, kept);
            Integer id = ids.get(new Key(key));
            if (id == null) {
                id = rankings.size();
                ids.put(new Key(key), id);
                rankings.add(key);
                if (id == counts.length) {
                    counts = Arrays.copyOf(counts, id * 2);
                }
            }
            counts[id] += ballot.weight();
        }
        return new Prepared(e, rankings.toArray(new int[0][]), Arrays.copyOf(counts, rankings.size()), empty);
    }
}
