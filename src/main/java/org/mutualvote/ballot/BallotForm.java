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

    /** Reads what it needs on the casting transaction's connection. */
    int[] ranking(Connection c, long contestId, List<Long> choices) throws SQLException;
}
