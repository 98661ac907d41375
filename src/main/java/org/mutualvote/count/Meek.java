package org.mutualvote.count;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The PRF reference Meek rule: 9 dp fixed point, omega 10^-6. Each elected candidate keeps a fraction
 * (keep factor) of every vote reaching them and passes the rest on; keep factors are iterated until the
 * total surplus is under omega or stops falling, then the lowest candidate is defeated (ties by lot).
 */
final class Meek {

    private static final long OMEGA = 1_000; // 10^-6 at 9 places

    private final Tally t;
    private final RankingTree tree;
    private final long[] keep;
    private long excess;
    private long iterations;

    private Meek(Prepared input, long seed) {
        this.tree = new RankingTree(input.rankings(), input.counts(), input.profile().candidates().size());
        this.t = new Tally(input.profile(), Rule.MEEK, seed, Tally.Lookback.NONE);
        this.keep = new long[t.n];
        for (int c = 0; c < t.n; c++) {
            keep[c] = t.status[c] == Tally.Status.EXCLUDED ? 0 : t.scale;
        }
    }

    static CountResult count(Prepared input, long seed) {
        return new Meek(input, seed).run();
    }

    private CountResult run() {
        distribute();
        t.stage("First preferences", List.of(), List.of());
        while (true) {
            if (t.seatsLeft() == 0) {
                break;
            }
            List<Integer> hopeful = t.hopeful();
            if (hopeful.size() <= t.seatsLeft()) {
                t.electRemaining(hopeful);
                break;
            }
            long lastSurplus = Long.MAX_VALUE;
            long surplus = 0;
            List<Integer> reached = List.of();
            String why = null;
            long before = iterations;
            while (true) {
                distribute();
                reached = t.reachedQuota();
                if (!reached.isEmpty()) {
                    break;
                }
                surplus = 0;
                for (int c : t.elected) {
                    surplus += t.votes[c] - t.quota;
                }
                surplus = Math.max(0, surplus);
                if (surplus < OMEGA) {
                    why = "surplus " + Decimal.format(surplus, 9) + " < omega";
                    break;
                }
                if (surplus >= lastSurplus) {
                    why = "surplus " + Decimal.format(surplus, 9) + " stable";
                    break;
                }
                lastSurplus = surplus;
                updateKeepFactors();
            }
            t.note((iterations - before) + " iterations; quota " + Decimal.format(t.quota, 9));
            if (!reached.isEmpty()) {
                // Candidates reaching the quota together are elected in ballot order (droop's PRF reference does).
                List<Integer> ordered = reached;
                for (int c : ordered) {
                    t.elect(c);
                }
                t.stage("Elected " + t.names(ordered), ordered, List.of());
            } else {
                int c = lowest(surplus);
                t.exclude(c);
                keep[c] = 0;
                t.note(why);
                t.stage("Defeat of " + t.name(c), List.of(), List.of(c));
            }
        }
        return t.result();
    }

    /**
     * The candidate to defeat: the lowest, where every hopeful candidate within the total surplus of the
     * lowest counts as tied with it (the surplus could still reorder them), and a tie is decided by lot.
     */
    private int lowest(long surplus) {
        List<Integer> hopeful = t.hopeful();
        long min = Long.MAX_VALUE;
        for (int c : hopeful) {
            min = Math.min(min, t.votes[c]);
        }
        List<Integer> tied = new ArrayList<>();
        for (int c : hopeful) {
            if (t.votes[c] - min <= surplus) {
                tied.add(c);
            }
        }
        if (tied.size() == 1) {
            return tied.get(0);
        }
        int chosen = t.lot.draw(tied);
        t.note("tie for defeat between " + t.names(tied) + " (within the surplus of each other) broken by lot: " + t.name(chosen));
        return chosen;
    }

    /**
     * Sends every ballot down its ranking: each elected candidate keeps its share, the rest flows on. Papers
     * that begin their rankings alike carry the same value to the same point, so they travel together down
     * the {@link RankingTree}; they stop at their first hopeful candidate, and what is left when a ranking
     * ends is lost. Every paper's value is shared out whole, so what was lost is all that was not kept.
     */
    private void distribute() {
        iterations++;
        long[] votes = t.votes;
        Arrays.fill(votes, 0);
        long scale = t.scale;
        Tally.Status[] status = t.status;
        RankingTree tree = this.tree;
        int[] candidate = tree.candidate;
        int[] depth = tree.depth;
        long[] papers = tree.papers;
        int[] end = tree.end;
        int[] leaf = tree.leaf;
        // The value a paper carries as it leaves the node the walk last passed at each depth.
        long[] valueAt = new long[tree.longest + 1];
        valueAt[0] = scale;
        int i = 1;
        while (i < tree.size) {
            int c = candidate[i];
            int d = depth[i];
            long w = valueAt[d - 1];
            Tally.Status s = status[c];
            if (s == Tally.Status.HOPEFUL) {
                votes[c] += papers[i] * w;
                i = end[i];
                continue;
            }
            if (s == Tally.Status.ELECTED) {
                long kept = Math.min(w, ceilDiv(w * keep[c], scale));
                votes[c] += papers[i] * kept;
                w -= kept;
                if (w == 0) {
                    i = end[i];
                    continue;
                }
            }
            if (leaf[i] >= 0) {
                w = rest(tree.rankings, leaf[i], d, papers[i], w);
                i = end[i];
                continue;
            }
            valueAt[d] = w;
            i++;
        }
        long shared = 0;
        for (long v : votes) {
            shared += v;
        }
        long total = tree.totalPapers * scale;
        excess = total - shared;
        t.nonTransferable = excess;
        t.quota = (total - excess) / (t.profile.seats() + 1) + 1;
    }

    /** The rest of one ranking from position {@code from}, for {@code count} papers arriving with value {@code w}. */
    private long rest(Rankings rankings, int r, int from, long count, long w) {
        int[] preferences = rankings.preferences();
        for (int k = rankings.start(r) + from, end = rankings.end(r); k < end; k++) {
            int c = preferences[k];
            Tally.Status s = t.status[c];
            if (s == Tally.Status.HOPEFUL) {
                t.votes[c] += count * w;
                return 0;
            }
            if (s == Tally.Status.ELECTED) {
                long kept = Math.min(w, ceilDiv(w * keep[c], t.scale));
                t.votes[c] += count * kept;
                w -= kept;
                if (w == 0) {
                    return 0;
                }
            }
        }
        return w;
    }

    /** keep = (keep * quota, rounded up to 9 places) / votes, rounded up to 9 places: PRF rule B.2.f. */
    private void updateKeepFactors() {
        BigInteger scale = BigInteger.valueOf(t.scale);
        for (int c : t.elected) {
            if (t.votes[c] > 0) {
                BigInteger product = ceil(BigInteger.valueOf(keep[c]).multiply(BigInteger.valueOf(t.quota)), scale);
                keep[c] = Math.min(t.scale, ceil(product.multiply(scale), BigInteger.valueOf(t.votes[c])).longValueExact());
            }
        }
    }

    private static BigInteger ceil(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
