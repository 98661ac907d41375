package org.mutualvote.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mutualvote.motion.Resolution.ClassWeight;
import org.mutualvote.motion.Resolution.Count;
import org.mutualvote.motion.Resolution.Denominator;
import org.mutualvote.motion.Resolution.Outcome;
import org.mutualvote.motion.Resolution.Quorum;
import org.mutualvote.motion.Resolution.Rule;
import org.mutualvote.motion.Resolution.Threshold;

/** The decision rules with the arithmetic written out beside each case. */
class ResolutionTest {

    private static Outcome one(Rule rule, long roll, long f, long a, long w) {
        return Resolution.decide(rule, List.of(new Count("Members", roll, f, a, w)));
    }

    private static final Rule ORDINARY = Rule.simple(Threshold.ORDINARY, Denominator.FOR_AGAINST);
    private static final Rule SPECIAL = Rule.simple(Threshold.SPECIAL, Denominator.FOR_AGAINST);

    @Test
    void ordinaryNeedsMoreThanHalfSoExactlyHalfIsLost() {
        // 5 for, 5 against: 5/10 = 50%, not more than 50%; it is also a tie.
        Outcome o = one(ORDINARY, 20, 5, 5, 3);
        assertFalse(o.carried());
        assertEquals("lost: a tie, 5 for and 5 against; there is no casting vote", o.reason());
        // 6 for, 5 against: 6/11 = 54.54...% > 50%, shown rounded up (carried) as 54.6.
        o = one(ORDINARY, 20, 6, 5, 3);
        assertTrue(o.carried());
        assertEquals("carried: 54.6% for, more than 50% needed", o.reason());
        // Withheld votes are not votes: 6 for, 5 against, 100 withheld is still 6/11.
        assertTrue(one(ORDINARY, 200, 6, 5, 100).carried());
    }

    @Test
    void specialNeedsAtLeastThreeQuarters() {
        // 3 for, 1 against: 3/4 = 75% exactly: at least 75%, carried.
        Outcome o = one(SPECIAL, 10, 3, 1, 0);
        assertTrue(o.carried());
        assertEquals("carried: 75.0% for, at least 75% needed", o.reason());
        // One vote short of 300 for to 100 against (75%): 299 for, 100 against: 299/399 = 74.937...%.
        o = one(SPECIAL, 1000, 299, 100, 0);
        assertFalse(o.carried());
        assertEquals("lost: 74.9% for, at least 75% needed", o.reason());
        // 2999 for, 1000 against = 74.99375%: rounded down for a lost motion, never up to a misleading 75.0.
        assertEquals("lost: 74.9% for, at least 75% needed", one(SPECIAL, 5000, 2999, 1000, 0).reason());
    }

    @Test
    void unanimousFailsOnOneAgainst() {
        Rule unanimous = Rule.simple(Threshold.UNANIMOUS, Denominator.FOR_AGAINST);
        // 9 for, 0 against, 2 withheld: 9/9 = 100%.
        assertTrue(one(unanimous, 11, 9, 0, 2).carried());
        // 9 for, 1 against: 9/10 = 90%.
        Outcome o = one(unanimous, 11, 9, 1, 0);
        assertFalse(o.carried());
        assertEquals("lost: 90.0% for, all (100%) needed", o.reason());
    }

