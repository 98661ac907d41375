package org.mutualvote.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.election.ElectionTestSteps;
import org.mutualvote.support.Fixtures;
import org.mutualvote.support.Superuser;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 11: after close, the seal's delete-and-reinsert left the old row versions in the table files, and
 * pageinspect recovered 59 voter-ballot pairs. Here a superuser reads every line pointer of every page of
 * the contest's ballot and participation storage with pageinspect, before and after close.
 */
@QuarkusTest
class NoTraceAfterSealTest {

    @Inject
    Fixtures fixtures;

    /** Every tuple on every page of a table, dead or alive: {xmin, lp_flags}. */
    private static List<long[]> tuples(Connection c, String table) throws SQLException {
        List<long[]> out = new ArrayList<>();
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select coalesce(t_xmin::text::bigint, 0), lp_flags
                from generate_series(0, (pg_relation_size('%1$s') / current_setting('block_size')::int)::int - 1) as p (blkno),
                     lateral public.heap_page_items(public.get_raw_page('%1$s', p.blkno))""".formatted(table))) {
            while (rs.next()) {
                out.add(new long[] { rs.getLong(1), rs.getLong(2) });
            }
        }
        return out;
    }

    private static long pairs(List<long[]> ballots, List<long[]> participations) {
        return ballots.stream().filter(b -> participations.stream().anyMatch(p -> p[0] == b[0])).count();
    }

    @Test
    void afterCloseNoRowVersionInTheFilesPairsABallotWithItsVoter() throws SQLException {
        ElectionTestSteps.OpenElection e = ElectionTestSteps.openIrv(fixtures, "No trace", List.of("voter1", "voter2", "voter3"), "Ana", "Bea");
        long id = e.id();
        long a = e.first();
        long b = e.second();
        ElectionTestSteps.cast("voter1", id, List.of(a));
        ElectionTestSteps.cast("voter2", id, List.of(b));
        ElectionTestSteps.cast("voter3", id, List.of(a, b));

        try (Connection c = Superuser.connect()) {
            try (var s = c.createStatement()) {
                s.execute("create extension if not exists pageinspect schema public");
            }
            String ballots = "ballot_" + id;
            String participation = "participation_" + id;
            // While voting runs a superuser can pair them: this is the attack the seal must undo.
            assertEquals(3, pairs(tuples(c, ballots), tuples(c, participation)));
            String[] oldFiles = { filepath(c, ballots), filepath(c, participation) };

            ElectionTestSteps.move(id, "close");

            List<long[]> sealedBallots = tuples(c, ballots);
            List<long[]> sealedParticipation = tuples(c, participation);
            // Exactly the three live tuples in each, no dead version, no redirect: lp_flags 1 is LP_NORMAL.
            assertEquals(3, sealedBallots.size());
            assertEquals(3, sealedParticipation.size());
            assertTrue(sealedBallots.stream().allMatch(t -> t[1] == 1) && sealedParticipation.stream().allMatch(t -> t[1] == 1));
            // All six share one transaction id, the seal's: a "pairing" by xmin pairs everything with everything.
            assertEquals(1, java.util.stream.Stream.concat(sealedBallots.stream(), sealedParticipation.stream())
                    .mapToLong(t -> t[0]).distinct().count());
            // Ballots lie in tracker order, participation in member order: position pairs nothing either.
            assertEquals(column(c, "select tracker from " + ballots + " order by tracker"),
                    column(c, "select tracker from " + ballots + " order by ctid"));
            assertEquals(column(c, "select member_id::text from " + participation + " order by member_id"),
                    column(c, "select member_id::text from " + participation + " order by ctid"));
            // The files that held the old versions are emptied at commit and unlinked at the next checkpoint.
            for (String old : oldFiles) {
                try (var s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "select coalesce((pg_stat_file('" + old + "', true)).size, 0)")) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), old + " still holds data");
                }
                assertTrue(!old.equals(filepath(c, ballots)) && !old.equals(filepath(c, participation)));
            }
        }
    }

    private static String filepath(Connection c, String table) throws SQLException {
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_relation_filepath('" + table + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
