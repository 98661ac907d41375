package org.mutualvote.ballot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.mutualvote.contest.ContestKind;

/**
 * What a kind of contest accepts as a ballot. Turns the choices a voter sent (ids, most preferred
 * first) into the ranking stored in the ballot row, or throws a 422 ProblemException naming each fault.
 */
public interface BallotForm {

    ContestKind kind();

    /**
     * Whether {@link #ranking(Connection, long, long, boolean, List)} needs the member (their class, their proxy):
     * the service then finds and checks the voter before it asks the form.
     */
    default boolean needsVoter() {
        return false;
    }

    /** Reads what it needs on the casting transaction's connection. */
    int[] ranking(Connection c, long contestId, List<Long> choices) throws SQLException;

    /**
     * The same for a form that needs to know whose ballot it is: the member on the roll, and whether
     * their proxy holder is casting it for them. Forms that do not care keep this default.
     */
    default int[] ranking(Connection c, long contestId, long memberId, boolean byProxy, List<Long> choices) throws SQLException {
        return ranking(c, contestId, choices);
    }
}
