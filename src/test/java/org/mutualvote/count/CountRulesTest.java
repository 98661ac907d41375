package org.mutualvote.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Worked examples checked by hand, and the edge cases every rule must survive. */
class CountRulesTest {

    @Test
    void pluralityCountsFirstUsablePreference() {
        Fixture f = Fixture.seats(1, "A", "B", "C").ballots(3, "AB").ballots(4, "BA").ballots(2, "CA").withdraw("B");
        // B withdrew: the four "BA" ballots count for A.
        assertEquals(List.of("A"), f.elected(Rule.FPTP, 0));
        assertEquals(List.of(7L, 0L, 2L), votes(f.count(Rule.FPTP), 0));
    }

    @Test
    void blockVoteGivesOneVoteToEachOfTheFirstNPreferences() {
        Fixture f = Fixture.seats(2, "A", "B", "C").ballots(3, "ABC").ballots(2, "CB").ballots(1, "C");
        // A 3, B 3 + 2 = 5, C 3: B first, then A and C tie at 3, decided by lot.
        CountResult r = f.count(Rule.FPTP);
        assertEquals(List.of(3L, 5L, 3L), votes(r, 0));
        assertEquals("B", f.profile().candidates().get(r.elected().get(0)));
        assertNotNull(r.stages().get(0).note(), "a lot is recorded");
    }

    @Test
    void instantRunoffTransfersUntilAMajority() {
        Fixture f = Fixture.seats(1, "A", "B", "C").ballots(4, "A").ballots(3, "BA").ballots(2, "CB");
        CountResult r = f.count(Rule.IRV);
        assertEquals(List.of("B"), names(f, r.elected()));
        assertEquals(2, r.stages().size());
        assertEquals(List.of(4L, 5L, 0L), votes(r, 1));
    }

    @Test
    void instantRunoffElectsAnOutrightMajorityAtOnce() {
        Fixture f = Fixture.seats(1, "A", "B").ballots(5, "A").ballots(4, "B");
        assertEquals(1, f.count(Rule.IRV).stages().size());
        assertThrows(IllegalArgumentException.class, () -> Fixture.seats(2, "A", "B").ballots(1, "A").count(Rule.IRV));
    }

    /**
     * 15 ballots, 2 seats: quota floor(15/3)+1 = 6. A has 8 and passes 2 on at 2/8 = 0.25000 a paper:
     * 6 papers to B (1.50000), 2 to C (0.50000). B and C tie at 4.5; the most recent stage at which they
     * differed is the first (B 3, C 4), so B is excluded and C takes the last seat.
     */
    @Test
    void scottishSurplusTransferAndTieByEarlierStage() {
        Fixture f = Fixture.seats(2, "A", "B", "C").ballots(6, "AB").ballots(2, "AC").ballots(4, "C").ballots(3, "B");
        CountResult r = f.count(Rule.SCOTLAND);
        assertEquals(List.of("A", "C"), names(f, r.elected()));
        assertEquals(600000L, r.quota());
        assertEquals(List.of(800000L, 300000L, 400000L), votes(r, 0));
        assertEquals(List.of(600000L, 450000L, 450000L), votes(r, 1));
        assertTrue(r.stages().get(2).note().contains("broken by an earlier stage"), r.stages().get(2).note());
        assertEquals(List.of(1), r.stages().get(2).excluded());
    }

    @Test
    void scottishTruncationLossIsRecorded() {
        // Quota floor(10/3)+1 = 4; A's surplus 3 over 7 papers: 3/7 = 0.42857 a paper, 0.00001 lost.
        Fixture f = Fixture.seats(2, "A", "B", "C").ballots(7, "AB").ballots(2, "B").ballots(1, "C");
        Stage transfer = f.count(Rule.SCOTLAND).stages().get(1);
        assertEquals(1, transfer.loss());
        assertEquals(200000L + 7 * 42857L, transfer.votes()[1]);
    }

    @Test
    void allSeatsFilledAtTheFirstStage() {
        Fixture f = Fixture.seats(2, "A", "B", "C").ballots(5, "A").ballots(5, "B").ballots(1, "C");
        CountResult r = f.count(Rule.SCOTLAND);
        assertEquals(Set.of("A", "B"), Set.copyOf(names(f, r.elected())));
        assertEquals(1, r.stages().size());
    }

    @Test
    void exactQuotaWinnerHasNoSurplusToTransfer() {
        // Quota floor(9/3)+1 = 4: A has exactly 4.
        Fixture f = Fixture.seats(2, "A", "B", "C", "D").ballots(4, "AB").ballots(2, "B").ballots(2, "C").ballots(1, "D");
        CountResult r = f.count(Rule.SCOTLAND);
        assertEquals("A", names(f, r.elected()).get(0));
        assertTrue(r.stages().stream().noneMatch(s -> s.action().startsWith("Surplus")));
    }

