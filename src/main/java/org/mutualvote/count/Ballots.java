package org.mutualvote.count;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Ballots kept compactly: every ranking end to end in one int array, with where each starts and its weight.
 * A million ballots take about 50 MB here against about 500 MB as a list of {@link Ballot} objects, and
 * reading them back touches memory in order. The list reads as {@link Ballot}s, each made when asked for.
 */
public final class Ballots extends AbstractList<Ballot> implements RandomAccess {

    private int[] candidates;
    private int[] starts;
    private long[] weights;
    private int size;

    public Ballots() {
        this(16, 64);
    }

    public Ballots(int expectedBallots, int expectedPreferences) {
        candidates = new int[Math.max(expectedPreferences, 1)];
        starts = new int[Math.max(expectedBallots, 1) + 1];
        weights = new long[Math.max(expectedBallots, 1)];
    }

    /** The ballots of a list, compact; a list already compact is returned as it is. */
    public static Ballots of(List<Ballot> list) {
        if (list instanceof Ballots compact) {
            return compact;
        }
        Ballots b = new Ballots(list.size(), list.size() * 4);
        for (Ballot ballot : list) {
            b.add(ballot.weight(), ballot.ranking(), 0, ballot.ranking().length);
        }
        return b;
    }

    /** Adds a ballot of {@code weight} papers ranking {@code ranking[from..from+length)} (0-based candidates). */
    public void add(long weight, int[] ranking, int from, int length) {
        if (size == weights.length) {
            weights = Arrays.copyOf(weights, size * 2);
            starts = Arrays.copyOf(starts, size * 2 + 1);
        }
        int end = starts[size] + length;
        if (end > candidates.length) {
            candidates = Arrays.copyOf(candidates, Math.max(end, candidates.length + candidates.length / 2));
        }
        System.arraycopy(ranking, from, candidates, starts[size], length);
        weights[size] = weight;
        starts[++size] = end;
    }

    @Override
    public boolean add(Ballot ballot) {
        add(ballot.weight(), ballot.ranking(), 0, ballot.ranking().length);
        return true;
    }

    @Override
    public Ballot get(int i) {
        return new Ballot(weight(i), Arrays.copyOfRange(candidates, start(i), start(i + 1)));
    }

    @Override
    public int size() {
        return size;
    }

    long weight(int i) {
        check(i);
        return weights[i];
    }

    /** Where ballot {@code i}'s ranking starts in {@link #rankings()}; it ends where ballot {@code i + 1}'s starts. */
    int start(int i) {
        if (i < 0 || i > size) {
            throw new IndexOutOfBoundsException(i);
        }
        return starts[i];
    }

    /** Every ranking end to end (read only; the array may be longer than the rankings). */
    int[] rankings() {
        return candidates;
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
    }
}
