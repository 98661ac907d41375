package org.mutualvote.hardening;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mutualvote.election.ElectionTestSteps.as;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.ballot.Tracker;
import org.mutualvote.count.BallotSet;
import org.mutualvote.motion.MotionTestSteps;
import org.mutualvote.support.Fixtures;
import org.mutualvote.support.Superuser;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Someone with a database login rewrites a sealed ballot of a motion poll and of a surplus vote after close (issue 11
 * did it to an election): with a fresh nonce and a recomputed tracker, so every tracker still checks, or keeping the
 * tracker. The count of either kind refuses (409, naming the digest fixed at close or the ballot), and the contest
 * stays closed, uncounted; the board publishes the digest, which anyone can recompute from its trackers.
 */
@QuarkusTest
class SealedBallotsTamperTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aMotionBallotRewrittenAfterCloseIsNotCounted() throws Exception {
        long here = fixtures.constituency("Tampered poll");
        for (String v : List.of("voter1", "voter2", "voter3")) {
            fixtures.activeMember(v, here);
        }
        long poll = MotionTestSteps.open(List.of(here), List.of(MotionTestSteps.motion("Sell the car park", "ordinary")));
        MotionTestSteps.vote("voter1", poll, MotionTestSteps.FOR);
        MotionTestSteps.vote("voter2", poll, MotionTestSteps.AGAINST);
        String victim = MotionTestSteps.vote("voter3", poll, MotionTestSteps.AGAINST);
        as("alice").post("/api/motions/" + poll + "/close").then().statusCode(200);
        String digest = publishedDigest("/api/motions/" + poll + "/bulletin", 3);

        // voter3's "against" becomes "for": the motion would now carry, two to one.
        int[] row = as("voter3").get("/api/motions/" + poll + "/bulletin/" + victim).then().statusCode(200).extract().jsonPath()
                .getList("ranking", Integer.class).stream().mapToInt(Integer::intValue).toArray();
        row[1] = (int) MotionTestSteps.FOR;
        String forged = rewrite(poll, victim, row, true);
        as("alice").post("/api/motions/" + poll + "/count").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("not the " + digest));
        // The same change keeping the old tracker: that ballot is named.
        rewrite(poll, forged, new int[] { row[0], (int) MotionTestSteps.ABSTAIN }, false);
        as("alice").post("/api/motions/" + poll + "/count").then().statusCode(409)
                .body("detail", containsString("the ballot with tracker " + forged + " no longer matches its tracker"));
        as("alice").get("/api/motions/" + poll).then().body("state", equalTo("closed"));
        as("alice").get("/api/motions/" + poll + "/result").then().statusCode(409);
    }

    @Test
    void aSurplusBallotRewrittenAfterCloseIsNotCounted() throws Exception {
        long here = fixtures.constituency("Tampered surplus");
        for (String v : List.of("voter1", "voter2", "voter3")) {
            fixtures.activeMember(v, here);
        }
        long vote = as("bob").body(MatrixContests.surplus(here)).post("/api/surplus").then().statusCode(201).extract().jsonPath().getLong("id");
        as("alice").post("/api/surplus/" + vote + "/open").then().statusCode(200);
        as("voter1").body(Map.of("percents", List.of(40, 30, 30))).post("/api/surplus/" + vote + "/ballots").then().statusCode(201);
        as("voter2").body(Map.of("percents", List.of(50, 25, 25))).post("/api/surplus/" + vote + "/ballots").then().statusCode(201);
        String victim = as("voter3").body(Map.of("percents", List.of(60, 20, 20))).post("/api/surplus/" + vote + "/ballots")
                .then().statusCode(201).extract().path("tracker");
        as("alice").post("/api/surplus/" + vote + "/close").then().statusCode(200);
        String digest = publishedDigest("/api/surplus/" + vote + "/bulletin", 3);

        // voter3's split is moved towards the staff dividend.
        String forged = rewrite(vote, victim, new int[] { 10, 50, 40 }, true);
        as("alice").post("/api/surplus/" + vote + "/count").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("not the " + digest));
        rewrite(vote, forged, new int[] { 10, 45, 45 }, false);
        as("alice").post("/api/surplus/" + vote + "/count").then().statusCode(409)
                .body("detail", containsString("the ballot with tracker " + forged + " no longer matches its tracker"));
        as("alice").get("/api/surplus/" + vote).then().body("state", equalTo("closed"));
        as("alice").get("/api/surplus/" + vote + "/result").then().statusCode(409);
    }

    /** The digest the board publishes, checked against its own trackers, as anyone can. */
    private static String publishedDigest(String board, int ballots) {
        JsonPath b = as("sam").get(board).then().statusCode(200).extract().jsonPath();
        List<String> trackers = b.getList("ballots.tracker");
        assertEquals(ballots, trackers.size());
        assertEquals(ballots, b.getInt("sealedBallots"));
        assertEquals(BallotSet.digest(trackers), b.getString("ballotDigest"));
        return b.getString("ballotDigest");
    }

    /**
     * As the superuser: replaces a ballot's content; with {@code retrack}, also its nonce and tracker, so that the
     * tracker checks. Returns the ballot's tracker afterwards.
     */
    private static String rewrite(long contest, String tracker, int[] row, boolean retrack) throws Exception {
        String nonce = Tracker.newNonce();
        String now = retrack ? Tracker.of(contest, "online", row, nonce) : tracker;
        StringBuilder array = new StringBuilder("{");
        for (int i = 0; i < row.length; i++) {
            array.append(i == 0 ? "" : ",").append(row[i]);
        }
        array.append('}');
        String sql = retrack ? "update ballot set ranking = ?::int[], nonce = ?, tracker = ? where contest_id = ? and tracker = ?"
                : "update ballot set ranking = ?::int[] where contest_id = ? and tracker = ?";
        try (Connection db = Superuser.connect(); var ps = db.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, array.toString());
            if (retrack) {
                ps.setString(i++, nonce);
                ps.setString(i++, now);
            }
            ps.setLong(i++, contest);
            ps.setString(i, tracker);
            assertEquals(1, ps.executeUpdate());
        }
        return now;
    }
}
