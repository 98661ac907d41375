package org.mutualvote.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Rule 2, checked on the schema itself: nothing in the ballot table can lead back to a member. */
@QuarkusTest
class BallotSecrecySchemaTest {

    @Inject
    DataSource db;

    @Test
    void ballotTableHoldsOnlyTheVoteAndItsTracker() throws SQLException {
        Map<String, String> columns = columns("ballot");
        assertEquals(Map.of("channel", "text", "contest_id", "bigint", "id", "uuid", "nonce", "character",
                "ranking", "ARRAY", "tracker", "character"), columns);
    }

    @Test
    void ballotIdsComeFromNoSequenceAndNothingReferencesAMember() throws SQLException {
        try (Connection c = db.getConnection()) {
            assertEquals(0, count(c, """
                    select count(*) from information_schema.columns
                    where table_schema = current_schema() and table_name = 'ballot' and column_default is not null"""));
            assertEquals(0, count(c, """
                    select count(*) from information_schema.table_constraints tc
                    join information_schema.constraint_column_usage u on u.constraint_name = tc.constraint_name
                    where tc.table_schema = current_schema() and tc.table_name = 'ballot'
                      and tc.constraint_type = 'FOREIGN KEY' and u.table_name <> 'contest'"""));
        }
    }

    @Test
    void participationHasNoTimeOrOrder() throws SQLException {
        assertEquals(Map.of("contest_id", "bigint", "member_id", "bigint"), columns("participation"));
        try (Connection c = db.getConnection()) {
            assertTrue(count(c, """
                    select count(*) from information_schema.table_constraints
                    where table_schema = current_schema() and table_name = 'participation' and constraint_type = 'PRIMARY KEY'""") == 1,
                    "one member one vote rests on the primary key of participation");
        }
    }

    private Map<String, String> columns(String table) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = db.getConnection();
                var ps = c.prepareStatement("select column_name, data_type from information_schema.columns "
                        + "where table_schema = current_schema() and table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
