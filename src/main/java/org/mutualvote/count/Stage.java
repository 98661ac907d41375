package org.mutualvote.count;

import java.util.List;

/**
 * One stage of a count. {@code votes} holds every candidate's total after the stage, scaled by
 * 10^places of the rule (so 1.5 at 5 dp is 150000); non-transferable and loss are cumulative.
 */
public record Stage(int number, String action, long[] votes, long nonTransferable, long loss,
        List<Integer> elected, List<Integer> excluded, String note) {
}
