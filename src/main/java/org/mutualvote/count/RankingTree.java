package org.mutualvote.count;

import java.util.Arrays;

/**
 * The distinct rankings as a tree of shared beginnings, laid out in preorder: node {@code i} is a candidate
 * reached by every ranking that starts with the path to it, at depth {@code depth[i]} (the root's children are
 * at depth 1), with the papers that pass through it; its subtree ends just before {@code end[i]}.
 *
 * <p>A rule that sends every paper down its ranking many times (Meek) walks this array from left to right
 * instead of a million rankings: rankings that begin alike are walked once, and where the walk stops for a
 * paper (at its first hopeful candidate) it skips that node's whole subtree. The arithmetic per paper is the
 * same, since every paper reaching a node arrives there with the same value.
 */
final class RankingTree {

    int[] candidate;
    int[] depth;
    long[] papers;
    int[] end;
    /** For a leaf, the ranking whose rest it stands for (read from {@link #rankings}); -1 for other nodes. */
    int[] leaf;
    final Rankings rankings;
    /** Nodes in use; node 0 is the root, which stands for no candidate. */
    int size = 1;
    /** The longest ranking. */
    int longest;
    final long totalPapers;

    RankingTree(Rankings rankings, long[] counts, int candidates) {
        this.rankings = rankings;
        int capacity = Math.max(16, rankings.size() * 2);
        candidate = new int[capacity];
        depth = new int[capacity];
        papers = new long[capacity];
        end = new int[capacity];
        leaf = new int[capacity];
        candidate[0] = -1;
        leaf[0] = -1;
        int[] order = new int[rankings.size()];
        long total = 0;
        for (int r = 0; r < order.length; r++) {
            order[r] = r;
            total += counts[r];
        }
        totalPapers = total;
        papers[0] = total;
        new Builder(rankings, counts, candidates, order).children(0, order.length, 0);
        end[0] = size;
    }

    /** Sorts the rankings by their next preference, level by level (a most-significant-digit radix sort). */
    private final class Builder {
        final Rankings rankings;
        final long[] counts;
        final int[] order;
        final int[] scratch;
        final int[] keys;
        final int candidates;
        /** Bucket bounds for each depth, reused: a depth's are done with before the next group at it starts. */
        int[][] startAt = new int[16][];

        Builder(Rankings rankings, long[] counts, int candidates, int[] order) {
            this.rankings = rankings;
            this.counts = counts;
            this.order = order;
            this.scratch = new int[order.length];
            this.keys = new int[order.length];
            this.candidates = candidates;
        }

        /** Adds, as children of the path so far, the nodes for position {@code d} of rankings {@code order[from..to)}. */
        void children(int from, int to, int d) {
            // Rankings that end here come first; the rest are grouped by their candidate at position d.
            if (d == startAt.length) {
                startAt = Arrays.copyOf(startAt, d * 2);
            }
            if (startAt[d] == null) {
                startAt[d] = new int[candidates + 2];
            }
            int[] start = startAt[d];
            Arrays.fill(start, 0);
            for (int k = from; k < to; k++) {
                int r = order[k];
                int bucket = rankings.length(r) > d ? rankings.at(r, d) + 2 : 0;
                keys[k] = bucket;
                start[bucket]++;
            }
            for (int b = 1; b < start.length; b++) {
                start[b] += start[b - 1];
            }
            // start[b] is now where bucket b ends; walk back to fill each bucket in a stable order.
            for (int k = to - 1; k >= from; k--) {
                scratch[from + --start[keys[k]]] = order[k];
            }
            System.arraycopy(scratch, from, order, from, to - from);
            for (int b = 2; b < start.length; b++) {
                int lo = from + start[b];
                int hi = b + 1 < start.length ? from + start[b + 1] : to;
                if (hi - lo == 1) {
                    leaf(order[lo], d);
                } else if (lo < hi) {
                    int node = add(b - 2, d + 1);
                    for (int k = lo; k < hi; k++) {
                        papers[node] += counts[order[k]];
                    }
                    children(lo, hi, d + 1);
                    end[node] = size;
                }
            }
        }

        /**
         * A single ranking from position {@code d} on: one leaf node for its candidate at {@code d}, which
         * points at the ranking for the rest (a chain of nodes, each the only child of the one before, would
         * cost a node per preference and say nothing more).
         */
        private void leaf(int r, int d) {
            int node = add(rankings.at(r, d), d + 1);
            papers[node] = counts[r];
            leaf[node] = r;
            end[node] = size;
        }
    }

    private int add(int c, int level) {
        if (size == candidate.length) {
            int n = size * 2;
            candidate = Arrays.copyOf(candidate, n);
            depth = Arrays.copyOf(depth, n);
            papers = Arrays.copyOf(papers, n);
            end = Arrays.copyOf(end, n);
            leaf = Arrays.copyOf(leaf, n);
        }
        candidate[size] = c;
        leaf[size] = -1;
        depth[size] = level;
        longest = Math.max(longest, level);
        return size++;
    }
}
