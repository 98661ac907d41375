package org.mutualvote.count;

import java.util.ArrayList;
import java.util.List;

/**
 * The Electoral Reform Society's 1997 rules, values to 2 decimal places (rule numbers of the ERS97 text):
 * <ul>
 * <li>5.1.6 quota: valid votes / (seats + 1) to two places; if not exact, the remainder is ignored and
 * 0.01 added; 5.4.8 recalculated without the non-transferable votes while nobody is elected.</li>
 * <li>5.1.7 a candidate is elected on reaching the quota, or the total active vote divided by one more
 * than the places unfilled; if more qualify than places, most votes first.</li>
 * <li>5.2.2 surpluses are deferred while their total could not lift the lowest candidates past the next;
 * 5.2.3 the largest surplus goes first.</li>
 * <li>5.3 only the last parcel the candidate received is examined: transfer value = surplus / transferable
 * papers, truncated, or the papers' own value if that is less; what the truncation drops is lost.</li>
 * <li>5.2.5 as many of the lowest candidates as possible are excluded together when their votes and the
 * surpluses together do not exceed the next candidate's; 5.4 their papers pass on in sub-stages by value,
 * highest first, candidates reaching the quota elected after each.</li>
 * <li>ties: the earliest stage at which the candidates' votes differed, then lot.</li>
 * <li>5.5 when the continuing candidates do not exceed the places left, they are elected.</li>
 * </ul>
 */
final class Ers97 {

    private final Tally t;
    private final Papers papers;
    private final boolean[] surplusDone;
    private long valid;

    private Ers97(Prepared input, long seed) {
        t = new Tally(input.profile(), Rule.ERS97, seed, Tally.Lookback.EARLIEST_STAGE);
        papers = t.firstPreferences(input);
        surplusDone = new boolean[t.n];
    }

    static CountResult count(Prepared input, long seed) {
        return new Ers97(input, seed).run();
    }

    private static long quota(long votes, int seats) {
        long q = votes / (seats + 1);
        return votes % (seats + 1) == 0 ? q : q + 1;
    }

    private CountResult run() {
        for (long v : t.votes) {
            valid += v;
        }
        t.quota = quota(valid, t.profile.seats());
        t.note("quota " + Decimal.format(t.quota, 2));
        t.stage("First preferences", List.of(), List.of());
        deemElected();
        while (t.seatsLeft() > 0) {
            List<Integer> hopeful = t.hopeful();
            if (hopeful.size() <= t.seatsLeft()) {
                t.electRemaining(hopeful);
                break;
            }
            List<Integer> pending = t.untransferredSurpluses(surplusDone);
            long totalSurplus = t.surplusTotal(pending);
            LowestGroups lowest = new LowestGroups(t);
            if (!pending.isEmpty() && !deferrable(lowest, totalSurplus)) {
                transferSurplus(t.largestSurplus(pending));
                continue;
            }
            if (!pending.isEmpty()) {
                t.note("surpluses (" + Decimal.format(totalSurplus, 2) + ") deferred");
            }
            List<Integer> out = bulk(lowest, totalSurplus);
            if (out.isEmpty()) {
                out = List.of(t.pick(hopeful, false, t.votes, "exclusion"));
            }
            if (hopeful.size() - out.size() <= t.seatsLeft()) {
                // 5.5.1: this exclusion leaves as many continuing candidates as places.
                for (int c : out) {
                    t.exclude(c);
                }
                t.stage("Exclusion of " + t.names(out), List.of(), out);
                t.electRemaining(t.hopeful());
                break;
            }
            exclude(out);
        }
        return t.result();
    }


    /** 5.2.2: deferred while, for some group of lowest candidates, the surpluses could not lift them past the next. */
    private static boolean deferrable(LowestGroups lowest, long totalSurplus) {
        return lowest.any(g -> g.highest() < g.next() && totalSurplus <= g.next() - g.votes());
    }

    /** 5.2.5: the largest group of lowest candidates (two or more, not splitting a tie) that cannot be saved. */
    private List<Integer> bulk(LowestGroups lowest, long totalSurplus) {
        List<Integer> out = lowest.largestOfTwoOrMore(
                g -> g.highest() < g.next() && g.votes() + totalSurplus <= g.next());
        if (!out.isEmpty()) {
            t.note("bulk exclusion: their votes and the surpluses together do not exceed the next candidate's");
        }
        return out;
    }

