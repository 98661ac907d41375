package org.mutualvote.ballot;

import java.util.ArrayList;
import java.util.List;

import org.mutualvote.ballot.BallotBox.StoredBallot;
import org.mutualvote.contest.Contest;
import org.mutualvote.count.BallotSet;
import org.mutualvote.web.ProblemException;

/**
 * Checks, while a count reads a contest's ballots, that they are the set sealed at close: fed every ballot in
 * tracker order, it refuses (409) a set whose digest is not the contest's, naming each ballot whose content
 * no longer gives its tracker. Any kind of contest counts through it.
 */
public final class SealedSet {

    private final Contest contest;
    private final BallotSet.Digester digest = new BallotSet.Digester();
    private final List<String> changed = new ArrayList<>();

    public SealedSet(Contest contest) {
        this.contest = contest;
    }

    public void add(StoredBallot b) {
        digest.add(b.tracker());
        if (!BallotSet.tracker(contest.id, b.channel(), b.ranking(), b.nonce()).equals(b.tracker())) {
            changed.add(b.tracker());
        }
    }

    /** The digest of the ballots fed so far. */
    public String root() {
        return digest.root();
    }

    /** Throws a 409 problem unless the ballots fed are the sealed set (a contest sealed before V20 has no digest). */
    public void require() {
        boolean sameSet = contest.ballotDigest == null || contest.ballotDigest.equals(digest.root());
        if (changed.isEmpty() && sameSet) {
            return;
        }
        StringBuilder detail = new StringBuilder("The ballots are not those sealed when voting closed, so they are not counted:");
        changed.stream().limit(20).forEach(t -> detail.append(" the ballot with tracker ").append(t)
                .append(" no longer matches its tracker;"));
        if (!sameSet) {
            detail.append(" the ").append(digest.count()).append(" ballots have digest ").append(digest.root()).append(", not the ")
                    .append(contest.ballotDigest).append(" of the ").append(contest.sealedBallots).append(" sealed (see the audit log)");
        }
        throw ProblemException.conflict(detail.toString()).coded("ballots-not-sealed", "changed", changed.size(), "ballots", digest.count(),
                "sealed", contest.sealedBallots, "digest", digest.root(), "sealedDigest", contest.ballotDigest);
    }
}
