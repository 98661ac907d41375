package org.mutualvote.ballot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.mutualvote.contest.BallotSetDigest;
import org.mutualvote.count.BallotSet;
import org.mutualvote.web.ProblemException;

/** The ballot table, read back in tracker order once voting has closed, never with a member. Writes: {@link BallotService}. */
@ApplicationScoped
public class BallotBox implements BallotSetDigest {

    private final EntityManager em;

    BallotBox(EntityManager em) {
        this.em = em;
    }

    /** Every ballot of a contest in tracker order: the order of the bulletin board, its BLT and the count. */
    public void forEach(long contestId, Consumer<StoredBallot> sink) {
        page(contestId, "", Integer.MAX_VALUE, sink);
    }

    /**
     * Up to {@code limit} ballots whose trackers come after {@code after} (empty: from the first), in tracker order.
     * Plain JDBC, like the cast: a count streams every ballot of a contest (millions at most) with a fetch size,
     * and reads each ranking straight from the integer array, without an entity per row.
     */
    public void page(long contestId, String after, int limit, Consumer<StoredBallot> sink) {
        read(contestId, after, limit, null, sink);
    }

    /**
     * The Merkle root over a closed contest's trackers in bulletin order (count/BallotSet), streamed: only the
     * trackers are read ({@code sealed_trackers}, V90), since they are all the digest is made of.
     */
    @Override
    public Digest of(long contestId) {
        BallotSet.Digester d = new BallotSet.Digester();
        em.unwrap(Session.class).doWork(connection -> {
            try (var ps = connection.prepareStatement("select tracker from sealed_trackers(?)")) {
                ps.setFetchSize(10_000);
                ps.setLong(1, contestId);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        d.add(rs.getString(1));
                    }
                }
            }
        });
        return new Digest(d.root(), d.count());
    }

    public Optional<StoredBallot> byTracker(long contestId, String tracker) {
        List<StoredBallot> found = new ArrayList<>(1);
        read(contestId, "", 1, tracker, found::add);
        return found.stream().findFirst();
    }

    /**
     * The one way ballots are read back: through the database function {@code sealed_ballots} (V22), since
     * the service's login may not read the ballot table itself, and which answers only once voting has closed.
     */
    private void read(long contestId, String after, int limit, String only, Consumer<StoredBallot> sink) {
        em.unwrap(Session.class).doWork(connection -> {
            try (var ps = connection.prepareStatement("select tracker, channel, ranking::text, nonce from sealed_ballots(?, ?, ?, ?)")) {
                ps.setFetchSize(10_000);
                ps.setLong(1, contestId);
                ps.setString(2, after);
                ps.setInt(3, limit);
                ps.setString(4, only);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new StoredBallot(rs.getString(1), rs.getString(2), ranking(rs.getString(3)), rs.getString(4)));
                    }
                }
            }
        });
    }

    /**
     * A ballot by its full tracker, or by the short code on the voter's receipt (the tracker's first 12 digits, any
     * case, dashes or not): 404 where {@code contest} ("election 5") has none, 409 where two trackers share the code.
     */
    public StoredBallot byReceipt(long contestId, String typed, String contest) {
        String digits = Tracker.shortCodeDigits(typed);
        if (digits == null) {
            return byTracker(contestId, typed.toLowerCase())
                    .orElseThrow(() -> ProblemException.notFound("A ballot with tracker " + typed + " in " + contest).coded("receipt-not-found"));
        }
        List<StoredBallot> found = byTrackerPrefix(contestId, digits, 2);
        if (found.isEmpty()) {
            throw ProblemException.notFound("A ballot with receipt code " + typed + " in " + contest).coded("receipt-not-found");
        }
        if (found.size() > 1) {
            throw ProblemException.conflict("More than one ballot starts with receipt code " + typed
                    + "; enter the full tracker from your receipt").coded("receipt-ambiguous");
        }
        return found.get(0);
    }

    /**
     * The ballots (at most {@code limit}) whose trackers start with {@code prefix} (lower-case hex): how a receipt's
     * short code, the tracker's first 12 digits, is looked up. Those trackers are the first to sort after the prefix
     * itself, so this is one page of the board from there.
     */
    public List<StoredBallot> byTrackerPrefix(long contestId, String prefix, int limit) {
        List<StoredBallot> found = new ArrayList<>(limit);
        page(contestId, prefix, limit, found::add);
        return found.stream().filter(b -> b.tracker().startsWith(prefix)).toList();
    }

    /**
     * A ranking from PostgreSQL's text form of an integer array ({@code {3,1,2}}, {@code {}}): read here rather
     * than through JDBC's Array, which boxes every number, since a count reads millions of them.
     */
    static int[] ranking(String literal) {
        int n = 0;
        for (int i = 1; i < literal.length() - 1; i++) {
            if (literal.charAt(i) == ',') {
                n++;
            }
        }
        int[] ranking = new int[literal.length() > 2 ? n + 1 : 0];
        int k = 0;
        int value = 0;
        for (int i = 1; i < literal.length() - 1; i++) {
            char ch = literal.charAt(i);
            if (ch == ',') {
                ranking[k++] = value;
                value = 0;
            } else if (ch >= '0' && ch <= '9') {
                value = value * 10 + (ch - '0');
            } else {
                throw new IllegalStateException("not a ranking stored by this service: " + literal);
            }
        }
        if (ranking.length > 0) {
            ranking[k] = value;
        }
        return ranking;
    }

    static String arrayLiteral(int[] ranking) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < ranking.length; i++) {
            sb.append(i == 0 ? "" : ",").append(ranking[i]);
        }
        return sb.append('}').toString();
    }

    /** A ballot as stored: its tracker, channel ("online" or "paper"), ranking of candidate numbers and nonce. */
    public record StoredBallot(String tracker, String channel, int[] ranking, String nonce) {
        /** The ballot as the board shows it where its content is withheld (the small-numbers rule): tracker and channel. */
        public StoredBallot withoutContents() {
            return new StoredBallot(tracker, channel, null, null);
        }
    }
}
