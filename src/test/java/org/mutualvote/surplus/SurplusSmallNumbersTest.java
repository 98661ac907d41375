package org.mutualvote.surplus;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.mutualvote.election.ElectionTestSteps.as;
import static org.mutualvote.surplus.SurplusTestSteps.castSplit;
import static org.mutualvote.surplus.SurplusTestSteps.create;
import static org.mutualvote.surplus.SurplusTestSteps.move;
import static org.mutualvote.surplus.SurplusTestSteps.split;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.support.Fixtures;
import org.mutualvote.support.MinimumRollOfThree;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The small-numbers rule on a surplus vote, as on an election (minimum 3 here): with two splits cast out of a roll
 * of three, members and the board see trackers on the board but not the percentages, which would tell each of the
 * two how the other shared the surplus; a roll below the minimum opens only with an audited override.
 */
@QuarkusTest
@TestProfile(MinimumRollOfThree.class)
class SurplusSmallNumbersTest {

    @Inject
    Fixtures fixtures;

    @Test
    void twoSplitsOutOfThreeStayWithTheOfficials() {
        long home = fixtures.constituency("Small surplus");
        for (String voter : List.of("voter6", "voter7", "voter8")) {
            fixtures.activeMember(voter, home);
        }
        long id = create(split(home, 100_000, "mean", null));
        as("alice").post("/api/surplus/" + id + "/open").then().statusCode(200).body("rollSize", equalTo(3));
        String mine = castSplit("voter6", id, 70, 20, 10);
        castSplit("voter7", id, 40, 40, 20);
        move(id, "close");
        move(id, "count");
        move(id, "publish");

        for (String reader : List.of("voter6", "bob")) {
            as(reader).get("/api/surplus/" + id + "/result").then().statusCode(200).body("contentsWithheld", equalTo(true));
            as(reader).get("/api/surplus/" + id + "/bulletin").then().statusCode(200)
                    .body("contentsWithheld", equalTo(true)).body("ballots.tracker", hasItem(mine))
                    .body("ballots.values", everyItem(nullValue())).body("ballots.nonce", everyItem(nullValue()));
            as(reader).get("/api/surplus/" + id + "/bulletin/" + mine).then().statusCode(200)
                    .body("tracker", equalTo(mine)).body("ranking", nullValue());
            as(reader).get("/api/surplus/" + id + "/bulletin.txt").then().statusCode(403)
                    .body("code", equalTo("contents-withheld"));
            as(reader).get("/api/surplus/" + id + "/recount").then().statusCode(200).body("matches", equalTo(true));
        }
        as("sam").get("/api/surplus/" + id + "/result").then().statusCode(200).body("contentsWithheld", equalTo(false));
        as("sam").get("/api/surplus/" + id + "/bulletin").then().statusCode(200)
                .body("contentsWithheld", equalTo(false)).body("ballots.values", everyItem(notNullValue()));
        as("sam").get("/api/surplus/" + id + "/bulletin.txt").then().statusCode(200);
    }

    @Test
    void aRollBelowTheMinimumOpensOnlyWithAnAuditedOverride() {
        long home = fixtures.constituency("Tiny surplus");
        fixtures.activeMember("voter9", home);
        long id = create(split(home, 100_000, "mean", null));

        as("alice").post("/api/surplus/" + id + "/open").then().statusCode(409)
                .body("code", equalTo("roll-too-small")).body("params.rollSize", equalTo(1));
        as("alice").post("/api/surplus/" + id + "/open?allowSmallRoll=true").then().statusCode(200)
                .body("state", equalTo("open")).body("rollSize", equalTo(1));
        as("sam").get("/api/audit?action=surplus.open").then()
                .body("items.find { it.subject == 'surplus/" + id + "' }.details.smallRollOverride", equalTo(true));
    }
}
