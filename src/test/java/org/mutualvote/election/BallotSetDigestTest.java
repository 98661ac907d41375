package org.mutualvote.election;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mutualvote.election.ElectionTestSteps.as;
import static org.mutualvote.election.ElectionTestSteps.cast;
import static org.mutualvote.election.ElectionTestSteps.move;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.ballot.Tracker;
import org.mutualvote.count.BallotSet;
import org.mutualvote.support.Fixtures;
import org.mutualvote.support.Superuser;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 11: a ballot changed in the database after close, with a new nonce and a recomputed tracker, was
 * counted and the board showed nothing wrong. The digest of the set fixed at close now catches it, in the
 * service's count and in the Recount command.
 */
@QuarkusTest
class BallotSetDigestTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aBallotRewrittenAfterCloseIsCaughtByTheCountAndByTheRecount() throws Exception {
        ElectionTestSteps.OpenElection e = ElectionTestSteps.openIrv(fixtures, "Digest", List.of("voter1", "voter2", "voter3"), "Ann", "Bo");
        long id = e.id();
        long ann = e.first();
        long bo = e.second();
        cast("voter1", id, List.of(ann));
        cast("voter2", id, List.of(ann, bo));
        String victim = cast("voter3", id, List.of(bo));
        move(id, "close");

        // The digest is on the board and in the audit entry of the close, and anyone can recompute it.
        JsonPath board = as("voter1").get("/api/elections/" + id + "/bulletin").then().statusCode(200).extract().jsonPath();
        String digest = board.getString("ballotDigest");
        assertEquals(BallotSet.digest(board.getList("ballots.tracker")), digest);
        as("sam").get("/api/audit?action=election.closed").then()
                .body("items.find { it.subject == 'election/" + id + "' }.details.ballotDigest", equalTo(digest));
        // The board also publishes the audit chain's head, MACed: kept by anyone, checked later by a scrutineer.
        as("sam").body(board.getMap("auditHead")).post("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        Path blt = download("/api/elections/" + id + "/bulletin.blt");
        Path bulletin = download("/api/elections/" + id + "/bulletin.txt");
        assertEquals(0, recount(blt, bulletin, digest).exit, "the sealed set checks out");

        // The attacker turns voter3's vote for Bo into one for Ann, with a fresh nonce and a matching tracker.
        String nonce = Tracker.newNonce();
        String forged = Tracker.of(id, "online", new int[] { 1 }, nonce);
        try (Connection db = Superuser.connect(); var ps = db.prepareStatement(
                "update ballot set ranking = '{1}', nonce = ?, tracker = ? where contest_id = ? and tracker = ?")) {
            ps.setString(1, nonce);
            ps.setString(2, forged);
            ps.setLong(3, id);
            ps.setString(4, victim);
            assertEquals(1, ps.executeUpdate());
        }
        // Every tracker on the board checks, but the set is not the sealed one: the count refuses,
        // the voter's receipt is missing, and the Recount says so.
        as("alice").post("/api/elections/" + id + "/count").then().statusCode(409)
                .body("detail", containsString("not the " + digest));
        as("voter3").get("/api/elections/" + id + "/bulletin/" + victim).then().statusCode(404);
        Recounted r = recount(download("/api/elections/" + id + "/bulletin.blt"),
                download("/api/elections/" + id + "/bulletin.txt"), digest);
        assertEquals(3, r.exit, r.output);
        assertTrue(r.output.contains("not the " + digest + " published at close"), r.output);

        // Changing a ballot but keeping its tracker names that ballot.
        try (Connection db = Superuser.connect(); var ps = db.prepareStatement(
                "update ballot set ranking = '{2}' where contest_id = ? and tracker = ?")) {
            ps.setLong(1, id);
            ps.setString(2, forged);
            ps.executeUpdate();
        }
        as("alice").post("/api/elections/" + id + "/count").then().statusCode(409)
                .body("detail", containsString("the ballot with tracker " + forged + " no longer matches its tracker"));
        r = recount(download("/api/elections/" + id + "/bulletin.blt"), download("/api/elections/" + id + "/bulletin.txt"), digest);
        assertTrue(r.output.contains("(tracker " + forged + "): its content and nonce give tracker"), r.output);
        as("alice").get("/api/elections/" + id).then().body("state", equalTo("closed"));
    }

    private static Path download(String url) throws Exception {
        Path file = Files.createTempFile("bulletin", ".txt");
        Files.writeString(file, as("sam").get(url).then().statusCode(200).extract().asString(), StandardCharsets.UTF_8);
        return file;
    }

    record Recounted(int exit, String output) {
    }

    /** Runs the Recount command as README tells a scrutineer to. */
    private static Recounted recount(Path blt, Path bulletin, String digest) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", "target/classes", "org.mutualvote.count.Recount", "--rule", "irv",
                "--bulletin", bulletin.toString(), "--digest", digest, "--format", "json", blt.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Recounted(p.waitFor(), out);
    }
}
