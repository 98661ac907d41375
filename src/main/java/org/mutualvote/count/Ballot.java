package org.mutualvote.count;

/**
 * One or more identical ballots: {@code weight} papers ranking candidates by 0-based index, most
 * preferred first.
 */
public record Ballot(long weight, int[] ranking) {
}
