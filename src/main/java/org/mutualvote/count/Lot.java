package org.mutualvote.count;

import java.util.List;

/**
 * Drawing lots from a seed: SplitMix64, written out here so a recount on any JVM draws the same.
 * Candidates in a tie are drawn from in ascending index order.
 */
final class Lot {

    private long state;

    Lot(long seed) {
        this.state = seed;
    }

    long next() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Picks one of the tied candidates (given in ascending order). */
    int draw(List<Integer> tied) {
        return tied.get((int) Long.remainderUnsigned(next(), tied.size()));
    }
}
