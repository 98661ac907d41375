package org.mutualvote.count;

import java.util.List;
import java.util.Set;

/**
 * What is counted, called a profile as droop calls it (the election itself lives in the election
 * package): the title, candidates (0-based indices into {@code candidates}), seats, withdrawn
 * candidates and ballots.
 */
public record Profile(String title, List<String> candidates, int seats, Set<Integer> withdrawn, List<Ballot> ballots) {

    /** The ballots are kept compactly (see {@link Ballots}), whatever list they come in. */
    public Profile {
        ballots = Ballots.of(ballots);
    }

    /** The same profile with another number of seats (a recount's --seats, a reference case's stated seats). */
    public Profile withSeats(int n) {
        return new Profile(title, candidates, n, withdrawn, ballots);
    }
}
