package org.mutualvote.ballot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/** The ballot table: writes ballots and reads them back in tracker order, never with a member. */
@ApplicationScoped
public class BallotBox {

    private final EntityManager em;

    BallotBox(EntityManager em) {
        this.em = em;
    }

    static final String INSERT = """
            insert into ballot (id, contest_id, channel, ranking, nonce, tracker)
            values (?, ?, ?, cast(? as integer[]), ?, ?)""";

    /** Binds one ballot with a random id and a fresh nonce to {@link #INSERT}; returns its tracker. */
    static String bind(java.sql.PreparedStatement ps, long contestId, String channel, int[] ranking) throws java.sql.SQLException {
        String nonce = Tracker.newNonce();
        String tracker = Tracker.of(contestId, channel, ranking, nonce);
        ps.setObject(1, UUID.randomUUID());
        ps.setLong(2, contestId);
        ps.setString(3, channel);
        ps.setString(4, arrayLiteral(ranking));
        ps.setString(5, nonce);
        ps.setString(6, tracker);
        return tracker;
    }

    /** Stores many ballots of one channel in JDBC batches (paper ballots). */
    public int putAll(long contestId, String channel, List<int[]> rankings) {
        em.unwrap(Session.class).doWork(connection -> {
            try (var ps = connection.prepareStatement(INSERT)) {
                int n = 0;
                for (int[] ranking : rankings) {
                    bind(ps, contestId, channel, ranking);
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
        return rankings.size();
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
        read("where contest_id = ? and tracker > ? order by tracker limit ?", contestId, after, limit, sink);
    }

    public Optional<StoredBallot> byTracker(long contestId, String tracker) {
        List<StoredBallot> found = new ArrayList<>(1);
        read("where contest_id = ? and tracker = ? limit ?", contestId, tracker, 1, found::add);
        return found.stream().findFirst();
    }

    /** The one way ballots are read back: {@code where} binds the contest, a tracker and a limit, in that order. */
    private void read(String where, long contestId, String tracker, int limit, Consumer<StoredBallot> sink) {
        em.unwrap(Session.class).doWork(connection -> {
            try (var ps = connection.prepareStatement("select tracker, channel, ranking, nonce from ballot " + where)) {
                ps.setFetchSize(5000);
                ps.setLong(1, contestId);
                ps.setString(2, tracker);
                ps.setInt(3, limit);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Integer[] boxed = (Integer[]) rs.getArray(3).getArray();
                        int[] ranking = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
                        sink.accept(new StoredBallot(rs.getString(1), rs.getString(2), ranking, rs.getString(4)));
                    }
                }
            }
        });
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

    static String arrayLiteral(int[] ranking) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < ranking.length; i++) {
            sb.append(i == 0 ? "" : ",").append(ranking[i]);
        }
        return sb.append('}').toString();
    }

    /** A ballot as stored: its tracker, channel ("online" or "paper"), ranking of candidate numbers and nonce. */
    public record StoredBallot(String tracker, String channel, int[] ranking, String nonce) {
    }
}
