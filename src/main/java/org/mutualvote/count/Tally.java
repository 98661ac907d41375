package org.mutualvote.count;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/** What every rule keeps: each candidate's state and votes, the stages so far, and how ties are broken. */
class Tally {

    enum Status { HOPEFUL, ELECTED, EXCLUDED }

    /** How a rule looks back at earlier stages to break a tie before drawing lots. */
    enum Lookback { MOST_RECENT_STAGE, EARLIEST_STAGE, NONE }

    final Profile profile;
    final Rule rule;
    final int n;
    final long scale;
    final Status[] status;
    final long[] votes;
    final boolean[] continuing;
    final List<Integer> elected = new ArrayList<>();
    final List<Stage> stages = new ArrayList<>();
    final Lot lot;
    final Lookback lookback;
    long nonTransferable;
    long loss;
    long quota;
    private final List<String> pendingNotes = new ArrayList<>();

    Tally(Profile profile, Rule rule, long seed, Lookback lookback) {
        this.profile = profile;
        this.rule = rule;
        this.n = profile.candidates().size();
        this.scale = pow10(rule.places());
        this.status = new Status[n];
        this.votes = new long[n];
        this.continuing = new boolean[n];
        this.lot = new Lot(seed);
        this.lookback = lookback;
        for (int c = 0; c < n; c++) {
            boolean withdrawn = profile.withdrawn().contains(c);
            status[c] = withdrawn ? Status.EXCLUDED : Status.HOPEFUL;
            continuing[c] = !withdrawn;
        }
    }

    static long pow10(int places) {
        long s = 1;
        for (int i = 0; i < places; i++) {
            s *= 10;
        }
        return s;
    }

    /**
     * Every paper goes to its first preference at full value (one vote, scaled); the parcels are kept for
     * the transfers that follow. Every rule that moves papers starts here.
     */
    Papers firstPreferences(Prepared input) {
        Rankings rankings = input.rankings();
        Papers papers = new Papers(rankings, n);
        for (int r = 0; r < rankings.size(); r++) {
            int first = rankings.at(r, 0);
            int parcel = papers.add(r, input.counts()[r], scale, rankings.start(r), Papers.FIRST_PREFERENCES);
            papers.held[first].add(parcel);
            votes[first] += input.counts()[r] * scale;
        }
        return papers;
    }

    /**
     * An excluded candidate's papers all pass on at the value they carry, each to its next continuing
     * preference; papers with none left are non-transferable. The candidate is left with no votes.
     */
    void transferAll(Papers papers, int c) {
        Papers.IntList held = papers.held[c];
        for (int i = 0; i < held.size; i++) {
            int p = held.items[i];
            long amount = papers.count[p] * papers.value[p];
            int next = papers.advance(p, continuing);
            if (next < 0) {
                nonTransferable += amount;
            } else {
                votes[next] += amount;
                papers.held[next].add(p);
            }
        }
        held.clear();
        votes[c] = 0;
    }

    /**
     * A surplus parcel passes on at {@code value}: each paper with a next continuing preference goes there, marked
     * with {@code arrival}; the others stay with {@code c} beside the parcel's rest. Returns the votes passed on.
     */
    long transferParcel(Papers papers, int c, Papers.Parcel parcel, long value, int arrival) {
        Papers.IntList kept = parcel.rest();
        long moved = 0;
        for (int p : parcel.papers()) {
            int next = papers.advance(p, continuing);
            if (next >= 0) {
                papers.value[p] = value;
                papers.arrived[p] = arrival;
                papers.held[next].add(p);
                votes[next] += papers.count[p] * value;
                moved += papers.count[p] * value;
            } else {
                kept.add(p);
            }
        }
        papers.held[c] = kept;
        return moved;
    }

    /**
     * One sub-parcel of an exclusion: the papers of the excluded candidates {@code out} that {@code inSubParcel}
     * picks pass on at the value each carries, to its next continuing preference, marked with {@code arrival};
     * papers with none are non-transferable. Returns how many papers the sub-parcel held.
     */
    long transferSubParcel(Papers papers, List<Integer> out, IntPredicate inSubParcel, int arrival) {
        long count = 0;
        for (int c : out) {
            Papers.IntList held = papers.held[c];
            Papers.IntList rest = new Papers.IntList();
            for (int i = 0; i < held.size; i++) {
                int p = held.items[i];
                if (!inSubParcel.test(p)) {
                    rest.add(p);
                    continue;
                }
                long amount = papers.count[p] * papers.value[p];
                count += papers.count[p];
                votes[c] -= amount;
                int next = papers.advance(p, continuing);
                if (next < 0) {
                    nonTransferable += amount;
                } else {
                    papers.arrived[p] = arrival;
                    papers.held[next].add(p);
                    votes[next] += amount;
                }
            }
            papers.held[c] = rest;
        }
        return count;
    }

    /** Hopeful candidates at or above the quota, in ballot order. */
    List<Integer> reachedQuota() {
        List<Integer> reached = new ArrayList<>();
        for (int c : hopeful()) {
            if (votes[c] >= quota) {
                reached.add(c);
            }
        }
        return reached;
    }

    /** Elected candidates over the quota whose surplus has not been {@code transferred}, in order of election. */
    List<Integer> untransferredSurpluses(boolean[] transferred) {
        List<Integer> pending = new ArrayList<>();
        for (int c : elected) {
            if (!transferred[c] && votes[c] > quota) {
                pending.add(c);
            }
        }
        return pending;
    }

    long surplusTotal(List<Integer> cs) {
        long total = 0;
        for (int c : cs) {
            total += votes[c] - quota;
        }
        return total;
    }

