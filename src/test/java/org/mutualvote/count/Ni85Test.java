package org.mutualvote.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The Northern Ireland 1985 rule worked by hand. Votes are in hundredths (1.00 = 100), as the rule counts to two
 * decimal places; rule numbers are those of the 1985 text quoted in {@link Ni85}.
 */
class Ni85Test {

    /**
     * 3 seats, 40 papers: 4 ABC, 16 AB, 4 BD, 7 C, 5 D, 4 E. Quota (rule 48) = floor(40 / 4) + 1 = 11.
     * <ol>
     * <li>First preferences: A 20, B 4, C 7, D 5, E 4. A is elected with a surplus of 9.00. Not deferred: the gap
     * between the lowest two (E 4, B 4) is 0, and no group of lowest candidates is far enough below the next.</li>
     * <li>A's surplus comes from all 20 first-preference papers (rule 49(1)); all 20 show B next: transfer value
     * 9.00 / 20 = 0.45 (49(4)). B gets 20 x 0.45 = 9.00 and has 4 + 9 = 13.00: elected, surplus 2.00.</li>
     * <li>B's surplus comes only from the sub-parcel B received last (rule 49(5)): the 20 papers from A at 0.45, not B's
     * own 4 BD papers (which would have sent some to D). Of the 20, only the 4 ABC papers show a next preference:
     * 2.00 / 4 = 0.50, more than the 0.45 at which they reached B, so they go at 0.45 (49(7)). C gets 4 x 0.45 = 1.80
     * and has 8.80; the other 0.20 of the surplus is non-transferable (50(2)(c)). D stays at 5.00.</li>
     * <li>No surplus left. E (4) is excluded; E's 4 papers show no further preference: non-transferable 0.20 + 4.00.</li>
     * <li>One vacancy left, C 8.80 and D 5.00: C has at least the votes of D and is elected (rule 52(2)).</li>
     * </ol>
     */
    @Test
    void laterSurplusComesFromTheLastSubParcelAtNoMoreThanItsValue() {
        Fixture f = Fixture.seats(3, "A", "B", "C", "D", "E").ballots(4, "ABC").ballots(16, "AB").ballots(4, "BD")
                .ballots(7, "C").ballots(5, "D").ballots(4, "E");
        CountResult r = f.count(Rule.NI85);
        assertEquals(1100, r.quota());
        assertEquals(List.of(2000L, 400L, 700L, 500L, 400L), votes(r, 0));
        assertEquals(List.of(1100L, 1300L, 700L, 500L, 400L), votes(r, 1));
        assertTrue(r.stages().get(1).note().contains("20 transferable papers at 0.45"), r.stages().get(1).note());
        assertEquals(List.of(1100L, 1100L, 880L, 500L, 400L), votes(r, 2));
        assertEquals(20, r.stages().get(2).nonTransferable());
        assertTrue(r.stages().get(2).note().contains("the sub-parcel last received: 4 transferable papers at 0.45"),
                r.stages().get(2).note());
        assertEquals(List.of(1100L, 1100L, 880L, 500L, 0L), votes(r, 3));
        assertEquals(420, r.stages().get(3).nonTransferable());
        assertEquals(List.of("A", "B", "C"), names(f, r.elected()));
        assertEquals(List.of(2), r.stages().get(3).elected(), "C is elected on the figures of the exclusion stage");
        assertTrue(r.stages().get(3).note().contains("rule 52(2)"), r.stages().get(3).note());
        assertEquals(4, r.stages().size());
    }

