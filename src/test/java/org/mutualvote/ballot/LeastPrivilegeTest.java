package org.mutualvote.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.mutualvote.election.ElectionTestSteps;
import org.mutualvote.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 11: while voting was open, {@code join ballot b on b.xmin = p.xmin} named every voter with their
 * ranking, needing only SELECT, and the service connected as the superuser. The service now connects as
 * mutualvote_app, which the migrations create and which can neither read the ballot table nor write
 * participation: the attack, run with the service's own login, is refused.
 */
@QuarkusTest
class LeastPrivilegeTest {

    static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Inject
    DataSource service;

    @Inject
    Fixtures fixtures;

    @Test
    void theServiceRunsAsItsOwnRoleWithoutSuperuserRights() throws SQLException {
        try (Connection c = service.getConnection(); var s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select current_user, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls from pg_roles where rolname = current_user")) {
            assertTrue(rs.next());
            assertEquals("mutualvote_app", rs.getString(1));
            for (int i = 2; i <= 5; i++) {
                assertFalse(rs.getBoolean(i), rs.getMetaData().getColumnName(i));
            }
        }
    }

    @Test
    void theServicesLoginCannotPairBallotsWithVotersWhileVotingIsOpen() throws SQLException {
        long home = fixtures.constituency("Least privilege");
        fixtures.activeMember("voter1", home);
        long voter2 = fixtures.activeMember("voter2", home);
        long id = ElectionTestSteps.create(home, 1, "irv", null);
        long a = ElectionTestSteps.nominate(id, "Ana");
        ElectionTestSteps.nominate(id, "Bea");
        ElectionTestSteps.move(id, "open");
        ElectionTestSteps.cast("voter1", id, List.of(a));

        try (Connection app = asServiceRole()) {
            // The attack of issue 11, verbatim in spirit.
            refused(app, INSUFFICIENT_PRIVILEGE, """
                    select m.subject, b.ranking from participation p join member m on m.id = p.member_id
                    join ballot b on b.xmin = p.xmin where p.contest_id = %d""".formatted(id));
            refused(app, INSUFFICIENT_PRIVILEGE, "select xmin, * from ballot_" + id);
            refused(app, INSUFFICIENT_PRIVILEGE, "select xmin, * from participation_" + id);
            refused(app, "P0001", "select * from sealed_ballots(%d, '', 10, null)".formatted(id));
            // Nor can it slip a ballot or a participation in beside the rules.
            refused(app, INSUFFICIENT_PRIVILEGE, "insert into participation values (%d, %d)".formatted(id, voter2));
            refused(app, INSUFFICIENT_PRIVILEGE, "delete from participation where contest_id = " + id);
            refused(app, INSUFFICIENT_PRIVILEGE, "update audit_entry set actor = 'mallory'");
            refused(app, INSUFFICIENT_PRIVILEGE, "select * from flyway_schema_history");
            // It may count who voted, never see what.
            try (var s = app.createStatement(); ResultSet rs = s.executeQuery("select count(*) from participation where contest_id = " + id)) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }

        ElectionTestSteps.move(id, "close");
        try (Connection app = asServiceRole(); var s = app.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from sealed_ballots(%d, '', 10, null)".formatted(id))) {
            rs.next();
            assertEquals(1, rs.getInt(1), "after close the ballots are there to count, still without a system column");
        }
    }

    private static Connection asServiceRole() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        return DriverManager.getConnection(url, user, "");
    }

    private static void refused(Connection c, String sqlState, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (var s = c.createStatement()) {
                s.execute(sql);
            }
        }, sql);
        assertEquals(sqlState, e.getSQLState(), e.getMessage());
    }
}
