package org.mutualvote.count;

/**
 * Distinct rankings end to end in one array: ranking {@code r} is {@code preferences[start(r)..end(r))},
 * 0-based candidates, most preferred first. One array instead of a small one per ranking: a million rankings
 * are one allocation, and walking them reads memory in order.
 */
record Rankings(int[] preferences, int[] starts, int size) {

    int start(int r) {
        return starts[r];
    }

    int end(int r) {
        return starts[r + 1];
    }

    int length(int r) {
        return starts[r + 1] - starts[r];
    }

    /** The {@code k}-th preference of ranking {@code r} (from 0). */
    int at(int r, int k) {
        return preferences[starts[r] + k];
    }
}
