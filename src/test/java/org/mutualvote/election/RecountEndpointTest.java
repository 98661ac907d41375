package org.mutualvote.election;

import static org.hamcrest.Matchers.equalTo;
import static org.mutualvote.election.ElectionTestSteps.as;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/** The one-click recount: the bulletin board's BLT counted again with the published seed gives the published result. */
@QuarkusTest
class RecountEndpointTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aScrutineerRecountsThePublishedBallotsAndGetsTheSameResult() {
        long home = fixtures.constituency("Recount");
        long id = ElectionTestSteps.create(home, 2, "stv", "scotland");
        long a = ElectionTestSteps.nominate(id, "Ash");
        long b = ElectionTestSteps.nominate(id, "Birch");
        long c = ElectionTestSteps.nominate(id, "Cedar");
        for (String v : List.of("voter1", "voter2", "voter3")) {
            fixtures.activeMember(v, home);
        }
        ElectionTestSteps.move(id, "open");
        ElectionTestSteps.cast("voter1", id, List.of(a, b));
        ElectionTestSteps.cast("voter2", id, List.of(a, c));
        ElectionTestSteps.cast("voter3", id, List.of(c));
        as("sam").get("/api/elections/" + id + "/recount").then().statusCode(409); // still open: nothing counted
        ElectionTestSteps.move(id, "close");
        ElectionTestSteps.move(id, "count");
        List<String> elected = as("alice").get("/api/elections/" + id + "/result").then().extract().path("elected");
        String seed = as("alice").get("/api/elections/" + id + "/result").then().extract().path("seed");

        // Officials may recount a counted result before it is published; members wait for publication.
        as("sam").get("/api/elections/" + id + "/recount").then().statusCode(200)
                .body("matches", equalTo(true)).body("ballots", equalTo(3)).body("elected", equalTo(elected))
                .body("seed", equalTo(seed));
        as("voter1").get("/api/elections/" + id + "/recount").then().statusCode(409);
        ElectionTestSteps.move(id, "publish");
        as("voter1").get("/api/elections/" + id + "/recount").then().statusCode(200).body("matches", equalTo(true));
    }
}