    @Test
    void anyFractionMoreThanOrAtLeast() {
        Rule twoThirds = Rule.simple(new Threshold(2, 3, true), Denominator.FOR_AGAINST);
        Rule moreThanTwoThirds = Rule.simple(new Threshold(2, 3, false), Denominator.FOR_AGAINST);
        // 6 for, 3 against: 6/9 = 2/3 exactly: at least 2/3 carried; more than 2/3 lost.
        assertEquals("carried: 66.7% for, at least 2/3 (66.7%) needed", one(twoThirds, 9, 6, 3, 0).reason());
        assertEquals("lost: 66.6% for, more than 2/3 (66.7%) needed", one(moreThanTwoThirds, 9, 6, 3, 0).reason());
        assertThrows(IllegalArgumentException.class, () -> new Threshold(1, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new Threshold(4, 3, true));
    }

    @Test
    void theDenominatorDecidesWhatWithheldVotesDo() {
        // 6 for, 4 against, 2 withheld, roll 20.
        // for and against: 6/10 = 60%; valid ballots: 6/12 = 50%; roll: 6/20 = 30%.
        assertTrue(one(ORDINARY, 20, 6, 4, 2).carried());
        Outcome ballots = one(Rule.simple(Threshold.ORDINARY, Denominator.VALID_BALLOTS), 20, 6, 4, 2);
        assertEquals("lost: 50.0% for, more than 50% needed", ballots.reason());
        Outcome roll = one(Rule.simple(Threshold.ORDINARY, Denominator.ROLL), 20, 6, 4, 2);
        assertEquals("lost: 30.0% for, more than 50% needed", roll.reason());
        assertEquals("30.0", roll.forPercent());
    }

    @Test
    void everyoneAbstainsIsLost() {
        Outcome o = one(ORDINARY, 10, 0, 0, 7);
        assertFalse(o.carried());
        assertEquals("lost: no votes for or against", o.reason());
        assertNull(o.forPercent());
        assertEquals(7, o.withheld());
    }

    @Test
    void quorumCountsEveryBallotAndIsTheLargerOfNumberAndShare() {
        // Quorum: 2 members or 50% of the roll, whichever is greater (Co-operatives UK model).
        Rule rule = new Rule(Threshold.ORDINARY, Denominator.FOR_AGAINST, new Quorum(2L, 1L, 2L), null, null);
        // roll 9: 50% of 9 = 4.5, rounded up to 5; 4 ballots are one short.
        Outcome o = one(rule, 9, 4, 0, 0);
        assertEquals(5, o.quorumNeeded());
        assertFalse(o.quorumMet());
        assertEquals("lost: quorum not met: 4 of 9 members took part, 5 needed", o.reason());
        // 5 ballots, withheld ones included, meet it: 3 for, 1 against, 1 withheld.
        assertTrue(one(rule, 9, 3, 1, 1).carried());
        // roll 3: 50% is 2 (1.5 up), and 2 members is 2.
        assertEquals(2, one(rule, 3, 2, 0, 0).quorumNeeded());
    }

    @Test
    void classConsentNeedsTheThresholdInEachNamedClass() {
        Rule rule = new Rule(Threshold.SPECIAL, Denominator.FOR_AGAINST, null, List.of("Staff"), null);
        // Public 17 for 1 against, Staff 3 for 3 against: overall 20/24 = 83.3%; Staff 3/6 = 50%.
        Outcome o = Resolution.decide(rule, List.of(new Count("Public", 30, 17, 1, 0), new Count("Staff", 10, 3, 3, 0)));
        assertFalse(o.carried());
        assertEquals("lost: 83.3% for overall, but not in Staff: 50.0% for, at least 75% needed in each class", o.reason());
        assertEquals(Boolean.FALSE, o.classes().get(1).consentMet());
        assertNull(o.classes().get(0).consentMet());
        // Staff 6 for 2 against: 6/8 = 75%: consent given.
        assertTrue(Resolution.decide(rule, List.of(new Count("Public", 30, 17, 1, 0), new Count("Staff", 10, 6, 2, 0))).carried());
    }

    @Test
    void fixedSharesCanFlipTheRawResult() {
        // Staff 50%, Patients 30%, Public 20%.
        Rule rule = new Rule(Threshold.ORDINARY, Denominator.FOR_AGAINST, null, null, List.of(
                new ClassWeight("Staff", 1, 2, false), new ClassWeight("Patients", 3, 10, false), new ClassWeight("Public", 1, 5, false)));
        List<Count> counts = List.of(new Count("Staff", 10, 3, 1, 0), new Count("Patients", 10, 1, 3, 0),
                new Count("Public", 100, 40, 60, 0));
        // Raw: 44 for, 64 against: 44/108 = 40.7%: lost if unweighted.
        assertFalse(Resolution.decide(Rule.simple(Threshold.ORDINARY, Denominator.FOR_AGAINST), counts).carried());
        // Weighted: 1/2 * 3/4 + 3/10 * 1/4 + 1/5 * 40/100 = 0.375 + 0.075 + 0.08 = 0.53.
        Outcome o = Resolution.decide(rule, counts);
        assertTrue(o.carried());
        assertEquals("carried: 53.0% weighted for, more than 50% needed", o.reason());
        assertEquals("40.7", o.forPercent());
        assertEquals("53.0", o.weightedForPercent());
        // Against: 1/2 * 1/4 + 3/10 * 3/4 + 1/5 * 60/100 = 0.125 + 0.225 + 0.12 = 0.47.
        assertEquals("47.0", o.weightedAgainstPercent());
        assertEquals("50.0", o.classes().get(0).weightPercent());
    }

    @Test
    void aCappedClassIsHeldToItsCap() {
        // Investors at most 10%. Investors 90 for 0 against; members 4 for 6 against.
        Rule rule = new Rule(Threshold.ORDINARY, Denominator.FOR_AGAINST, null, null,
                List.of(new ClassWeight("Investors", 1, 10, true)));
        List<Count> counts = List.of(new Count("Investors", 90, 90, 0, 0), new Count("Members", 10, 4, 6, 0));
        // Raw: 94/100 = 94% for. Investors' raw weight 90/100 > 10%: held at 10%; Members get 90%.
        // Weighted for: 1/10 * 90/90 + 9/10 * 4/10 = 0.1 + 0.36 = 0.46.
        Outcome o = Resolution.decide(rule, counts);
        assertFalse(o.carried());
        assertEquals("lost: 46.0% weighted for, more than 50% needed", o.reason());
        assertEquals("94.0", o.forPercent());
        assertEquals("10.0", o.classes().get(0).weightPercent());
        // Under the cap nothing changes: Investors 5 for of 5 (5/100 = 5% of the votes), Members 50 for 45 against:
        // raw 55/100; weighted 5/100 * 5/5 + 95/100 * 50/95 = 0.05 + 0.5 = 0.55.
        Outcome under = Resolution.decide(rule, List.of(new Count("Investors", 9, 5, 0, 0), new Count("Members", 100, 50, 45, 0)));
        assertEquals("55.0", under.weightedForPercent());
        assertEquals("55.0", under.forPercent());
    }

    @Test
    void aWeightedTieIsLost() {
        Rule rule = new Rule(Threshold.ORDINARY, Denominator.FOR_AGAINST, null, null,
                List.of(new ClassWeight("A", 1, 2, false), new ClassWeight("B", 1, 2, false)));
        // A all for, B all against: 1/2 * 1 + 1/2 * 0 = 1/2 for, 1/2 against.
        Outcome o = Resolution.decide(rule, List.of(new Count("A", 5, 3, 0, 0), new Count("B", 5, 0, 1, 0)));
        assertEquals("lost: a tie, 50.0% for and against weighted; there is no casting vote", o.reason());
    }

    @Test
    void theRuleInWords() {
        Rule rule = new Rule(Threshold.SPECIAL, Denominator.FOR_AGAINST, new Quorum(2L, 1L, 10L), List.of("Staff"), null);
        assertEquals("at least 75% of votes for and against; quorum 2 members or 10% of the roll, whichever is more,"
                + " counting ballots cast by proxy; also at least 75% in each of Staff", rule.words());
    }
}
