package org.mutualvote.motion;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.mutualvote.election.ElectionTestSteps.as;
import static org.mutualvote.motion.MotionTestSteps.ABSTAIN;
import static org.mutualvote.motion.MotionTestSteps.AGAINST;
import static org.mutualvote.motion.MotionTestSteps.FOR;
import static org.mutualvote.motion.MotionTestSteps.motion;
import static org.mutualvote.motion.MotionTestSteps.with;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The one-click recount of a poll: the bulletin board's poll file read back and decided again gives the stored
 * result, weights, consent and quorum included; officials may recount once counted, members once published.
 */
@QuarkusTest
class MotionRecountEndpointTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aScrutineerRecountsAWeightedPollAndGetsTheStoredResult() {
        long staff = fixtures.constituency("Recount staff");
        long patients = fixtures.constituency("Recount patients");
        fixtures.activeMember("voter1", staff);
        fixtures.activeMember("voter2", patients);
        fixtures.activeMember("voter3", patients);
        long id = MotionTestSteps.open(List.of(staff, patients), List.of(
                with(with(motion("Adopt the new rules", "special"), "weights",
                        Map.of("kind", "shares", "classes", List.of(Map.of("constituencyId", staff, "share", "1/2"),
                                Map.of("constituencyId", patients, "share", "1/2")))), "quorum", Map.of("share", "1/2")),
                with(motion("Reappoint the auditors", "ordinary"), "consent", List.of(staff))));
        MotionTestSteps.vote("voter1", id, FOR, AGAINST);
        MotionTestSteps.vote("voter2", id, AGAINST, FOR);
        MotionTestSteps.vote("voter3", id, FOR, ABSTAIN);
        as("sam").get("/api/motions/" + id + "/recount").then().statusCode(409); // still open: nothing counted
        as("alice").post("/api/motions/" + id + "/close").then().statusCode(200);
        as("alice").post("/api/motions/" + id + "/count").then().statusCode(200);
        String first = as("alice").get("/api/motions/" + id + "/result").then().extract().path("report.motions[0].outcome.reason");

        as("sam").get("/api/motions/" + id + "/recount").then().statusCode(200)
                .body("matches", equalTo(true)).body("ballots", equalTo(3)).body("reasons", hasSize(2))
                .body("reasons[0]", equalTo(first)).body("reasons[1]", startsWith("lost"));
        as("voter2").get("/api/motions/" + id + "/recount").then().statusCode(409); // members wait for publication
        as("alice").post("/api/motions/" + id + "/publish").then().statusCode(200);
        as("voter2").get("/api/motions/" + id + "/recount").then().statusCode(200).body("matches", equalTo(true));
        as("bob").get("/api/motions/" + id + "/recount").then().statusCode(200).body("matches", equalTo(true));
    }
}
