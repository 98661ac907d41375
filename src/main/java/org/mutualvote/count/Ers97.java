package org.mutualvote.count;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The Electoral Reform Society's 1997 rules (2 dp): quota = votes / (seats + 1) to 2 places plus 0.01;
 * a surplus passes on from the last parcel received only, at surplus / transferable papers (never more
 * than the papers' own value); surpluses are deferred while they could neither save the lowest
 * candidate nor elect anyone; the lowest candidates are excluded together when even all of their votes
 * and the surpluses could not lift them past the next; an excluded candidate's papers pass on in
 * sub-stages, highest value first. Ties look at the earliest stage the candidates differed, then lot.
 */
final class Ers97 {

    private final Tally t;
    private final Papers papers;
    private final long[] surplusDue;
    private final int[] lastParcelStage;

    private Ers97(Prepared input, long seed) {
        t = new Tally(input.election(), Rule.ERS97, seed, Tally.Lookback.EARLIEST_STAGE);
        papers = new Papers(input.rankings(), t.n);
        surplusDue = new long[t.n];
        lastParcelStage = new int[t.n];
        for (int r = 0; r < input.rankings().length; r++) {
            int first = input.rankings()[r][0];
            papers.held[first].add(papers.add(r, input.counts()[r], t.scale, 0, 1));
            t.votes[first] += input.counts()[r] * t.scale;
            lastParcelStage[first] = 1;
        }
    }

    static CountResult count(Prepared input, long seed) {
        return new Ers97(input, seed).run();
    }

    private CountResult run() {
        long total = 0;
        for (long v : t.votes) {
            total += v;
        }
        t.quota = total / (t.election.seats() + 1) + 1;
        t.note("quota " + Decimal.format(t.quota, 2));
        t.stage("First preferences", List.of(), List.of());
        electReached();
        while (t.seatsLeft() > 0) {
            List<Integer> hopeful = t.hopeful();
            if (hopeful.size() <= t.seatsLeft()) {
                // They are all elected at once; they are listed in ballot order, as droop does.
                List<Integer> rest = hopeful;
                for (int c : rest) {
                    t.elect(c);
                }
                t.note("as many candidates continue as seats remain");
                t.stage("Remaining candidates elected", rest, List.of());
                break;
            }
            List<Integer> withSurplus = new ArrayList<>();
            long totalSurplus = 0;
            for (int c : t.elected) {
                if (surplusDue[c] > 0) {
                    withSurplus.add(c);
                    totalSurplus += surplusDue[c];
                }
            }
            if (!withSurplus.isEmpty() && !deferrable(hopeful, totalSurplus)) {
                int c = t.pick(withSurplus, true, surplusDue, "largest surplus");
                transferSurplus(c);
            } else {
                if (!withSurplus.isEmpty()) {
                    t.note("surpluses (" + Decimal.format(totalSurplus, 2) + ") deferred");
                }
                excludeLowest(hopeful, totalSurplus);
            }
        }
        return t.result();
    }

    /** A surplus waits while it could neither lift the lowest candidate past the next nor elect anyone. */
    private boolean deferrable(List<Integer> hopeful, long totalSurplus) {
        List<Integer> ascending = ascending(hopeful);
        long lowest = t.votes[ascending.get(0)];
        long next = t.votes[ascending.get(1)];
        long highest = t.votes[ascending.get(ascending.size() - 1)];
        return totalSurplus < next - lowest && totalSurplus < t.quota - highest;
    }

    private List<Integer> ascending(List<Integer> hopeful) {
        List<Integer> order = new ArrayList<>(t.byVotesDescending(hopeful, "order"));
        java.util.Collections.reverse(order);
        return order;
    }

    private void transferSurplus(int c) {
        long surplus = surplusDue[c];
        surplusDue[c] = 0;
        int parcelStage = lastParcelStage[c];
        Papers.IntList held = papers.held[c];
        List<Integer> parcel = new ArrayList<>();
        Papers.IntList kept = new Papers.IntList();
        long transferablePapers = 0;
        long parcelValue = 0;
        for (int i = 0; i < held.size; i++) {
            int p = held.items[i];
            if (papers.arrived[p] == parcelStage) {
                parcel.add(p);
                parcelValue = papers.value[p];
                if (nextContinuing(p) >= 0) {
                    transferablePapers += papers.count[p];
                }
            } else {
                kept.add(p);
            }
        }
        long tv = transferablePapers == 0 ? 0 : Math.min(parcelValue, surplus / transferablePapers);
        long moved = 0;
        int stage = t.stages.size() + 1;
        for (int p : parcel) {
            int next = papers.advance(p, t.continuing);
            if (next >= 0) {
                papers.value[p] = tv;
                papers.arrived[p] = stage;
                papers.held[next].add(p);
                lastParcelStage[next] = stage;
                t.votes[next] += papers.count[p] * tv;
                moved += papers.count[p] * tv;
            } else {
                kept.add(p);
            }
        }
        papers.held[c] = kept;
        t.nonTransferable += surplus - moved;
        t.votes[c] -= surplus;
        t.note("transfer value " + Decimal.format(tv, 2) + " on " + transferablePapers + " papers of the last parcel");
        t.stage("Surplus of " + t.name(c) + " (" + Decimal.format(surplus, 2) + ") transferred", List.of(), List.of());
        electReached();
    }

    private int nextContinuing(int p) {
        int[] r = papers.rankings[papers.ranking[p]];
        for (int i = papers.pos[p] + 1; i < r.length; i++) {
            if (t.continuing[r[i]]) {
                return r[i];
            }
        }
        return -1;
    }

    /** Excludes the lowest candidate, or the lowest several together when nothing could save any of them. */
    private void excludeLowest(List<Integer> hopeful, long totalSurplus) {
        List<Integer> ascending = ascending(hopeful);
        List<Integer> out = new ArrayList<>();
        long cumulative = 0;
        int maxOut = hopeful.size() - t.seatsLeft();
        for (int k = 0; k < maxOut - 1; k++) {
            cumulative += t.votes[ascending.get(k)];
            if (cumulative + totalSurplus < t.votes[ascending.get(k + 1)]) {
                out = new ArrayList<>(ascending.subList(0, k + 1));
            }
        }
        if (out.isEmpty()) {
            out.add(t.pick(hopeful, false, t.votes, "exclusion"));
        } else if (out.size() > 1) {
            t.note("bulk exclusion of " + t.names(out));
        }
        for (int c : out) {
            t.exclude(c);
        }
        // Their papers pass on in sub-stages, highest value first.
        TreeSet<Long> values = new TreeSet<>();
        for (int c : out) {
            for (int i = 0; i < papers.held[c].size; i++) {
                values.add(papers.value[papers.held[c].items[i]]);
            }
        }
        boolean first = true;
        for (long value : values.descendingSet()) {
            int stage = t.stages.size() + 1;
            for (int c : out) {
                Papers.IntList held = papers.held[c];
                Papers.IntList rest = new Papers.IntList();
                for (int i = 0; i < held.size; i++) {
                    int p = held.items[i];
                    if (papers.value[p] != value) {
                        rest.add(p);
                        continue;
                    }
                    long amount = papers.count[p] * value;
                    t.votes[c] -= amount;
                    int next = papers.advance(p, t.continuing);
                    if (next < 0) {
                        t.nonTransferable += amount;
                    } else {
                        papers.arrived[p] = stage;
                        papers.held[next].add(p);
                        lastParcelStage[next] = stage;
                        t.votes[next] += amount;
                    }
                }
                papers.held[c] = rest;
            }
            t.stage("Exclusion of " + t.names(out) + ": papers at " + Decimal.format(value, 2), List.of(),
                    first ? out : List.of());
            first = false;
            electReached();
            if (t.seatsLeft() == 0) {
                break;
            }
        }
        if (values.isEmpty()) {
            t.stage("Exclusion of " + t.names(out) + " (no papers)", List.of(), out);
        }
        for (int c : out) {
            t.votes[c] = 0;
        }
    }

    private void electReached() {
        List<Integer> reached = new ArrayList<>();
        for (int c : t.hopeful()) {
            if (t.votes[c] >= t.quota) {
                reached.add(c);
            }
        }
        if (reached.isEmpty()) {
            return;
        }
        List<Integer> ordered = t.byVotesDescending(reached, "order of election");
        List<Integer> now = new ArrayList<>();
        for (int c : ordered) {
            if (t.seatsLeft() == 0) {
                break;
            }
            t.elect(c);
            surplusDue[c] = t.votes[c] - t.quota;
            now.add(c);
        }
        Stage last = t.stages.remove(t.stages.size() - 1);
        List<Integer> electedNow = new ArrayList<>(last.elected());
        electedNow.addAll(now);
        t.stages.add(new Stage(last.number(), last.action(), last.votes(), last.nonTransferable(), last.loss(),
                List.copyOf(electedNow), last.excluded(), last.note()));
    }
}
