package org.mutualvote.count;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Weighted inclusive Gregory STV: Scottish STV (SSI 2007/42 Sch. 1 rules 45-52, 5 dp) and the PRF
 * reference WIGM (4 dp). Every paper of an elected candidate passes on at its value times
 * surplus / votes, truncated; an excluded candidate's papers pass on at their values, all in one stage.
 */
final class Gregory {

    private final Tally t;
    private final Papers papers;
    private final List<Integer> surplusPending = new ArrayList<>();

    private Gregory(Prepared input, Rule rule, long seed) {
        t = new Tally(input.election(), rule, seed,
                rule == Rule.SCOTLAND ? Tally.Lookback.MOST_RECENT_STAGE : Tally.Lookback.NONE);
        papers = new Papers(input.rankings(), t.n);
        for (int r = 0; r < input.rankings().length; r++) {
            int first = input.rankings()[r][0];
            int parcel = papers.add(r, input.counts()[r], t.scale, 0, 1);
            papers.held[first].add(parcel);
            t.votes[first] += input.counts()[r] * t.scale;
        }
    }

    static CountResult count(Prepared input, Rule rule, long seed) {
        return new Gregory(input, rule, seed).run();
    }

    private CountResult run() {
        long total = 0;
        for (long v : t.votes) {
            total += v;
        }
        int places = t.rule.places();
        if (t.rule == Rule.SCOTLAND) {
            // Rule 46: the number of valid papers divided by seats + 1, fractions ignored, plus one.
            t.quota = (total / t.scale / (t.election.seats() + 1) + 1) * t.scale;
        } else {
            // PRF WIGM: votes / (seats + 1), truncated to 4 places, plus 0.0001.
            t.quota = total / (t.election.seats() + 1) + 1;
        }
        t.note("quota " + Decimal.format(t.quota, places));
        t.stage("First preferences", List.of(), List.of());
        while (t.seatsLeft() > 0) {
            List<Integer> hopeful = t.hopeful();
            if (hopeful.size() <= t.seatsLeft()) {
                // Checked before the quota, as droop does: they are all elected at once, listed in ballot order.
                for (int c : hopeful) {
                    t.elect(c);
                }
                t.note("as many candidates continue as seats remain");
                t.stage("Remaining candidates elected", hopeful, List.of());
                break;
            }
            List<Integer> reached = electReached();
            if (!reached.isEmpty()) {
                finishStage(reached);
                continue;
            }
            surplusPending.removeIf(c -> t.votes[c] <= t.quota);
            if (!surplusPending.isEmpty()) {
                int c = t.pick(surplusPending, true, t.votes, "largest surplus");
                surplusPending.remove(Integer.valueOf(c));
                transferSurplus(c);
            } else {
                int c = t.pick(hopeful, false, t.votes, "exclusion");
                t.exclude(c);
                transferAll(c);
                t.stage("Exclusion of " + t.name(c), List.of(), List.of(c));
            }
        }
        return t.result();
    }

    /** Candidates at or above quota are elected, most votes first; they are returned for the next stage record. */
    private List<Integer> electReached() {
        List<Integer> reached = new ArrayList<>();
        for (int c : t.hopeful()) {
            if (t.votes[c] >= t.quota) {
                reached.add(c);
            }
        }
        List<Integer> ordered = t.byVotesDescending(reached, "order of election");
        for (int c : ordered) {
            t.elect(c);
            surplusPending.add(c);
        }
        return ordered;
    }

    private void finishStage(List<Integer> reached) {
        if (!reached.isEmpty()) {
            t.creditLastStage(reached, t.names(reached) + " reached the quota");
        }
    }

    private void transferSurplus(int c) {
        long surplus = t.votes[c] - t.quota;
        long total = t.votes[c];
        long moved = 0;
        long lost = 0;
        Papers.IntList held = papers.held[c];
        for (int i = 0; i < held.size; i++) {
            int p = held.items[i];
            long newValue = mulDiv(papers.value[p], surplus, total);
            papers.value[p] = newValue;
            long amount = papers.count[p] * newValue;
            int next = papers.advance(p, t.continuing);
            if (next < 0) {
                lost += amount;
            } else {
                t.votes[next] += amount;
                papers.held[next].add(p);
                moved += amount;
            }
        }
        held.clear();
        t.nonTransferable += lost;
        t.loss += surplus - moved - lost;
        t.votes[c] = t.quota;
        t.stage("Surplus of " + t.name(c) + " (" + Decimal.format(surplus, t.rule.places()) + ") transferred",
                List.of(), List.of());
    }

    private void transferAll(int c) {
        Papers.IntList held = papers.held[c];
        for (int i = 0; i < held.size; i++) {
            int p = held.items[i];
            long amount = papers.count[p] * papers.value[p];
            int next = papers.advance(p, t.continuing);
            if (next < 0) {
                t.nonTransferable += amount;
            } else {
                t.votes[next] += amount;
                papers.held[next].add(p);
            }
        }
        held.clear();
        t.votes[c] = 0;
    }

    /** value * surplus / total, truncated, without overflowing. */
    static long mulDiv(long a, long b, long c) {
        long hi = Math.multiplyHigh(a, b);
        if (hi == 0 && a * b >= 0) {
            return a * b / c;
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }
}