    /**
     * 2 seats, 30 papers: 12 AC, 8 B, 6 C, 2 DB, 2 EC. Quota = floor(30 / 3) + 1 = 11.
     * <ol>
     * <li>First preferences: A 12 (elected, surplus 1.00), B 8, C 6, D 2, E 2.</li>
     * <li>Rule 49(10)(b): the surplus 1.00 is less than the gap between the two lowest together (D + E = 4) and the
     * next candidate (C 6): 6 - 4 = 2.00. It is deferred. Rule 51(12): D and E together with the surplus, 2 + 2 + 1
     * = 5, are below C's 6, so both are excluded in one operation (D + E + C with the surplus, 11, is not below B's
     * 8). Their first preferences move: B 8 + 2 = 10, C 6 + 2 = 8.</li>
     * <li>One vacancy left: B's 10 is at least C's 8 plus the untransferred surplus 1.00 = 9, so B is elected
     * (rule 52(2)) and A's surplus is never transferred (52(3)).</li>
     * </ol>
     */
    @Test
    void smallSurplusIsDeferredAndTheLowestGoTogether() {
        Fixture f = Fixture.seats(2, "A", "B", "C", "D", "E").ballots(12, "AC").ballots(8, "B").ballots(6, "C")
                .ballots(2, "DB").ballots(2, "EC");
        CountResult r = f.count(Rule.NI85);
        assertEquals(1100, r.quota());
        Stage exclusion = r.stages().get(1);
        assertEquals("Exclusion of D, E", exclusion.action());
        assertEquals(List.of(3, 4), exclusion.excluded());
        assertTrue(exclusion.note().contains("deferred"), exclusion.note());
        assertTrue(exclusion.note().contains("rule 51(12)"), exclusion.note());
        assertEquals(List.of(1200L, 1000L, 800L, 0L, 0L), votes(r, 1));
        assertEquals(List.of("A", "B"), names(f, r.elected()));
        assertTrue(r.stages().stream().noneMatch(s -> s.action().startsWith("Surplus")), "A's surplus stays deferred");
        assertEquals(2, r.stages().size());
    }

    /**
     * 1 seat, 13 papers: 5 A, 4 B, 3 CA, 1 DC. Quota = floor(13 / 2) + 1 = 7.
     * <ol>
     * <li>First preferences: A 5, B 4, C 3, D 1. Rule 52(2) does not apply: A's 5 is less than 4 + 3 + 1 = 8.</li>
     * <li>D is excluded; the DC paper goes to C: A 5, B 4, C 4.</li>
     * <li>B and C tie for lowest at 4. Rule 51(13)(a): at the earliest stage at which they differed, the first,
     * C had 3 and B 4, so C is excluded (the Scottish rule would look at the most recent stage instead; here it is
     * the same stage, but the note must say an earlier stage decided). C's first preferences go first (rule 51(2)):
     * the 3 CA papers give A 5 + 3 = 8, the quota, and A is elected. The vacancy is filled, so the DC paper C had
     * received is not transferred and stays with C (1.00).</li>
     * </ol>
     */
    @Test
    void tieForExclusionIsDecidedByTheEarliestStageAtWhichTheyDiffered() {
        Fixture f = Fixture.seats(1, "A", "B", "C", "D").ballots(5, "A").ballots(4, "B").ballots(3, "CA").ballots(1, "DC");
        CountResult r = f.count(Rule.NI85);
        assertEquals(700, r.quota());
        assertEquals(List.of(500L, 400L, 400L, 0L), votes(r, 1));
        Stage tie = r.stages().get(2);
        assertEquals(List.of(2), tie.excluded());
        assertTrue(tie.note().contains("tie for exclusion between B, C broken by an earlier stage: C"), tie.note());
        assertEquals(List.of(800L, 400L, 100L, 0L), votes(r, 2));
        assertEquals(0, tie.nonTransferable());
        assertEquals(List.of("A"), names(f, r.elected()));
    }

