package org.mutualvote.count;

import java.util.List;
import java.util.Set;

/** What is counted: candidates (0-based indices into {@code candidates}), seats, withdrawn candidates and ballots. */
public record Election(String title, List<String> candidates, int seats, Set<Integer> withdrawn, List<Ballot> ballots) {
}
