package org.mutualvote.election;

import static org.hamcrest.Matchers.hasSize;
import static org.mutualvote.election.ElectionTestSteps.as;
import static org.mutualvote.election.ElectionTestSteps.cast;
import static org.mutualvote.election.ElectionTestSteps.move;
import static org.mutualvote.election.ElectionTestSteps.nominate;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 11: a token with no role, or a member of another constituency, read the ballots of an election
 * whose result answered them 404. The bulletin board now answers exactly who may read the result.
 */
@QuarkusTest
class BulletinAccessTest {

    @Inject
    Fixtures fixtures;

    @Test
    void whoeverCannotSeeTheResultCannotSeeTheBallotsEither() {
        long home = fixtures.constituency("Board access");
        long elsewhere = fixtures.constituency("Board access elsewhere");
        fixtures.activeMember("voter1", home);
        fixtures.activeMember("voter2", home);
        fixtures.activeMember("voter6", elsewhere);
        long id = ElectionTestSteps.create(home, 1, "irv", null);
        long a = nominate(id, "Ann");
        nominate(id, "Bo");
        move(id, "open");
        String tracker = cast("voter1", id, List.of(a));
        move(id, "close");
        move(id, "count");
        move(id, "publish");

        for (String outsider : List.of("voter6", "nobody")) {
            as(outsider).get("/api/elections/" + id + "/result").then().statusCode(404);
            as(outsider).get("/api/elections/" + id + "/bulletin").then().statusCode(404);
            as(outsider).get("/api/elections/" + id + "/bulletin.blt").then().statusCode(404);
            as(outsider).get("/api/elections/" + id + "/bulletin/" + tracker).then().statusCode(404);
            as(outsider).get("/api/elections/" + id + "/recount").then().statusCode(404);
        }
        for (String insider : List.of("voter2", "bob", "sam")) {
            as(insider).get("/api/elections/" + id + "/result").then().statusCode(200);
            as(insider).get("/api/elections/" + id + "/bulletin").then().statusCode(200).body("ballots", hasSize(1));
            as(insider).get("/api/elections/" + id + "/bulletin/" + tracker).then().statusCode(200);
            as(insider).get("/api/elections/" + id + "/recount").then().statusCode(200);
        }
    }
}