    /**
     * 2 seats, 22 papers: 6 AC, 6 BD, 5 C, 5 D. Quota = floor(22 / 3) + 1 = 8. No one is elected at first; C and D
     * tie at 5 at every stage, A and B at 6. The first exclusion is a tie between C and D equal at all stages: a lot
     * (rule 51(13)(b)), drawn from the seed, so the same seed always gives the same count.
     */
    @Test
    void tieEqualAtEveryStageIsDecidedByLotFromTheSeed() {
        Fixture f = Fixture.seats(2, "A", "B", "C", "D").ballots(6, "AC").ballots(6, "BD").ballots(5, "C").ballots(5, "D");
        CountResult once = Counter.count(f.profile(), Rule.NI85, 7);
        CountResult again = Counter.count(f.profile(), Rule.NI85, 7);
        assertEquals(once.toJson(), again.toJson());
        assertTrue(once.stages().get(1).note().contains("broken by lot"), once.stages().get(1).note());
    }

    /**
     * 1 seat, 12 papers: 6 AB, 3 B, 2 C, 1 DB. Quota = floor(12 / 2) + 1 = 7. Nobody reaches it, but with one
     * vacancy A's 6 is at least B + C + D = 3 + 2 + 1 = 6 (rule 52(2)), so A is elected at the first stage and no
     * paper is transferred (52(3)); with one vacancy no surplus is ever transferred either (rule 49(11)).
     */
    @Test
    void oneVacancyIsFilledWithoutTransfers() {
        Fixture f = Fixture.seats(1, "A", "B", "C", "D").ballots(6, "AB").ballots(3, "B").ballots(2, "C").ballots(1, "DB");
        CountResult r = f.count(Rule.NI85);
        assertEquals(700, r.quota());
        assertEquals(List.of("A"), names(f, r.elected()));
        assertEquals(1, r.stages().size());
        assertEquals(List.of(600L, 300L, 200L, 100L), votes(r, 0));

        // 8 AB, 3 B, 2 C: A reaches the quota of 7 with 8 at once; the surplus of 1.00 is not transferred.
        Fixture over = Fixture.seats(1, "A", "B", "C").ballots(8, "AB").ballots(3, "B").ballots(2, "C");
        CountResult r2 = over.count(Rule.NI85);
        assertEquals(1, r2.stages().size());
        assertEquals(List.of(800L, 300L, 200L), votes(r2, 0));
    }

    /**
     * Rule 52(1) and (3): when an exclusion leaves as many continuing candidates as vacancies, they are elected and
     * the excluded candidate's papers are not transferred. 3 seats, 25 papers: 10 A, 6 B, 5 C, 4 DB. Quota =
     * floor(25 / 4) + 1 = 7. A is elected with a surplus of 3.00, which no paper can carry on (all 10 say only A):
     * 3.00 non-transferable. D (4) is excluded, which leaves B and C for the two vacancies: both are elected at once,
     * B first on 6 votes, and D's 4 papers stay with D (B would otherwise have had 10).
     */
    @Test
    void lastVacanciesFilledWithoutTransferringTheExcludedPapers() {
        Fixture f = Fixture.seats(3, "A", "B", "C", "D").ballots(10, "A").ballots(6, "B").ballots(5, "C").ballots(4, "DB");
        CountResult r = f.count(Rule.NI85);
        assertEquals(List.of("A", "B", "C"), names(f, r.elected()));
        assertEquals(List.of(700L, 600L, 500L, 400L), votes(r, 1));
        assertEquals(300, r.stages().get(1).nonTransferable());
        Stage last = r.stages().get(r.stages().size() - 1);
        assertEquals("Exclusion of D", last.action());
        assertEquals(List.of(700L, 600L, 500L, 400L), votes(r, r.stages().size() - 1));
        assertTrue(last.note().contains("rule 52(3)"), last.note());
    }

    @Test
    void recountNamesTheRule() {
        assertEquals(Rule.NI85, Rule.parse("ni85"));
        assertEquals(2, Rule.NI85.places());
    }

    private static List<Long> votes(CountResult r, int stage) {
        return Arrays.stream(r.stages().get(stage).votes()).boxed().toList();
    }

    private static List<String> names(Fixture f, List<Integer> cs) {
        return cs.stream().map(f.profile().candidates()::get).toList();
    }
}
