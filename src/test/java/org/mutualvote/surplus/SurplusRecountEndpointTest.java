package org.mutualvote.surplus;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.mutualvote.election.ElectionTestSteps.as;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/** The one-click recount of a surplus vote: the published ballot file counted again gives the stored result to the penny. */
@QuarkusTest
class SurplusRecountEndpointTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aScrutineerRecountsTheBallotFileAndGetsTheStoredPennies() {
        long home = fixtures.constituency("Surplus recount");
        fixtures.activeMember("voter1", home);
        fixtures.activeMember("voter2", home);
        long id = as("bob").body(Map.of("title", "Surplus recount", "constituencyId", home, "surplusPence", 100_001, "form", "split",
                "rule", "mean", "pots", List.of(Map.of("name", "Reinvestment", "kind", "reserve"), Map.of("name", "Community fund", "kind", "other"))))
                .post("/api/surplus").then().statusCode(201).extract().jsonPath().getLong("id");
        as("alice").post("/api/surplus/" + id + "/open").then().statusCode(200);
        as("voter1").body(Map.of("percents", List.of(60, 40))).post("/api/surplus/" + id + "/ballots").then().statusCode(201);
        as("voter2").body(Map.of("percents", List.of(45, 55))).post("/api/surplus/" + id + "/ballots").then().statusCode(201);
        as("alice").post("/api/surplus/" + id + "/close").then().statusCode(200);
        as("sam").get("/api/surplus/" + id + "/recount").then().statusCode(409); // closed: nothing counted yet
        as("alice").post("/api/surplus/" + id + "/count").then().statusCode(200);
        String seed = as("alice").get("/api/surplus/" + id + "/result").then().extract().path("seed");

        // Mean 52.5% and 47.5% of £1,000.01: 52,500.525p and 47,500.475p; the odd penny by largest remainder.
        as("sam").get("/api/surplus/" + id + "/recount").then().statusCode(200)
                .body("matches", equalTo(true)).body("ballots", equalTo(2)).body("seed", equalTo(seed))
                .body("pots", contains("Reinvestment: £525.01", "Community fund: £475.00"));
        as("voter1").get("/api/surplus/" + id + "/recount").then().statusCode(409);
        as("alice").post("/api/surplus/" + id + "/publish").then().statusCode(200);
        as("voter1").get("/api/surplus/" + id + "/recount").then().statusCode(200).body("matches", equalTo(true));
    }
}
