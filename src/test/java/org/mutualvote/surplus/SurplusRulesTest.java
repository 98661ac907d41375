package org.mutualvote.surplus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The surplus rules on worked examples, with the arithmetic written out in the comments. */
class SurplusRulesTest {

    private static final List<String> THREE = List.of("Reinvestment", "Staff dividend", "Community fund");
    private static final List<PotKind> THREE_KINDS = List.of(PotKind.RESERVE, PotKind.MEMBER_DIVIDEND, PotKind.OTHER);
    /** Reserves at least 20%, member dividends at most 40%, dividends together at most 50%, investors at most members. */
    private static final Limits RULE_BOOK = new Limits(20, 40, 50, true);
    private static final Limits NONE = new Limits(0, null, null, false);

    private static Fraction f(long n, long d) {
        return Fraction.of(n, d);
    }

    private static List<Splits.Fault> faults(List<? extends Number> split) {
        return assertInstanceOf(Splits.Invalid.class, Splits.check("percents", split, THREE, THREE_KINDS, RULE_BOOK)).faults();
    }

    @Test
    void aSplitOfWholePercentsKeepingTheLimitsIsAccepted() {
        Splits.Checked c = Splits.check("percents", List.of(50, 30, 20), THREE, THREE_KINDS, RULE_BOOK);
        assertArrayEquals(new int[] { 50, 30, 20 }, assertInstanceOf(Splits.Valid.class, c).percents());
    }

    @Test
    void splitsNotAddingUpTo100AreRefusedSayingBy() {
        // 50 + 30 + 10 = 90: 10 left to share.
        assertEquals("the percents add up to 90; they must add up to exactly 100 (10 left to share)", faults(List.of(50, 30, 10)).get(0).message());
        // 60 + 30 + 20 = 110: 10 too many.
        assertEquals("the percents add up to 110; they must add up to exactly 100 (10 too many)", faults(List.of(60, 30, 20)).get(0).message());
    }

    @Test
    void negativeFractionalAndMissingPercentsAreEachNamed() {
        List<Splits.Fault> f = faults(Arrays.asList(new BigDecimal("-10"), new BigDecimal("12.5"), null));
        assertEquals(3, f.size());
        assertEquals("percents[0]", f.get(0).field());
        assertEquals("-10% is negative (Reinvestment); a pot gets 0% or more", f.get(0).message());
        assertEquals("percent-negative", f.get(0).phrase().code());
        assertEquals(Map.of("value", "-10", "pot", "Reinvestment"), f.get(0).phrase().params());
        assertEquals("percents[1]", f.get(1).field());
        assertEquals("12.5 is not a whole percent (Staff dividend); percents are whole numbers", f.get(1).message());
        assertEquals("percent-not-whole", f.get(1).phrase().code());
        assertEquals("percents[2]", f.get(2).field());
        // 40.0 is a whole percent written with a decimal point, and accepted as 40.
        assertInstanceOf(Splits.Valid.class, Splits.check("percents", List.of(new BigDecimal("40.0"), 40, 20), THREE, THREE_KINDS, RULE_BOOK));
    }

    @Test
    void theWrongNumberOfPercentsIsRefused() {
        assertTrue(faults(List.of(50, 50)).get(0).message().startsWith("2 percents for 3 pots"));
    }

    @Test
    void aSplitBreakingALimitIsRefusedWithTheLimitNamed() {
        // Reserves 10% < 20%; member dividends 60% > 40% and (with no investors) dividends together 60% > 50%.
        List<Splits.Fault> f = faults(List.of(10, 60, 30));
        assertEquals(3, f.size());
        assertTrue(f.get(0).message().startsWith("breaks the limit reserve-minimum: reserves must get at least 20%; this gives them 10.00%"), f.get(0).message());
        assertTrue(f.get(1).message().startsWith("breaks the limit member-dividend-maximum"), f.get(1).message());
        assertTrue(f.get(2).message().startsWith("breaks the limit dividends-maximum"), f.get(2).message());
        // The same faults as codes with their figures, for a reader in another language.
        assertEquals(List.of("limit-reserve-minimum", "limit-member-dividend-maximum", "limit-dividends-maximum"),
                f.stream().map(x -> x.phrase().code()).toList());
        assertEquals(Map.of("minimum", 20, "given", "10.00"), f.get(0).phrase().params());
        assertEquals(Map.of("maximum", 50, "given", "60.00"), f.get(2).phrase().params());
    }