    /** The candidate with the largest surplus; equal surpluses go by the rule's look back, then lot. */
    int largestSurplus(List<Integer> pending) {
        long[] surplus = new long[n];
        for (int c : pending) {
            surplus[c] = votes[c] - quota;
        }
        return pick(pending, true, surplus, "largest surplus");
    }

    /**
     * When no more candidates continue than seats remain, they are all elected at once, in ballot order
     * (as droop does), in a stage of their own.
     */
    void electRemaining(List<Integer> rest) {
        for (int c : rest) {
            elect(c);
        }
        note("as many candidates continue as seats remain");
        stage("Remaining candidates elected", rest, List.of());
    }

    int seatsLeft() {
        return profile.seats() - elected.size();
    }

    List<Integer> hopeful() {
        List<Integer> h = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (status[c] == Status.HOPEFUL) {
                h.add(c);
            }
        }
        return h;
    }

    /** The hopeful candidates, fewest votes first (equal votes in ballot order, only to list them). */
    List<Integer> hopefulAscending() {
        List<Integer> order = hopeful();
        order.sort((a, b) -> votes[a] != votes[b] ? Long.compare(votes[a], votes[b]) : Integer.compare(a, b));
        return order;
    }

    void elect(int c) {
        status[c] = Status.ELECTED;
        continuing[c] = false;
        elected.add(c);
    }

    void exclude(int c) {
        status[c] = Status.EXCLUDED;
        continuing[c] = false;
    }

    void note(String text) {
        pendingNotes.add(text);
    }

    /**
     * Elections decided after a stage was recorded belong to it: the last stage is rewritten to name them,
     * with any notes made since (tie breaks) and {@code extra} added to its note.
     */
    void creditLastStage(List<Integer> electedNow, String extra) {
        if (electedNow.isEmpty() && pendingNotes.isEmpty() && extra == null) {
            return;
        }
        Stage last = stages.remove(stages.size() - 1);
        List<Integer> all = new ArrayList<>(last.elected());
        all.addAll(electedNow);
        List<String> notes = new ArrayList<>();
        if (last.note() != null) {
            notes.add(last.note());
        }
        notes.addAll(pendingNotes);
        pendingNotes.clear();
        if (extra != null) {
            notes.add(extra);
        }
        stages.add(new Stage(last.number(), last.action(), last.votes(), last.nonTransferable(), last.loss(),
                List.copyOf(all), last.excluded(), notes.isEmpty() ? null : String.join("; ", notes)));
    }

    void stage(String action, List<Integer> electedNow, List<Integer> excludedNow) {
        String note = pendingNotes.isEmpty() ? null : String.join("; ", pendingNotes);
        pendingNotes.clear();
        stages.add(new Stage(stages.size() + 1, action, votes.clone(), nonTransferable, loss, List.copyOf(electedNow),
                List.copyOf(excludedNow), note));
    }

    String name(int c) {
        return profile.candidates().get(c);
    }

    /**
     * The candidate with the most ({@code highest}) or fewest votes among {@code among}; a tie is broken
     * by the rule's look back at earlier stages, then by lot, and the note says how.
     */
    int pick(List<Integer> among, boolean highest, long[] current, String why) {
        long best = highest ? Long.MIN_VALUE : Long.MAX_VALUE;
        for (int c : among) {
            best = highest ? Math.max(best, current[c]) : Math.min(best, current[c]);
        }
        List<Integer> tied = new ArrayList<>();
        for (int c : among) {
            if (current[c] == best) {
                tied.add(c);
            }
        }
        if (tied.size() == 1) {
            return tied.get(0);
        }
        tied.sort(Comparator.naturalOrder());
        List<Integer> narrowed = lookBack(tied, highest);
        if (narrowed.size() == 1) {
            note("tie for " + why + " between " + names(tied) + " broken by an earlier stage: " + name(narrowed.get(0)));
            return narrowed.get(0);
        }
        int chosen = lot.draw(narrowed);
        note("tie for " + why + " between " + names(narrowed) + " broken by lot: " + name(chosen));
        return chosen;
    }

    private List<Integer> lookBack(List<Integer> tied, boolean highest) {
        if (lookback == Lookback.NONE || stages.isEmpty()) {
            return tied;
        }
        List<Integer> remaining = tied;
        int from = lookback == Lookback.MOST_RECENT_STAGE ? stages.size() - 1 : 0;
        int step = lookback == Lookback.MOST_RECENT_STAGE ? -1 : 1;
        for (int s = from; s >= 0 && s < stages.size(); s += step) {
            long[] v = stages.get(s).votes();
            long best = highest ? Long.MIN_VALUE : Long.MAX_VALUE;
            for (int c : remaining) {
                best = highest ? Math.max(best, v[c]) : Math.min(best, v[c]);
            }
            List<Integer> next = new ArrayList<>();
            for (int c : remaining) {
                if (v[c] == best) {
                    next.add(c);
                }
            }
            if (next.size() < remaining.size()) {
                // The candidates differed at this stage: it decides (as far as it separates them).
                return next;
            }
        }
        return remaining;
    }

    String names(List<Integer> cs) {
        List<String> out = new ArrayList<>();
        for (int c : cs) {
            out.add(name(c));
        }
        return String.join(", ", out);
    }

    /** Orders candidates by votes, most first, ties broken as {@link #pick} does. */
    List<Integer> byVotesDescending(List<Integer> among, String why) {
        List<Integer> rest = new ArrayList<>(among);
        List<Integer> out = new ArrayList<>();
        while (!rest.isEmpty()) {
            int c = pick(rest, true, votes, why);
            out.add(c);
            rest.remove(Integer.valueOf(c));
        }
        return out;
    }

    CountResult result() {
        return new CountResult(rule, profile.title(), profile.seats(), 0, quota, profile.candidates(), List.copyOf(elected),
                List.copyOf(stages));
    }
}
