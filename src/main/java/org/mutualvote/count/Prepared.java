package org.mutualvote.count;

import java.util.Arrays;

/**
 * Ballots made ready to count: withdrawn candidates dropped from each ranking, identical rankings
 * merged with their papers counted, and empty ballots set aside (they count towards no quota).
 */
record Prepared(Profile profile, Rankings rankings, long[] counts, long empty) {

    static Prepared of(Profile e) {
        int n = e.candidates().size();
        if (e.seats() < 1) {
            throw new IllegalArgumentException("seats must be at least 1, not " + e.seats());
        }
        boolean[] withdrawn = new boolean[n];
        for (int w : e.withdrawn()) {
            if (w < 0 || w >= n) {
                throw new IllegalArgumentException("withdrawn candidate " + (w + 1) + " does not exist");
            }
            withdrawn[w] = true;
        }
        Ballots ballots = (Ballots) e.ballots();
        int[] all = ballots.rankings();
        Distinct distinct = new Distinct(ballots.size(), ballots.start(ballots.size()));
        long empty = 0;
        // Which ballot last ranked each candidate: a repeat within one ballot is found without clearing an array.
        int[] lastSeenIn = new int[n];
        Arrays.fill(lastSeenIn, -1);
        int[] usable = new int[n];
        for (int b = 0; b < ballots.size(); b++) {
            long weight = ballots.weight(b);
            if (weight < 0) {
                throw new IllegalArgumentException("ballot " + (b + 1) + " has a negative weight");
            }
            int kept = 0;
            for (int i = ballots.start(b), end = ballots.start(b + 1); i < end; i++) {
                int c = all[i];
                if (c < 0 || c >= n) {
                    throw new IllegalArgumentException("ballot " + (b + 1) + " ranks candidate " + (c + 1)
                            + ", but there are " + n);
                }
                if (lastSeenIn[c] == b) {
                    throw new IllegalArgumentException("ballot " + (b + 1) + " ranks candidate " + (c + 1) + " twice");
                }
                lastSeenIn[c] = b;
                if (!withdrawn[c]) {
                    usable[kept++] = c;
                }
            }
            if (weight == 0) {
                continue;
            }
            if (kept == 0) {
                empty += weight;
                continue;
            }
            distinct.add(usable, kept, weight);
        }
        return new Prepared(e, distinct.rankings(), distinct.counts(), empty);
    }

    /**
     * Distinct rankings with their papers: an open-addressing table of ids whose rankings sit end to end in
     * one array, so a million ballots are merged without a million keys.
     */
    private static final class Distinct {
        /** Pairs (id, hash) by slot, side by side so that a probe reads one place in memory; id -1 is free. */
        private int[] table;
        private int[] arena;
        private int[] starts;
        private long[] counts;
        private int size;

        /** Room for {@code expected} rankings of {@code preferences} preferences in all, at most: nothing grows. */
        Distinct(int expected, int preferences) {
            table = new int[Integer.highestOneBit(Math.max(expected, 8) * 2 - 1) << 2];
            Arrays.fill(table, -1);
            arena = new int[Math.max(preferences, 8)];
            starts = new int[Math.max(expected, 8) + 1];
            counts = new long[Math.max(expected, 8)];
        }

        void add(int[] ranking, int length, long weight) {
            int hash = 1;
            for (int i = 0; i < length; i++) {
                hash = 31 * hash + ranking[i];
            }
            int mask = table.length / 2 - 1;
            int slot = mix(hash) & mask;
            for (int id = table[2 * slot]; id >= 0; id = table[2 * slot]) {
                if (table[2 * slot + 1] == hash && same(id, ranking, length)) {
                    counts[id] += weight;
                    return;
                }
                slot = (slot + 1) & mask;
            }
            if (size == counts.length) {
                counts = Arrays.copyOf(counts, size * 2);
                starts = Arrays.copyOf(starts, size * 2 + 1);
            }
            int end = starts[size] + length;
            if (end > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(end, arena.length * 2));
            }
            System.arraycopy(ranking, 0, arena, starts[size], length);
            starts[size + 1] = end;
            counts[size] = weight;
            table[2 * slot] = size++;
            table[2 * slot + 1] = hash;
            if (size * 4 > table.length) {
                grow();
            }
        }

        private boolean same(int id, int[] ranking, int length) {
            int from = starts[id];
            return starts[id + 1] - from == length && Arrays.equals(arena, from, from + length, ranking, 0, length);
        }

        private void grow() {
            int[] bigger = new int[table.length * 2];
            Arrays.fill(bigger, -1);
            int mask = bigger.length / 2 - 1;
            for (int old = 0; old < table.length; old += 2) {
                if (table[old] >= 0) {
                    int slot = mix(table[old + 1]) & mask;
                    while (bigger[2 * slot] >= 0) {
                        slot = (slot + 1) & mask;
                    }
                    bigger[2 * slot] = table[old];
                    bigger[2 * slot + 1] = table[old + 1];
                }
            }
            table = bigger;
        }

        private static int mix(int h) {
            h *= 0x9E3779B9;
            return h ^ (h >>> 16);
        }

        Rankings rankings() {
            return new Rankings(arena, starts, size);
        }

        long[] counts() {
            return Arrays.copyOf(counts, size);
        }
    }
}
