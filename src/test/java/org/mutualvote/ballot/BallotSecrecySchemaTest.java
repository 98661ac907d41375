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
import org.mutualvote.election.ElectionTestSteps;
import org.mutualvote.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/** Rule 2, checked on the schema itself: nothing in the ballot table can lead back to a member. */
@QuarkusTest
class BallotSecrecySchemaTest {

    @Inject
    DataSource db;

    @Inject
    Fixtures fixtures;

    @Test
    void ballotTableHoldsOnlyTheVoteAndItsTracker() throws SQLException {
        Map<String, String> columns = columns("ballot");
        assertEquals(Map.of("channel", "text", "contest_id", "bigint", "id", "uuid", "nonce", "text",
                "ranking", "ARRAY", "tracker", "text"), columns);
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

    @Test
    void beforeCloseTransactionIdsPairBallotsWithVotersAndClosingErasesThat() throws SQLException {
        long home = fixtures.constituency("Sealing");
        for (String v : java.util.List.of("voter1", "voter2", "voter3")) {
            fixtures.activeMember(v, home);
        }
        long id = ElectionTestSteps.create(home, 1, "irv", null);
        long a = ElectionTestSteps.nominate(id, "Ana");
        long b = ElectionTestSteps.nominate(id, "Bea");
        ElectionTestSteps.move(id, "open");
        ElectionTestSteps.cast("voter1", id, java.util.List.of(a));
        ElectionTestSteps.cast("voter2", id, java.util.List.of(b));
        ElectionTestSteps.cast("voter3", id, java.util.List.of(a, b));
        String xmins = """
                select count(distinct x) from (
                  select xmin::text as x from ballot where contest_id = %1$d
                  union all select xmin::text from participation where contest_id = %1$d) t""".formatted(id);
        try (Connection c = db.getConnection()) {
            // This is the weakness the seal exists for: each cast wrote its two rows in one transaction.
            assertEquals(3, count(c, xmins));
            ElectionTestSteps.move(id, "close");
            assertEquals(1, count(c, xmins));
            assertEquals(3, count(c, "select count(*) from ballot where contest_id = " + id));
            assertEquals(3, count(c, "select count(*) from participation where contest_id = " + id));
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
