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
        t = new Tally(input.profile(), rule, seed,
                rule == Rule.SCOTLAND ? Tally.Lookback.MOST_RECENT_STAGE : Tally.Lookback.NONE);
        papers = t.firstPreferences(input);
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
            t.quota = (total / t.scale / (t.profile.seats() + 1) + 1) * t.scale;
        } else {
            // PRF WIGM: votes / (seats + 1), truncated to 4 places, plus 0.0001.
            t.quota = total / (t.profile.seats() + 1) + 1;
        }
        t.note("quota " + Decimal.format(t.quota, places));
        t.stage("First preferences", List.of(), List.of());
        while (t.seatsLeft() > 0) {
            List<Integer> hopeful = t.hopeful();
            if (hopeful.size() <= t.seatsLeft()) {
                // Checked before the quota, as droop does.
                t.electRemaining(hopeful);
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
                t.transferAll(papers, c);
                t.stage("Exclusion of " + t.name(c), List.of(), List.of(c));
            }
        }
        return t.result();
    }

    /** Candidates at or above quota are elected, most votes first; they are returned for the next stage record. */
    private List<Integer> electReached() {
        List<Integer> ordered = t.byVotesDescending(t.reachedQuota(), "order of election");
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

    /** value * surplus / total, truncated, without overflowing. */
    static long mulDiv(long a, long b, long c) {
        long hi = Math.multiplyHigh(a, b);
        if (hi == 0 && a * b >= 0) {
            return a * b / c;
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }
}
