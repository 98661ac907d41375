package org.mutualvote.contest;

/**
 * The digest of a closed contest's ballot set (a Merkle root over its trackers, see count/BallotSet), which
 * the lifecycle fixes at close. Implemented where ballots are read ({@code ballot/BallotBox}), since
 * {@code contest} sits below both {@code ballot} and {@code count}.
 */
public interface BallotSetDigest {

    /** The root and how many ballots it covers. */
    record Digest(String root, long ballots) {
    }

    /** Reads the trackers of a contest already marked closed in the database. */
    Digest of(long contestId);
}
