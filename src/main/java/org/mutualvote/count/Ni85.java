package org.mutualvote.count;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The Northern Ireland local elections rules of 1985 (Electoral Law Act (NI) 1962, Schedule 5 as substituted
 * by SI 1985/454, Part IV, rules 47-52), the STV count that NHS foundation trusts' model election rules follow.
 * Values are kept to two decimal places (a paper at full value is 1.00). Each rule is summarised, in our own
 * words, where the code applies it; the rule numbers are the 1985 text's.
 *
 * <p>Readings where the text leaves room, stated once here:
 * <ul>
 * <li>"Stage of the count" is, by the rules' own definition, the first preferences, one surplus transfer, or one
 * exclusion (of one or several candidates together). The sub-parcels of an exclusion are transferred one after
 * another inside that one stage, so the count sheet has one column per exclusion and ties look back over stages
 * in this sense only.</li>
 * <li>A candidate who reaches the quota part-way through an exclusion is deemed elected at once (rule 48(3): "at
 * any stage") and, no longer continuing, receives none of the later sub-parcels (rule 51(6) passes over candidates
 * deemed elected).</li>
 * <li>The transfer value divides the surplus by the papers that have a next available preference (the papers
 * "on which those votes are given": the votes being transferred), as the ERS text also does.</li>
 * <li>Deferral (rule 49(10)) and bulk exclusion (rule 51(12)) only consider groups that leave at least as many
 * continuing candidates as vacancies, so a group the count would not exclude cannot justify deferring.</li>
 * </ul>
 */
final class Ni85 {

    private final Tally t;
    private final Papers papers;
    private final boolean[] surplusDone;
    private final boolean oneVacancy;
    /** Each transfer of a sub-parcel gets the next number, so a candidate's last sub-parcel is the highest. */
    private int transfers;

    private Ni85(Prepared input, long seed) {
        // Rules 50(1)(a) and 51(13)(a): ties look back to the earliest stage at which the candidates differed.
        t = new Tally(input.profile(), Rule.NI85, seed, Tally.Lookback.EARLIEST_STAGE);
        surplusDone = new boolean[t.n];
        oneVacancy = input.profile().seats() == 1;
        // Rule 47: sort the papers into parcels by first preference and count each candidate's first preferences.
        papers = t.firstPreferences(input);
        transfers = Papers.FIRST_PREFERENCES;
    }

    static CountResult count(Prepared input, long seed) {
        return new Ni85(input, seed).run();
    }

    private CountResult run() {
        long valid = 0;
        for (long v : t.votes) {
            valid += v;
        }
        // Rule 48(1)-(2): valid papers divided by one more than the seats, any fraction disregarded, plus one.
        // It is fixed here and never recalculated.
        t.quota = (valid / t.scale / (t.profile.seats() + 1) + 1) * t.scale;
        t.note("quota " + Decimal.format(t.quota, 2));
        t.stage("First preferences", List.of(), List.of());
        t.creditLastStage(deemElected(), null);
        while (t.seatsLeft() > 0) {
            if (fillLastVacancies()) {
                break;
            }
            List<Integer> pending = pendingSurpluses();
            long totalSurplus = t.surplusTotal(pending);
            LowestGroups lowest = new LowestGroups(t);
            if (!pending.isEmpty()) {
                if (!deferrable(lowest, totalSurplus)) {
                    // Rule 50(1): the largest surplus first; equal surpluses go by the highest vote at the earliest
                    // stage at which the candidates differed, then by lot.
                    transferSurplus(t.largestSurplus(pending));
                    continue;
                }
                t.note("surpluses (" + Decimal.format(totalSurplus, 2) + ") deferred: less than the gap above the lowest"
                        + " candidates (rule 49(10))");
            }
            exclude(toExclude(lowest, totalSurplus));
        }
        return t.result();
    }