    private void transferSurplus(int c) {
        surplusDone[c] = true;
        long surplus = t.votes[c] - t.quota;
        Papers.Parcel parcel = papers.lastParcel(c, t.continuing);
        long transferablePapers = parcel.transferable();
        boolean reduced = transferablePapers * parcel.value() > surplus;
        long tv = reduced ? surplus / transferablePapers : parcel.value();
        long moved = t.transferParcel(papers, c, parcel, tv, t.stages.size() + 1);
        if (reduced) {
            t.loss += surplus - moved;
        } else {
            t.nonTransferable += surplus - moved;
        }
        t.votes[c] = t.quota;
        t.note("last parcel: " + transferablePapers + " transferable papers at " + Decimal.format(tv, 2));
        t.stage("Surplus of " + t.name(c) + " (" + Decimal.format(surplus, 2) + ") transferred", List.of(), List.of());
        deemElected();
    }


    /** 5.4: the excluded candidates' papers pass on in sub-stages, highest value first. */
    private void exclude(List<Integer> out) {
        for (int c : out) {
            t.exclude(c);
        }
        List<Long> values = papers.valuesDescending(out, p -> true);
        if (values.isEmpty()) {
            t.stage("Exclusion of " + t.names(out) + " (no papers)", List.of(), out);
            return;
        }
        boolean first = true;
        for (long value : values) {
            t.transferSubParcel(papers, out, p -> papers.value[p] == value, t.stages.size() + 1);
            if (t.elected.isEmpty() && t.nonTransferable > 0) {
                // 5.4.8: while nobody is elected, the quota is recalculated without the non-transferable votes.
                t.quota = quota(valid - t.nonTransferable, t.profile.seats());
                t.note("quota recalculated: " + Decimal.format(t.quota, 2));
            }
            t.stage("Exclusion of " + t.names(out) + ": papers at " + Decimal.format(value, 2), List.of(),
                    first ? out : List.of());
            first = false;
            deemElected();
            if (t.seatsLeft() == 0) {
                return;
            }
        }
    }

    /** 5.1.7: the quota, or the total active vote / (places unfilled + 1); most votes first if too many qualify. */
    private void deemElected() {
        List<Integer> now = new ArrayList<>();
        // The test is a condition on the state of the count, so it is applied again after each batch it elects:
        // those elected under the quota leave the active vote and the places, and the condition can then hold for
        // the next candidate at the same point of the count (droop-M135 stage 31 elects C2 and C6, then C3 and C4,
        // then C9, as OpenSTV does; our single pass had left C9 continuing, which changed the later transfers).
        for (List<Integer> batch = qualifying(); !batch.isEmpty() && t.seatsLeft() > 0; batch = qualifying()) {
            for (int c : t.byVotesDescending(batch, "order of election")) {
                if (t.seatsLeft() == 0) {
                    break;
                }
                t.elect(c);
                if (t.votes[c] < t.quota) {
                    t.note(t.name(c) + " reached the total active vote divided by one more than the places unfilled");
                }
                now.add(c);
            }
        }
        t.creditLastStage(now, null);
    }

    private List<Integer> qualifying() {
        int places = t.seatsLeft();
        List<Integer> qualify = new ArrayList<>();
        if (places <= 0) {
            return qualify;
        }
        long active = 0;
        for (int c = 0; c < t.n; c++) {
            if (t.status[c] == Tally.Status.HOPEFUL) {
                active += t.votes[c];
            } else if (t.status[c] == Tally.Status.ELECTED && !surplusDone[c] && t.votes[c] > t.quota) {
                active += t.votes[c] - t.quota;
            } else if (t.status[c] == Tally.Status.EXCLUDED) {
                // Part-way through an exclusion, the papers the excluded still hold are "votes awaiting transfer",
                // which the 1997 definition of the total active vote counts. Leaving them out let a candidate be
                // elected on a share of a vote that was about to grow (droop-SC stage 8, glasgow07-govan from
                // stage 8, glasgow07-pollokshields: OpenSTV was right there, and these stages now agree).
                active += t.votes[c];
            }
        }
        for (int c : t.hopeful()) {
            if (t.votes[c] >= t.quota || (active > 0 && t.votes[c] * (places + 1) >= active)) {
                qualify.add(c);
            }
        }
        return qualify;
    }
}
