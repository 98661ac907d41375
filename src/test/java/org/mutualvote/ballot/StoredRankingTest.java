package org.mutualvote.ballot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StoredRankingTest {

    @Test
    void readsPostgresTextFormOfAnIntegerArray() {
        assertArrayEquals(new int[] { 3, 1, 12 }, BallotBox.ranking("{3,1,12}"));
        assertArrayEquals(new int[] { 7 }, BallotBox.ranking("{7}"));
        assertArrayEquals(new int[0], BallotBox.ranking("{}"));
    }

    @Test
    void writesWhatItReads() {
        int[] ranking = { 15, 2, 9, 1 };
        assertArrayEquals(ranking, BallotBox.ranking(BallotBox.arrayLiteral(ranking)));
    }

    @Test
    void refusesWhatThisServiceNeverStores() {
        assertThrows(IllegalStateException.class, () -> BallotBox.ranking("{1,NULL}"));
    }
}
