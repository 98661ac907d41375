package org.mutualvote.count;

/**
 * One or more identical ballots: {@code weight} papers ranking candidates by 0-based index, most
 * preferred first.
 *
 * <p>Outside the engine a candidate is numbered from 1, as on the ballot paper, in BLT files and in the
 * ballot table; {@link #ofPositions} and {@link #positions} are the one place where the two numberings meet.
 */
public record Ballot(long weight, int[] ranking) {

    /** A ballot from candidate numbers as printed on the paper (1 is the first candidate). */
    public static Ballot ofPositions(long weight, int[] positions) {
        int[] indices = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            indices[i] = positions[i] - 1;
        }
        return new Ballot(weight, indices);
    }

    /** The ranking as candidate numbers printed on the paper (1 is the first candidate). */
    public int[] positions() {
        int[] positions = new int[ranking.length];
        for (int i = 0; i < ranking.length; i++) {
            positions[i] = ranking[i] + 1;
        }
        return positions;
    }
}
