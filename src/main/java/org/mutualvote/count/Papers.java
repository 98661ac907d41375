package org.mutualvote.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * Parcels of identical papers: which ranking, how many papers, the value of each (scaled), which
 * preference they currently sit at and the stage they arrived. Parcels move whole between candidates.
 */
final class Papers {

    /** The arrival mark of a candidate's own first preferences; every later transfer marks its papers higher. */
    static final int FIRST_PREFERENCES = 1;

    final Rankings rankings;
    /** Every ranking's preferences end to end; a parcel's {@code pos} is its place in this array. */
    private final int[] preferences;
    int size;
    int[] ranking = new int[16];
    long[] count = new long[16];
    long[] value = new long[16];
    int[] pos = new int[16];
    int[] arrived = new int[16];
    final IntList[] held;

    Papers(Rankings rankings, int candidates) {
        this.rankings = rankings;
        this.preferences = rankings.preferences();
        held = new IntList[candidates];
        for (int i = 0; i < candidates; i++) {
            held[i] = new IntList();
        }
    }

    int add(int rankingId, long papers, long paperValue, int position, int stage) {
        if (size == ranking.length) {
            int n = size * 2;
            ranking = Arrays.copyOf(ranking, n);
            count = Arrays.copyOf(count, n);
            value = Arrays.copyOf(value, n);
            pos = Arrays.copyOf(pos, n);
            arrived = Arrays.copyOf(arrived, n);
        }
        ranking[size] = rankingId;
        count[size] = papers;
        value[size] = paperValue;
        pos[size] = position;
        arrived[size] = stage;
        return size++;
    }

    /** Moves the parcel on to its next preference that is still continuing; returns that candidate or -1. */
    int advance(int parcel, boolean[] continuing) {
        int end = rankings.end(ranking[parcel]);
        int p = pos[parcel] + 1;
        while (p < end && !continuing[preferences[p]]) {
            p++;
        }
        pos[parcel] = p;
        return p < end ? preferences[p] : -1;
    }

    /** The candidate the parcel would move on to (its next preference still continuing), or -1; it does not move. */
    int next(int parcel, boolean[] continuing) {
        for (int i = pos[parcel] + 1, end = rankings.end(ranking[parcel]); i < end; i++) {
            if (continuing[preferences[i]]) {
                return preferences[i];
            }
        }
        return -1;
    }

    /**
     * The papers {@code c} received last (those with its latest arrival mark), from which ERS97 (5.3) and NI85 (rule
     * 49) both take a surplus. They arrived together, so they carry one {@code value}; {@code transferable} counts
     * those with a next continuing preference, and {@code rest} holds the candidate's other papers.
     */
    record Parcel(int arrival, List<Integer> papers, IntList rest, long transferable, long value) {
    }

    Parcel lastParcel(int c, boolean[] continuing) {
        IntList all = held[c];
        int last = FIRST_PREFERENCES;
        for (int i = 0; i < all.size; i++) {
            last = Math.max(last, arrived[all.items[i]]);
        }
        List<Integer> parcel = new ArrayList<>();
        IntList rest = new IntList();
        long transferable = 0;
        long parcelValue = 0;
        for (int i = 0; i < all.size; i++) {
            int p = all.items[i];
            if (arrived[p] == last) {
                parcel.add(p);
                parcelValue = value[p];
                if (next(p, continuing) >= 0) {
                    transferable += count[p];
                }
            } else {
                rest.add(p);
            }
        }
        return new Parcel(last, parcel, rest, transferable, parcelValue);
    }

    /** The distinct values of the papers the {@code candidates} hold that {@code which} picks, highest first. */
    List<Long> valuesDescending(List<Integer> candidates, IntPredicate which) {
        TreeSet<Long> values = new TreeSet<>();
        for (int c : candidates) {
            for (int i = 0; i < held[c].size; i++) {
                int p = held[c].items[i];
                if (which.test(p)) {
                    values.add(value[p]);
                }
            }
        }
        return new ArrayList<>(values.descendingSet());
    }

    /** A growable list of ints, to keep a million parcels without boxing. */
    static final class IntList {
        int[] items = new int[8];
        int size;

        void add(int v) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = v;
        }

        void clear() {
            size = 0;
        }
    }
}
