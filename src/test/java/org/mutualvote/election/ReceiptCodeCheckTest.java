package org.mutualvote.election;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.mutualvote.election.ElectionTestSteps.as;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.ballot.Tracker;
import org.mutualvote.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/** The code a voter's receipt shows (XXXX-XXXX-XXXX) finds their ballot on the bulletin board, as the full tracker does. */
@QuarkusTest
class ReceiptCodeCheckTest {

    @Inject
    Fixtures fixtures;

    @Test
    void theShortCodeOnTheReceiptFindsTheBallotAsRecorded() {
        long home = fixtures.constituency("Receipts");
        fixtures.activeMember("voter6", home);
        long id = ElectionTestSteps.create(home, 1, "irv", null);
        long ash = ElectionTestSteps.nominate(id, "Ash");
        long birch = ElectionTestSteps.nominate(id, "Birch");
        ElectionTestSteps.nominate(id, "Cedar");
        ElectionTestSteps.move(id, "open");
        String tracker = ElectionTestSteps.cast("voter6", id, List.of(birch, ash));
        String code = Tracker.shortCode(tracker);

        // Before the close the board is shut, whatever code is given.
        as("voter6").get("/api/elections/" + id + "/bulletin/" + code).then().statusCode(409);
        ElectionTestSteps.move(id, "close");

        // As printed, in lower case, without dashes: all the same ballot, ranked Birch (2) then Ash (1).
        for (String typed : List.of(code, code.toLowerCase(), code.replace("-", ""))) {
            as("voter6").get("/api/elections/" + id + "/bulletin/" + typed).then().statusCode(200)
                    .body("tracker", equalTo(tracker))
                    .body("ranking", equalTo(List.of(2, 1)));
        }
        // A well-formed code that is on nobody's receipt: 404 in words; a malformed one: 400 that says what a code looks like.
        String other = tracker.startsWith("0") ? "FFFF-FFFF-FFFF" : "0000-0000-0000";
        as("voter6").get("/api/elections/" + id + "/bulletin/" + other).then().statusCode(404)
                .body("detail", containsString("receipt code"));
        as("voter6").get("/api/elections/" + id + "/bulletin/12-34").then().statusCode(400)
                .body("errors[0].message", containsString("1A2B-3C4D-5E6F"));
    }
}