    @Test
    void lastSeatsAreFilledWithoutQuota() {
        Fixture f = Fixture.seats(2, "A", "B", "C", "D").ballots(3, "A").ballots(3, "B").ballots(2, "C").ballots(1, "D");
        CountResult r = f.count(Rule.SCOTLAND);
        assertEquals(List.of("A", "B"), names(f, r.elected()));
        assertTrue(r.stages().get(r.stages().size() - 1).action().contains("Remaining"));
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void withdrawnCandidatesAreSkipped(Rule rule) {
        Fixture f = Fixture.seats(1, "A", "B", "C").ballots(5, "BA").ballots(4, "C").ballots(1, "A").withdraw("B");
        assertEquals(List.of("A"), f.elected(rule, 0));
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void emptyBallotsCountForNothing(Rule rule) {
        Fixture f = Fixture.seats(1, "A", "B").ballots(100, "").ballots(3, "A").ballots(2, "B");
        assertEquals(List.of("A"), f.elected(rule, 0));
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void oneCandidateIsElected(Rule rule) {
        assertEquals(List.of("A"), Fixture.seats(1, "A").ballots(1, "A").elected(rule, 0));
    }

    @ParameterizedTest
    @EnumSource(value = Rule.class, names = "IRV", mode = EnumSource.Mode.EXCLUDE)
    void moreSeatsThanCandidatesElectsEveryone(Rule rule) {
        Fixture f = Fixture.seats(3, "A", "B").ballots(2, "A").ballots(1, "B");
        assertEquals(Set.of("A", "B"), Set.copyOf(f.elected(rule, 0)));
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void theSameSeedGivesTheSameResultAndLotsVaryWithTheSeed(Rule rule) {
        // A dead heat: only a lot can decide.
        Fixture f = Fixture.seats(1, "A", "B", "C").ballots(2, "A").ballots(2, "B").ballots(2, "C");
        Set<List<String>> outcomes = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            List<String> first = f.elected(rule, seed);
            assertEquals(first, f.elected(rule, seed), "seed " + seed);
            assertEquals(Counter.count(f.profile(), rule, seed).toJson(),
                    Counter.count(f.profile(), rule, seed).toJson());
            outcomes.add(first);
        }
        assertEquals(3, outcomes.size(), "every candidate can win the lot: " + outcomes);
    }

    /**
     * Scottish rule 49: of equal surpluses, the one of the candidate with more votes at the most recent stage
     * at which they differed goes first; equal at every stage, the lot decides.
     * <p>Earlier stage: 22 papers, 4 seats, quota floor(22/5) + 1 = 5. C's 10 papers pass a surplus of 5 on
     * at 0.50000: 4 to A (4 + 2 = 6) and 6 to B (3 + 3 = 6). A and B are elected with equal surpluses of 1;
     * at stage 1 A had 4 and B 3, so A is elected first and A's surplus is transferred first.
     * <p>Lot: 14 papers, 3 seats, quota 4; A and B have 5 each from the first stage on, so only the lot
     * orders their surpluses, and it is the seed's: seed 0 draws A, seed 1 draws B.
     */
    @Test
    void equalSurplusesAreOrderedByEarlierStageThenLot() {
        Fixture earlier = Fixture.seats(4, "A", "B", "C", "D", "E").ballots(4, "A").ballots(3, "B").ballots(4, "CA")
                .ballots(6, "CB").ballots(3, "D").ballots(2, "E");
        CountResult r = earlier.count(Rule.SCOTLAND);
        assertEquals(List.of(600000L, 600000L, 500000L, 300000L, 200000L), votes(r, 1));
        assertEquals(List.of("C", "A", "B", "D"), names(earlier, r.elected()));
        assertEquals("Surplus of A (1.00000) transferred", r.stages().get(2).action());
        assertEquals("tie for largest surplus between A, B broken by an earlier stage: A", r.stages().get(2).note());
        assertEquals("Surplus of B (1.00000) transferred", r.stages().get(3).action());

        Fixture level = Fixture.seats(3, "A", "B", "C", "D").ballots(5, "AC").ballots(5, "BD").ballots(2, "C").ballots(2, "D");
        Stage seed0 = Counter.count(level.profile(), Rule.SCOTLAND, 0).stages().get(1);
        assertEquals("Surplus of A (1.00000) transferred", seed0.action());
        assertEquals("tie for largest surplus between A, B broken by lot: A", seed0.note());
        Stage seed1 = Counter.count(level.profile(), Rule.SCOTLAND, 1).stages().get(1);
        assertEquals("Surplus of B (1.00000) transferred", seed1.action());
        assertEquals("tie for largest surplus between A, B broken by lot: B", seed1.note());
    }

    @Test
    void meekKeepsAShareAndPassesTheRestOn() {
        // Quota 10/3 + 10^-9; A keeps about 3.33 of 6, B receives the rest and is elected.
        Fixture f = Fixture.seats(2, "A", "B", "C").ballots(6, "AB").ballots(1, "B").ballots(3, "C");
        CountResult r = f.count(Rule.MEEK);
        assertEquals(List.of("A", "B"), names(f, r.elected()));
        assertEquals(3_333_333_334L, r.quota());
    }

    @Test
    void wigmUsesFourPlacesAndAnEpsilonQuota() {
        Fixture f = Fixture.seats(2, "A", "B", "C").ballots(6, "AB").ballots(2, "AC").ballots(4, "C").ballots(3, "B");
        CountResult r = f.count(Rule.WIGM);
        assertEquals(50001L, r.quota());
        assertEquals("A", names(f, r.elected()).get(0));
    }

    @Test
    void ers97TransfersOnlyTheLastParcel() {
        // Quota 15/3 = 5.00 exactly (no 0.01 added). A is elected at once with 8; the surplus 3.00 goes at
        // 3.00/8 = 0.37 a paper (truncated), so B reaches 3 + 6 x 0.37 = 5.22 and the quota.
        Fixture f = Fixture.seats(2, "A", "B", "C").ballots(6, "AB").ballots(2, "AC").ballots(4, "C").ballots(3, "BC");
        CountResult r = f.count(Rule.ERS97);
        assertEquals(500L, r.quota());
        assertEquals(List.of("A", "B"), names(f, r.elected()));
        assertEquals(300L + 6 * 37L, r.stages().get(1).votes()[1]);
        assertEquals(3L * 100 - 8 * 37L, r.stages().get(1).loss(), "what truncation drops is lost");
    }

    @Test
    void ers97QuotaAddsAHundredthOnlyWhenTheDivisionIsInexact() {
        Fixture f = Fixture.seats(2, "A", "B", "C").ballots(6, "A").ballots(5, "B").ballots(5, "C");
        assertEquals(534L, f.count(Rule.ERS97).quota());
    }

    @Test
    void ers97ElectsOnTheActiveVoteShareAndExcludesInBulk() {
        // 3 seats. A 40 and B 30 are elected; C 10, D 6, E 3, F 2: E and F together (5) cannot pass D (6),
        // so they go together.
        Fixture f = Fixture.seats(3, "A", "B", "C", "D", "E", "F").ballots(40, "A").ballots(30, "B").ballots(10, "C")
                .ballots(6, "D").ballots(3, "EC").ballots(2, "FD");
        CountResult r = f.count(Rule.ERS97);
        assertTrue(r.stages().stream().anyMatch(s -> s.excluded().size() == 2), "a bulk exclusion");
        assertEquals(List.of("A", "B", "C"), names(f, r.elected()));
    }

    @Test
    void invalidInputIsRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> Fixture.seats(0, "A").ballots(1, "A").count(Rule.SCOTLAND));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () ->
                Counter.count(new Profile("t", List.of("A", "B"), 1, Set.of(), List.of(new Ballot(1, new int[] { 0, 0 }))), Rule.IRV, 0));
        assertTrue(twice.getMessage().contains("twice"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () ->
                Counter.count(new Profile("t", List.of("A"), 1, Set.of(), List.of(new Ballot(1, new int[] { 3 }))), Rule.FPTP, 0));
        assertTrue(unknown.getMessage().contains("candidate 4"));
        assertThrows(IllegalArgumentException.class, () -> Rule.parse("borda"));
    }

    @Test
    void jsonCarriesEveryStage() {
        Fixture f = Fixture.seats(2, "A", "B", "C").ballots(6, "AB").ballots(2, "AC").ballots(4, "C").ballots(3, "B");
        String json = f.count(Rule.SCOTLAND).toJson();
        assertTrue(json.startsWith("{\"rule\":\"scotland\",\"seats\":2,\"seed\":0,"), json);
        assertTrue(json.contains("\"elected\":[\"A\",\"C\"]"), json);
        assertTrue(json.contains("\"transfers\":{\"A\":\"-2.00000\",\"B\":\"1.50000\",\"C\":\"0.50000\"}"), json);
    }

    private static List<Long> votes(CountResult r, int stage) {
        long[] v = r.stages().get(stage).votes();
        return java.util.Arrays.stream(v).boxed().toList();
    }

    private static List<String> names(Fixture f, List<Integer> cs) {
        return cs.stream().map(f.profile().candidates()::get).toList();
    }
}