    /**
     * Rule 49(9) and (11): surpluses of elected candidates not yet transferred; none at an election for one
     * vacancy, where rule 49 does not apply at all.
     */
    private List<Integer> pendingSurpluses() {
        return oneVacancy ? List.of() : t.untransferredSurpluses(surplusDone);
    }

    /**
     * Rule 49(10): surpluses not yet transferred are held back while their total is less than (a) the gap between
     * the lowest continuing candidate and the next lowest, or (b) the gap between the combined votes of two or more
     * lowest candidates and the candidate next above them: transferring them could not save the lowest.
     */
    private static boolean deferrable(LowestGroups lowest, long totalSurplus) {
        return lowest.any(g -> totalSurplus < g.next() - g.votes());
    }

    /**
     * Rule 51(1) and (12): the candidate with the lowest vote is excluded; but where two or more lowest candidates
     * together, with the surpluses not transferred, have less than the next candidate, they are excluded in one
     * operation (the largest such group). Rule 51(13): a tie for lowest goes by the lowest vote at the earliest stage
     * at which they differed, then by lot.
     */
    private List<Integer> toExclude(LowestGroups lowest, long totalSurplus) {
        List<Integer> bulk = lowest.largestOfTwoOrMore(g -> g.votes() + totalSurplus < g.next());
        if (!bulk.isEmpty()) {
            t.note("bulk exclusion: together, with the surpluses not transferred, they have less than the next"
                    + " candidate (rule 51(12))");
            return bulk;
        }
        return List.of(t.pick(t.hopeful(), false, t.votes, "exclusion"));
    }

    /**
     * Rule 49(1)-(8): a first-stage surplus comes from all the candidate's papers (their first preferences); a later
     * one from the sub-parcel last received only. The transfer value is the surplus divided by the papers in that
     * sub-parcel that show a next available preference, to two places with the remainder ignored (49(4)), and
     * never more than the value at which those papers arrived (49(4)(a), 49(7)). Rule 50(2)(c): the surplus less
     * what was transferred (papers with no next preference, and the ignored remainder) is non-transferable.
     */
    private void transferSurplus(int c) {
        surplusDone[c] = true;
        long surplus = t.votes[c] - t.quota;
        Papers.Parcel parcel = papers.lastParcel(c, t.continuing);
        long transferable = parcel.transferable();
        long tv = transferable == 0 ? 0 : Math.min(surplus / transferable, parcel.value());
        long moved = t.transferParcel(papers, c, parcel, tv, ++transfers);
        t.nonTransferable += surplus - moved;
        t.votes[c] = t.quota;
        boolean firstPreferences = parcel.arrival() == Papers.FIRST_PREFERENCES;
        t.note((firstPreferences ? "all first-preference papers" : "the sub-parcel last received") + ": "
                + transferable + " transferable papers at " + Decimal.format(tv, 2) + ", "
                + Decimal.format(surplus - moved, 2) + " non-transferable");
        t.stage("Surplus of " + t.name(c) + " (" + Decimal.format(surplus, 2) + ") transferred", List.of(), List.of());
        t.creditLastStage(deemElected(), null);
    }


    /**
     * Rule 51(2)-(9): the excluded candidates' first-preference papers pass on first, at full value; then the papers
     * transferred to them, one sub-parcel per transfer value, highest first, each at the value it arrived at. Papers
     * with no next available preference are set aside as non-transferable (51(8)). The whole exclusion is one stage
     * (51(4)). After each sub-parcel, anyone reaching the quota is deemed elected (48(3)); and as soon as the
     * continuing candidates are no more than the vacancies left, they are deemed elected (52(1)) and no further
     * papers are transferred (52(3)), even before the first sub-parcel. Rule 52(2) is only applied between stages:
     * part-way through an exclusion the excluded candidates still hold papers that the comparison would leave out.
     */
    private void exclude(List<Integer> out) {
        for (int c : out) {
            t.exclude(c);
        }
        List<Long> order = new ArrayList<>();
        order.add(-1L);
        order.addAll(papers.valuesDescending(out, p -> papers.arrived[p] != Papers.FIRST_PREFERENCES));
        List<Integer> electedNow = new ArrayList<>();
        List<String> parcels = new ArrayList<>();
        for (long value : order) {
            if (t.seatsLeft() == 0) {
                break;
            }
            List<Integer> hopeful = t.hopeful();
            if (hopeful.size() <= t.seatsLeft()) {
                electedNow.addAll(electAll(hopeful));
                t.note("no further papers transferred (rule 52(3))");
                break;
            }
            moveSubParcel(out, value, parcels);
            electedNow.addAll(deemElected());
        }
        if (!parcels.isEmpty()) {
            t.note("sub-parcels: " + String.join(", ", parcels));
        }
        t.stage("Exclusion of " + t.names(out), electedNow, out);
    }

