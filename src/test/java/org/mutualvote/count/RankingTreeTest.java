package org.mutualvote.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class RankingTreeTest {

    @Test
    void sharedBeginningsBecomeOneNodeInPreorder() {
        // Candidates A=0, B=1, C=2. Rankings: A B (3 papers), A C B (2), A (1), B A (4).
        Rankings rankings = new Rankings(new int[] { 0, 1, 0, 2, 1, 0, 1, 0 }, new int[] { 0, 2, 5, 6, 8 }, 4);
        long[] counts = { 3, 2, 1, 4 };
        RankingTree tree = new RankingTree(rankings, counts, 3);

        // Preorder: root, A (6 papers: 3 + 2 + 1), A-B (3, a leaf), A-C (2, a leaf standing for A C B), B (4, a leaf).
        assertEquals(5, tree.size);
        assertArrayEquals(new int[] { -1, 0, 1, 2, 1 }, Arrays.copyOf(tree.candidate, 5));
        assertArrayEquals(new int[] { 0, 1, 2, 2, 1 }, Arrays.copyOf(tree.depth, 5));
        assertArrayEquals(new long[] { 10, 6, 3, 2, 4 }, Arrays.copyOf(tree.papers, 5));
        // A's subtree is nodes 1 to 3; each leaf's subtree is itself.
        assertArrayEquals(new int[] { 5, 4, 3, 4, 5 }, Arrays.copyOf(tree.end, 5));
        assertArrayEquals(new int[] { -1, -1, 0, 1, 3 }, Arrays.copyOf(tree.leaf, 5));
        assertEquals(10, tree.totalPapers);
    }
}
