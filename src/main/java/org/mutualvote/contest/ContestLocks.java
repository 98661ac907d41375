package org.mutualvote.contest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Transaction-scoped advisory locks that order casting against closing. Casts share the lock of
 * their contest, inside the database function that writes the ballot ({@code cast_ballot}, V91, which
 * names {@link #NAMESPACE} as the number 19798); closing takes it exclusively, so it waits for ballots
 * in flight and later casts see the contest closed. Advisory locks live in the lock manager, so
 * concurrent voters do not write to the contest row the way row locks would.
 */
final class ContestLocks {

    /** The first key of every Mutual Vote advisory lock ("MV"), so other users of advisory locks don't collide. */
    static final int NAMESPACE = 0x4D56;

    private ContestLocks() {
    }

    static void excludeCasting(Connection c, long contestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
            ps.setInt(1, NAMESPACE);
            ps.setInt(2, Math.toIntExact(contestId));
            ps.executeQuery().close();
        }
    }
}