    /** Moves one sub-parcel of the excluded candidates' papers: their first preferences ({@code value < 0}) or the
     * transferred papers at {@code value}. */
    private void moveSubParcel(List<Integer> out, long value, List<String> parcels) {
        IntPredicate inSubParcel = value < 0 ? p -> papers.arrived[p] == Papers.FIRST_PREFERENCES
                : p -> papers.arrived[p] != Papers.FIRST_PREFERENCES && papers.value[p] == value;
        long count = t.transferSubParcel(papers, out, inSubParcel, ++transfers);
        if (count > 0) {
            parcels.add(count + (value < 0 ? " first preferences" : " at " + Decimal.format(value, 2)));
        }
    }

    /** Rule 48(3): whoever has reached the quota is deemed elected, most votes first. Not at one vacancy until 52. */
    private List<Integer> deemElected() {
        List<Integer> now = new ArrayList<>();
        for (int c : t.byVotesDescending(t.reachedQuota(), "order of election")) {
            if (t.seatsLeft() == 0) {
                break;
            }
            t.elect(c);
            now.add(c);
        }
        return now;
    }

    /** Rule 52(1): the continuing candidates are deemed elected, most votes first. */
    private List<Integer> electAll(List<Integer> hopeful) {
        List<Integer> now = t.byVotesDescending(hopeful, "order of election");
        for (int c : now) {
            t.elect(c);
        }
        t.note("as many candidates continue as vacancies remain (rule 52(1))");
        return now;
    }

    /**
     * Between stages. Rule 52(1): when the continuing candidates are as many as the vacancies left, they are deemed
     * elected. Rule 52(2): with one vacancy left, a continuing candidate with at least the votes of all the others
     * together, plus any surplus not transferred, is deemed elected. Rule 52(3): then nothing more is transferred.
     * Either way the election follows from the figures of the stage just recorded, and is credited to it.
     */
    private boolean fillLastVacancies() {
        List<Integer> hopeful = t.hopeful();
        if (hopeful.size() <= t.seatsLeft()) {
            t.creditLastStage(electAll(hopeful), null);
            return true;
        }
        int leader = soleLeader();
        if (leader >= 0) {
            t.elect(leader);
            t.creditLastStage(List.of(leader), t.name(leader) + " has at least the votes of all other continuing"
                    + " candidates together with the surpluses not transferred (rule 52(2))");
            return true;
        }
        return false;
    }

    /**
     * The one continuing candidate rule 52(2) elects, or -1. Where two candidates each meet the test (a dead heat
     * with nothing else left) the rule names no one, and the tie goes to exclusion by rule 51(13).
     */
    private int soleLeader() {
        if (t.seatsLeft() != 1) {
            return -1;
        }
        List<Integer> hopeful = t.hopeful();
        long total = t.surplusTotal(pendingSurpluses());
        for (int c : hopeful) {
            total += t.votes[c];
        }
        int found = -1;
        for (int c : hopeful) {
            if (t.votes[c] >= total - t.votes[c]) {
                if (found >= 0) {
                    return -1;
                }
                found = c;
            }
        }
        return found;
    }
}
