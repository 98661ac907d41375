package org.mutualvote.election;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.notNullValue;
import static org.mutualvote.election.ElectionTestSteps.as;
import static org.mutualvote.election.ElectionTestSteps.cast;
import static org.mutualvote.election.ElectionTestSteps.move;
import static org.mutualvote.election.ElectionTestSteps.nominate;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.support.Fixtures;
import org.mutualvote.support.MinimumRollOfThree;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 11: a contest with a roll of 1 opened, and after close its one ballot was there for anyone to
 * read. With a minimum of 3 here (10 by default), a roll of 2 opens only with an audited override, and
 * then only officials see what the ballots say.
 */
@QuarkusTest
@TestProfile(MinimumRollOfThree.class)
class SmallNumbersTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aSmallRollOpensOnlyWithAnAuditedOverrideAndItsBallotsStayWithTheOfficials() {
        long home = fixtures.constituency("Small");
        fixtures.activeMember("voter1", home);
        fixtures.activeMember("voter2", home);
        long id = ElectionTestSteps.create(home, 1, "irv", null);
        long a = nominate(id, "Ann");
        long b = nominate(id, "Bo");

        as("alice").post("/api/elections/" + id + "/open").then().statusCode(409)
                .body("detail", containsString("fewer than the 3"));
        as("alice").get("/api/elections/" + id).then().body("state", equalTo("draft")).body("rollSize", nullValue());
        as("alice").post("/api/elections/" + id + "/open?allowSmallRoll=true").then().statusCode(200)
                .body("state", equalTo("open")).body("rollSize", equalTo(2));
        as("sam").get("/api/audit?action=election.open").then()
                .body("items.find { it.subject == 'election/" + id + "' }.details.smallRollOverride", equalTo(true))
                .body("items.find { it.subject == 'election/" + id + "' }.actor", equalTo("alice"));

        String t1 = cast("voter1", id, List.of(a));
        cast("voter2", id, List.of(b, a));
        move(id, "close");
        move(id, "count");
        move(id, "publish");

        // A voter finds their tracker, but neither they nor the board read what any ballot says.
        for (String outsider : List.of("voter1", "bob")) {
            as(outsider).get("/api/elections/" + id + "/bulletin").then().statusCode(200)
                    .body("contentsWithheld", equalTo(true)).body("ballots.tracker", hasItem(t1))
                    .body("ballots.positions", everyItem(nullValue())).body("ballots.nonce", everyItem(nullValue()));
            as(outsider).get("/api/elections/" + id + "/bulletin/" + t1).then().statusCode(200)
                    .body("tracker", equalTo(t1)).body("ranking", nullValue());
            as(outsider).get("/api/elections/" + id + "/bulletin.blt").then().statusCode(403);
            as(outsider).get("/api/elections/" + id + "/result").then().statusCode(200).body("contentsWithheld", equalTo(true));
        }
        as("sam").get("/api/elections/" + id + "/result").then().statusCode(200).body("contentsWithheld", equalTo(false));
        // The returning officer and the scrutineers still check and recount everything.
        as("sam").get("/api/elections/" + id + "/bulletin").then().statusCode(200)
                .body("contentsWithheld", equalTo(false)).body("ballots.positions", everyItem(notNullValue()));
        as("sam").get("/api/elections/" + id + "/bulletin.blt").then().statusCode(200);
    }
}
