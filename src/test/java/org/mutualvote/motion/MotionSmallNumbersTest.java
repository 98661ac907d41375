package org.mutualvote.motion;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.mutualvote.election.ElectionTestSteps.as;
import static org.mutualvote.motion.MotionTestSteps.AGAINST;
import static org.mutualvote.motion.MotionTestSteps.FOR;
import static org.mutualvote.motion.MotionTestSteps.declare;
import static org.mutualvote.motion.MotionTestSteps.draft;
import static org.mutualvote.motion.MotionTestSteps.motion;
import static org.mutualvote.motion.MotionTestSteps.vote;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.support.Fixtures;
import org.mutualvote.support.MinimumRollOfThree;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The small-numbers rule on a poll of motions, as on an election (minimum 3 here, 10 by default): a poll put to
 * a roll below it opens only with an audited override, and while the roll or the turnout is below it, members and
 * the board see each ballot's tracker on the board but not its row, and cannot download the poll file.
 * Before, two votes out of three were on the board for every member to read, each row beginning with the voter's
 * constituency, and a roll below the minimum could not be put to a poll at all.
 */
@QuarkusTest
@TestProfile(MinimumRollOfThree.class)
class MotionSmallNumbersTest {

    @Inject
    Fixtures fixtures;

    @Test
    void twoVotesOutOfThreeStayWithTheOfficials() {
        long home = fixtures.constituency("Small poll");
        for (String voter : List.of("voter1", "voter2", "voter3")) {
            fixtures.activeMember(voter, home);
        }
        long poll = draft(List.of(home), List.of(motion("Adopt the new rules", "ordinary"),
                motion("Buy the van", "ordinary")));
        as("bob").post("/api/motions/" + poll + "/notice").then().statusCode(200);
        as("alice").post("/api/motions/" + poll + "/open").then().statusCode(200).body("rollSize", equalTo(3));
        String mine = vote("voter1", poll, FOR, AGAINST);
        vote("voter2", poll, AGAINST, FOR);
        declare(poll);

        for (String reader : List.of("voter1", "bob")) {
            as(reader).get("/api/motions/" + poll + "/result").then().statusCode(200)
                    .body("contentsWithheld", equalTo(true)).body("ballots", equalTo(2));
            as(reader).get("/api/motions/" + poll + "/bulletin").then().statusCode(200)
                    .body("contentsWithheld", equalTo(true)).body("ballots.tracker", hasItem(mine))
                    .body("ballots.row", everyItem(nullValue())).body("ballots.nonce", everyItem(nullValue()));
            as(reader).get("/api/motions/" + poll + "/bulletin/" + mine).then().statusCode(200)
                    .body("tracker", equalTo(mine)).body("ranking", nullValue()).body("nonce", nullValue());
            as(reader).get("/api/motions/" + poll + "/bulletin.txt").then().statusCode(403)
                    .body("code", equalTo("contents-withheld"));
            // The recount shows no ballot, so whoever reads the result may still have it checked.
            as(reader).get("/api/motions/" + poll + "/recount").then().statusCode(200).body("matches", equalTo(true));
        }
        as("sam").get("/api/motions/" + poll + "/result").then().statusCode(200).body("contentsWithheld", equalTo(false));
        as("sam").get("/api/motions/" + poll + "/bulletin").then().statusCode(200)
                .body("contentsWithheld", equalTo(false)).body("ballots.row", everyItem(notNullValue()));
        as("sam").get("/api/motions/" + poll + "/bulletin/" + mine).then().statusCode(200).body("ranking", notNullValue());
        as("sam").get("/api/motions/" + poll + "/bulletin.txt").then().statusCode(200);
    }

    @Test
    void aRollBelowTheMinimumOpensOnlyWithAnAuditedOverride() {
        long home = fixtures.constituency("Tiny poll");
        fixtures.activeMember("voter4", home);
        fixtures.activeMember("voter5", home);
        long poll = draft(List.of(home), List.of(motion("Adopt the new rules", "ordinary")));
        as("bob").post("/api/motions/" + poll + "/notice").then().statusCode(200);

        as("alice").post("/api/motions/" + poll + "/open").then().statusCode(409)
                .body("code", equalTo("roll-too-small")).body("params.rollSize", equalTo(2)).body("params.minimum", equalTo(3));
        as("alice").get("/api/motions/" + poll).then().body("state", equalTo("draft")).body("rollSize", nullValue());
        as("bob").post("/api/motions/" + poll + "/open?allowSmallRoll=true").then().statusCode(403);

        as("alice").post("/api/motions/" + poll + "/open?allowSmallRoll=true").then().statusCode(200)
                .body("state", equalTo("open")).body("rollSize", equalTo(2));
        as("sam").get("/api/audit?action=motion.open").then()
                .body("items.find { it.subject == 'motion/" + poll + "' }.details.smallRollOverride", equalTo(true))
                .body("items.find { it.subject == 'motion/" + poll + "' }.actor", equalTo("alice"));
    }
}