    @Test
    void investorsMayNotGetMoreThanMembers() {
        List<String> names = List.of("Reserve", "Member dividend", "Investor dividend");
        List<PotKind> kinds = List.of(PotKind.RESERVE, PotKind.MEMBER_DIVIDEND, PotKind.INVESTOR_DIVIDEND);
        // 60 / 15 / 25: investors 25% > members 15%; together 40% <= 50%.
        List<Splits.Fault> f = assertInstanceOf(Splits.Invalid.class, Splits.check("percents", List.of(60, 15, 25), names, kinds, RULE_BOOK)).faults();
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().startsWith("breaks the limit investors-at-most-members"), f.get(0).message());
    }

    @Test
    void limitsThatNoSplitCouldKeepAreFound() {
        // No reserve pot but a 20% reserve minimum; every pot a dividend though dividends are capped.
        List<Limits.Breach> b = RULE_BOOK.satisfiable(List.of(PotKind.MEMBER_DIVIDEND, PotKind.INVESTOR_DIVIDEND));
        assertEquals(List.of(Limits.RESERVE_MINIMUM, Limits.DIVIDENDS_MAXIMUM), b.stream().map(Limits.Breach::limit).toList());
        assertEquals(List.of(), RULE_BOOK.satisfiable(THREE_KINDS));
    }

    /**
     * Three ballots over three pots: (70, 30, 0), (50, 0, 50), (10, 60, 30).
     *
     * <p>Mean: (70+50+10, 30+0+60, 0+50+30) / 300 = (130, 90, 80) / 300 = (13/30, 3/10, 4/15).
     *
     * <p>Independent markets, n = 3: med(t) = max(min(t, v1), min(2t, v2), min(3t, v3)) with v1 >= v2 >= v3 the pot's shares.
     * Pot 1 (.7, .5, .1): for t <= .25, max(t, 2t, .1) = 2t. Pot 2 (.6, .3, 0) and pot 3 (.5, .3, 0): for
     * .15 <= t <= .3, max(t, .3) = .3. On [.15, .25] the sum is 2t + .3 + .3 = 1, so t* = 1/5 and the
     * outcome is (2/5, 3/10, 3/10).
     */
    @Test
    void meanAndIndependentMarketsOnAWorkedExample() {
        List<int[]> ballots = List.of(new int[] { 70, 30, 0 }, new int[] { 50, 0, 50 }, new int[] { 10, 60, 30 });
        assertArrayEquals(new Fraction[] { f(13, 30), f(3, 10), f(4, 15) }, Combine.mean(ballots, 3));
        Combine.Combined c = Combine.independentMarkets(ballots, 3);
        assertArrayEquals(new Fraction[] { f(2, 5), f(3, 10), f(3, 10) }, c.shares());
        // t* lies on a flat-free piece here, so it is found exactly.
        assertEquals(f(1, 5), c.t());
        // £1,000.00 by the mean: 43,333.33 + 30,000 + 26,666.67 pence; floors 43,333 + 30,000 + 26,666 = 99,999;
        // the last penny goes to the largest remainder, 2/3 (pot 3).
        assertArrayEquals(new long[] { 43_333, 30_000, 26_667 }, Pence.byShares(100_000, Combine.mean(ballots, 3), 7, labels(3)));
        assertArrayEquals(new long[] { 40_000, 30_000, 30_000 }, Pence.byShares(100_000, c.shares(), 7, labels(3)));
    }

    /**
     * Ballots (50, 50), (30, 70), (70, 30). The third member wants 70% in pot 1.
     *
     * <p>Truthful: mean (150/300, 150/300) = (1/2, 1/2). Independent markets: pot 1 (.7, .5, .3) and pot 2
     * (.7, .5, .3), med(t) = max(min(t, .7), min(2t, .5), min(3t, .3)) = .5 for .25 <= t <= .5: (1/2, 1/2).
     *
     * <p>The third member exaggerates to (100, 0): mean (180/300, 120/300) = (3/5, 2/5): they pulled pot 1
     * from 50% to 60%, towards their 70%. Independent markets: pot 1 (1, .5, .3): max(min(t, 1), min(2t, .5), ...)
     * = .5 for .25 <= t <= .5; pot 2 (.7, .5, 0): .5 likewise; still (1/2, 1/2): exaggerating gained nothing.
     */
    @Test
    void exaggeratingMovesTheMeanButNotTheMovingPhantomRule() {
        List<int[]> truthful = List.of(new int[] { 50, 50 }, new int[] { 30, 70 }, new int[] { 70, 30 });
        List<int[]> exaggerated = List.of(new int[] { 50, 50 }, new int[] { 30, 70 }, new int[] { 100, 0 });
        assertArrayEquals(new Fraction[] { f(1, 2), f(1, 2) }, Combine.mean(truthful, 2));
        assertArrayEquals(new Fraction[] { f(3, 5), f(2, 5) }, Combine.mean(exaggerated, 2));
        assertArrayEquals(new Fraction[] { f(1, 2), f(1, 2) }, Combine.independentMarkets(truthful, 2).shares());
        assertArrayEquals(new Fraction[] { f(1, 2), f(1, 2) }, Combine.independentMarkets(exaggerated, 2).shares());
    }

    @Test
    void oneBallotIsItsOwnOutcomeUnderEitherRule() {
        List<int[]> one = List.of(new int[] { 37, 41, 22 });
        Fraction[] expected = { f(37, 100), f(41, 100), f(22, 100) };
        assertArrayEquals(expected, Combine.mean(one, 3));
        assertArrayEquals(expected, Combine.independentMarkets(one, 3).shares());
    }

    @Test
    void independentMarketsAlwaysAddsUpToExactlyOneOnManyProfiles() {
        java.util.Random r = new java.util.Random(20_260_123);
        for (int trial = 0; trial < 300; trial++) {
            int pots = 2 + r.nextInt(5);
            int n = 1 + r.nextInt(40);
            List<int[]> ballots = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                int[] b = new int[pots];
                int left = 100;
                for (int j = 0; j < pots - 1; j++) {
                    b[j] = r.nextInt(left + 1);
                    left -= b[j];
                }
                b[pots - 1] = left;
                ballots.add(b);
            }
            Fraction total = Fraction.ZERO;
            for (Fraction s : Combine.independentMarkets(ballots, pots).shares()) {
                assertTrue(s.signum() >= 0);
                total = total.plus(s);
            }
            assertEquals(Fraction.ONE, total, "trial " + trial);
        }
    }

    /**
     * One penny among three pots of a third each: quotas 1/3p, floors 0p, one penny left and three equal
     * remainders. The published rule gives it to the pot with the smallest SHA-256("mutualvote-tie-v1\n" + seed + "\n" + position).
     */
    @Test
    void onePennyAmongThreeEqualPotsGoesByThePublishedTieRule() throws Exception {
        Fraction third = f(1, 3);
        for (long seed : new long[] { 0, 1, 42, 8_675_309 }) {
            long[] pence = Pence.byShares(1, new Fraction[] { third, third, third }, seed, labels(3));
            assertEquals(1, Arrays.stream(pence).sum());
            int expected = 0;
            for (int i = 1; i < 3; i++) {
                if (key(seed, Integer.toString(i + 1)).compareTo(key(seed, Integer.toString(expected + 1))) < 0) {
                    expected = i;
                }
            }
            long[] want = new long[3];
            want[expected] = 1;
            assertArrayEquals(want, pence, "seed " + seed);
            // The same seed gives the same penny, every time.
            assertArrayEquals(pence, Pence.byShares(1, new Fraction[] { third, third, third }, seed, labels(3)));
        }
    }

    @Test
    void dividendsByWeightsAddUpToThePotToThePenny() {
        // £100.00 by hours 10, 20, 30, 7: W = 67; quotas 10000*10/67 = 1492.54, 2985.07, 4477.61, 1044.78;
        // floors 1492 + 2985 + 4477 + 1044 = 9998; 2p left to the largest remainders, 0.78 and 0.61.
        long[] p = Pence.byWeights(10_000, new long[] { 10, 20, 30, 7 }, 99, new String[] { "a", "b", "c", "d" });
        assertArrayEquals(new long[] { 1492, 2985, 4478, 1045 }, p);
        assertEquals(10_000, Arrays.stream(p).sum());
    }

    /**
     * Six pots: two reserves (R1, R2), three member dividends (M1..M3), one other (O); reserves at least
     * 30%, dividends together at most 50%. Ballots (10,30,20,20,10,10) and (30,20,10,10,20,10) each keep
     * both limits (reserves 40% and 50%, dividends 50% and 40%).
     *
     * <p>Independent markets, n = 2, med(t) = max(min(t, v1), min(2t, v2)). At t = 7/40 = .175:
     * R1 (.3,.1): max(.175, .1) = .175; R2 (.3,.2): max(.175, .2) = .2; each M (.2,.1): .175; O (.1,.1): .1.
     * Sum .175 + .2 + 3 x .175 + .1 = 1, so the outcome is (7/40, 1/5, 7/40, 7/40, 7/40, 1/10): dividends
     * 21/40 = 52.5%, breaking the 50% limit, though no ballot did.
     *
     * <p>The stated repair scales dividends by (1/2)/(21/40) = 20/21 to 1/6 each and gives the 1/40 taken
     * off to the reserves in proportion 7:8: R1 7/40 + 7/600 = 14/75, R2 1/5 + 1/75 = 16/75. Sum: 30/75 + 1/2 + 1/10 = 1.
     *
     * <p>£1,000.00: R1 18,666.67, R2 21,333.33, each M 16,666.67, O 10,000; floors add up to 99,997; three
     * pennies for four remainders of 2/3 (R1, M1, M2, M3): the one with the largest tie key misses out.
     */
    @Test
    void aCombinedSplitBreakingALimitIsRepairedAsStated() throws Exception {
        List<PotKind> kinds = List.of(PotKind.RESERVE, PotKind.RESERVE, PotKind.MEMBER_DIVIDEND, PotKind.MEMBER_DIVIDEND,
                PotKind.MEMBER_DIVIDEND, PotKind.OTHER);
        Limits limits = new Limits(30, null, 50, true);
        List<int[]> ballots = List.of(new int[] { 10, 30, 20, 20, 10, 10 }, new int[] { 30, 20, 10, 10, 20, 10 });
        for (int[] b : ballots) {
            assertEquals(List.of(), limits.check(kinds, Splits.shares(b)));
        }
        Combine.Combined c = Combine.independentMarkets(ballots, 6);
        assertArrayEquals(new Fraction[] { f(7, 40), f(1, 5), f(7, 40), f(7, 40), f(7, 40), f(1, 10) }, c.shares());
        assertEquals(List.of(Limits.DIVIDENDS_MAXIMUM), limits.check(kinds, c.shares()).stream().map(Limits.Breach::limit).toList());

        Limits.Repaired r = limits.repair(kinds, c.shares());
        assertArrayEquals(new Fraction[] { f(14, 75), f(16, 75), f(1, 6), f(1, 6), f(1, 6), f(1, 10) }, r.shares());
        assertEquals(List.of("dividends-maximum: scaled dividends down by 2.5000% to reserves"), r.steps());
        assertEquals(List.of(), limits.check(kinds, r.shares()));

        long seed = 5;
        long[] pence = Pence.byShares(100_000, r.shares(), seed, labels(6));
        assertEquals(100_000, Arrays.stream(pence).sum());
        int[] tied = { 0, 2, 3, 4 };
        int loser = tied[0];
        for (int i : tied) {
            if (key(seed, Integer.toString(i + 1)).compareTo(key(seed, Integer.toString(loser + 1))) > 0) {
                loser = i;
            }
        }
        long[] floors = { 18_666, 21_333, 16_666, 16_666, 16_666, 10_000 };
        for (int i = 0; i < 6; i++) {
            final int pot = i;
            boolean getsPenny = pot != loser && Arrays.stream(tied).anyMatch(x -> x == pot);
            assertEquals(floors[i] + (getsPenny ? 1 : 0), pence[i], "pot " + (i + 1));
        }
        // The mean of the same ballots, (20, 25, 15, 15, 15, 10)%, keeps the limits without repair: an
        // average of splits that keep linear limits keeps them too.
        assertEquals(List.of(), limits.repair(kinds, Combine.mean(ballots, 6)).steps());
    }

    @Test
    void theRepairMovesInvestorMoneyToMembersAndTopsUpReserves() {
        List<PotKind> kinds = List.of(PotKind.RESERVE, PotKind.MEMBER_DIVIDEND, PotKind.INVESTOR_DIVIDEND, PotKind.OTHER);
        // Investors 30% > members 10%: half the difference, 10%, moves: both 20%. Reserves 10% < 20%: the
        // 10% shortfall comes from the other pots (20 + 20 + 50 = 90%) in proportion: each keeps 80/90.
        Limits.Repaired r = new Limits(20, null, null, true).repair(kinds, new Fraction[] { f(1, 10), f(1, 10), f(3, 10), f(1, 2) });
        assertArrayEquals(new Fraction[] { f(1, 5), f(8, 45), f(8, 45), f(4, 9) }, r.shares());
        assertEquals(2, r.steps().size());
    }

    private static String[] labels(int n) {
        String[] l = new String[n];
        for (int i = 0; i < n; i++) {
            l[i] = Integer.toString(i + 1);
        }
        return l;
    }

    /** The tie rule, written out again here rather than called. */
    private static String key(long seed, String label) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("mutualvote-tie-v1\n" + seed + "\n" + label).getBytes(StandardCharsets.UTF_8)));
    }
}
