package org.mutualvote.election;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.mutualvote.election.ElectionTestSteps.as;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The problems a member meets carry a stable {@code code} beside the English detail, so the portal can say them
 * in the member's language; and a result carries what a scrutineer checks it against: the digest of the ballots
 * sealed at close, how many, and the audit chain's head.
 */
@QuarkusTest
class MemberProblemCodesTest {

    @Inject
    Fixtures fixtures;

    @Test
    void eachProblemOfVotingHasItsCode() {
        var e = ElectionTestSteps.openIrv(fixtures, "Codes", List.of("voter7"), "Ash", "Birch");
        String cast = "/api/contests/" + e.id() + "/ballots";

        as("voter7").body(Map.of("choices", List.of(e.first(), e.first()))).post(cast).then().statusCode(422)
                .body("code", equalTo("ballot-invalid"));
        as("voter7").body(Map.of("choices", List.of())).post(cast).then().statusCode(400)
                .body("code", equalTo("invalid")).body("errors.code", hasItem("size"));
        ElectionTestSteps.cast("voter7", e.id(), List.of(e.first()));
        as("voter7").body(Map.of("choices", List.of(e.second()))).post(cast).then().statusCode(409)
                .body("code", equalTo("already-voted"));
        // voter8 joined after the roll was frozen.
        fixtures.activeMember("voter8", fixtures.constituency("Elsewhere"));
        as("voter8").body(Map.of("choices", List.of(e.first()))).post(cast).then().statusCode(403)
                .body("code", equalTo("not-on-roll"));

        as("voter7").get("/api/elections/" + e.id() + "/bulletin/0000-0000-0000").then().statusCode(409)
                .body("code", equalTo("board-not-open"));
        ElectionTestSteps.move(e.id(), "close");
        as("voter7").body(Map.of("choices", List.of(e.second()))).post(cast).then().statusCode(409)
                .body("code", equalTo("voting-not-open"));
        String nobody = ElectionTestSteps.as("alice").get("/api/elections/" + e.id() + "/bulletin").then().extract()
                .<String> path("ballots[0].tracker").startsWith("0") ? "FFFF-FFFF-FFFF" : "0000-0000-0000";
        as("voter7").get("/api/elections/" + e.id() + "/bulletin/" + nobody).then().statusCode(404)
                .body("code", equalTo("receipt-not-found"));
        as("voter7").get("/api/elections/" + e.id() + "/result").then().statusCode(409).body("code", equalTo("result-not-ready"));
        ElectionTestSteps.move(e.id(), "count");
        ElectionTestSteps.move(e.id(), "publish");
        as("voter7").get("/api/elections/" + e.id() + "/result").then().statusCode(200)
                .body("ballotDigest", matchesPattern("[0-9a-f]{64}"))
                .body("sealedBallots", equalTo(1))
                .body("auditHead.hash", matchesPattern("[0-9a-f]{64}"))
                .body("auditHead.signature", notNullValue());
    }

    @Test
    void aSignUpsMistakesHaveCodesPerField() {
        as("mia").body(Map.of("name", "", "email", "not an email", "consent", false)).post("/api/members").then()
                .statusCode(400).body("code", equalTo("invalid"))
                .body("errors.find { it.field == 'name' }.code", equalTo("not-blank"))
                .body("errors.find { it.field == 'email' }.code", equalTo("email"))
                .body("errors.find { it.field == 'dateOfBirth' }.code", equalTo("not-null"))
                .body("errors.find { it.field == 'consent' }.code", equalTo("assert-true"));
        as("alice").get("/api/no-such-thing").then().statusCode(404).body("code", equalTo("not-found"));
    }
}
