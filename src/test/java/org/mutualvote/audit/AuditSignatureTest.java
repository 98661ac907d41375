package org.mutualvote.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.election.ElectionTestSteps;
import org.mutualvote.support.Fixtures;
import org.mutualvote.support.Superuser;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 11: an audit entry rewritten with the whole chain recomputed verified as intact, because the chain
 * had no key and its head was kept nowhere else. Entries are now MACed with a key outside the database,
 * and a head published earlier catches a log that was cut back.
 */
@QuarkusTest
class AuditSignatureTest {

    @Inject
    Fixtures fixtures;

    record Row(long seq, Instant at, String actor, String action, String subject, String details, String prevHash, String hash,
            String mac) {
    }

    @Test
    void aRewrittenChainWithEveryHashRecomputedIsCaughtAndSoIsACutBackOne() throws SQLException {
        long home = fixtures.constituency("Audit");
        long election = ElectionTestSteps.create(home, 1, "irv", null);
        ElectionTestSteps.nominate(election, "Ann");
        ElectionTestSteps.nominate(election, "Bo");
        JsonPath kept = ElectionTestSteps.as("sam").get("/api/audit/head").then().statusCode(200)
                .header("Content-Disposition", containsString("audit-head-")).extract().jsonPath();
        Map<String, Object> head = kept.getMap("$");
        long last = kept.getLong("seq");
        ElectionTestSteps.as("sam").get("/api/audit/verify").then().body("intact", equalTo(true));
        ElectionTestSteps.as("sam").body(head).post("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));

        List<Row> original = rows(last - 2);
        try (Connection db = Superuser.connect()) {
            db.setAutoCommit(false);
            try (var s = db.createStatement()) {
                s.execute("select 1 from audit_head for update");
                s.execute("set local session_replication_role = replica"); // the attacker switches the triggers off
            }
            // Rewrite the first of the last three entries and recompute every hash after it, and the head.
            String prev = original.get(0).prevHash();
            for (Row r : original) {
                String details = r.seq() == original.get(0).seq() ? "{\"name\":\"Mallory\"}" : r.details();
                String hash = AuditChain.hash(r.seq(), r.at(), r.actor(), r.action(), r.subject(), details, prev);
                update(db, "update audit_entry set details = ?, prev_hash = ?, hash = ? where seq = ?", details, prev, hash, r.seq());
                prev = hash;
            }
            update(db, "update audit_head set hash = ? where id = 1", prev);
            db.commit();
        }
        try {
            ElectionTestSteps.as("sam").get("/api/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(false)).body("firstBrokenSeq", equalTo((int) original.get(0).seq()))
                    .body("problem", containsString("signature does not match"));
        } finally {
            restore(original, last);
        }
        ElectionTestSteps.as("sam").get("/api/audit/verify").then().body("intact", equalTo(true));

        // Cut back: the last two entries go and the head moves back. Every remaining MAC fits, so only the
        // head kept outside the database shows it.
        try (Connection db = Superuser.connect()) {
            db.setAutoCommit(false);
            try (var s = db.createStatement()) {
                s.execute("select 1 from audit_head for update");
                s.execute("set local session_replication_role = replica");
            }
            update(db, "delete from audit_entry where seq > ?", last - 2);
            update(db, "update audit_head set seq = ?, hash = ? where id = 1", last - 2, original.get(0).hash());
            db.commit();
        }
        try {
            ElectionTestSteps.as("sam").get("/api/audit/verify").then().body("intact", equalTo(true));
            ElectionTestSteps.as("sam").body(head).post("/api/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(false)).body("problem", containsString("entries were removed"));
        } finally {
            restore(original, last);
        }
        ElectionTestSteps.as("sam").body(head).post("/api/audit/verify").then().body("intact", equalTo(true));

        // A head the service never issued is refused.
        ElectionTestSteps.as("sam").body(Map.of("seq", last, "hash", "0".repeat(64), "mac", "0".repeat(64)))
                .post("/api/audit/verify").then().statusCode(422).body("detail", containsString("not issued by this service"))
                .body("code", equalTo("audit-head-not-ours"));
        ElectionTestSteps.as("bob").get("/api/audit/head").then().statusCode(403);
        ElectionTestSteps.as("sam").get("/api/audit?size=1").then().body("items[0].mac", notNullValue())
                .body("items[0].seq", greaterThanOrEqualTo((int) last));
    }

    private static List<Row> rows(long fromSeq) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (Connection db = Superuser.connect(); PreparedStatement ps = db.prepareStatement(
                "select seq, at, actor, action, subject, details, prev_hash, hash, mac from audit_entry where seq >= ? order by seq")) {
            ps.setLong(1, fromSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7).trim(), rs.getString(8).trim(), rs.getString(9)));
                }
            }
        }
        assertEquals(3, out.size(), "no one else wrote to the log during the test");
        return out;
    }

    /** Puts the log back as it was, so the rest of the suite finds it intact. */
    private static void restore(List<Row> original, long last) throws SQLException {
        try (Connection db = Superuser.connect()) {
            db.setAutoCommit(false);
            try (var s = db.createStatement()) {
                s.execute("set local session_replication_role = replica");
            }
            update(db, "delete from audit_entry where seq >= ?", original.get(0).seq());
            for (Row r : original) {
                update(db, "insert into audit_entry (seq, at, actor, action, subject, details, prev_hash, hash, mac) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        r.seq(), OffsetDateTime.ofInstant(r.at(), java.time.ZoneOffset.UTC), r.actor(), r.action(), r.subject(), r.details(),
                        r.prevHash(), r.hash(), r.mac());
            }
            update(db, "update audit_head set seq = ?, hash = ? where id = 1", last, original.get(original.size() - 1).hash());
            db.commit();
        }
    }

    private static int update(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }
}
