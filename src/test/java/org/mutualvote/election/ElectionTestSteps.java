package org.mutualvote.election;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import org.mutualvote.support.Fixtures;
import org.mutualvote.support.Tokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Small steps of the elections API, as the returning officer and as voters take them. */
public final class ElectionTestSteps {

    private ElectionTestSteps() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.accessToken(user)).contentType(ContentType.JSON);
    }

    public static long create(long constituencyId, int seats, String method, String rule) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", "Governors " + System.nanoTime(),
                "constituencyId", constituencyId, "seats", seats, "method", method));
        if (rule != null) {
            body.put("stvRule", rule);
        }
        return as("alice").body(body).post("/api/elections").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long nominate(long election, String name) {
        return as("alice").body(Map.of("name", name, "statement", "I will listen."))
                .post("/api/elections/" + election + "/candidates")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static void move(long election, String step) {
        as("alice").post("/api/elections/" + election + "/" + step).then().statusCode(200);
    }

    /** An open one-seat IRV election: its id and its two candidates' ids. */
    public record OpenElection(long id, long first, long second) {
    }

    /** A new constituency whose active members are {@code voters}, and an IRV election there with two candidates, open. */
    public static OpenElection openIrv(Fixtures fixtures, String place, List<String> voters, String first, String second) {
        long home = fixtures.constituency(place);
        for (String v : voters) {
            fixtures.activeMember(v, home);
        }
        long id = create(home, 1, "irv", null);
        long a = nominate(id, first);
        long b = nominate(id, second);
        move(id, "open");
        return new OpenElection(id, a, b);
    }

    public static String cast(String voter, long election, List<Long> choices) {
        return as(voter).body(Map.of("choices", choices)).post("/api/contests/" + election + "/ballots")
                .then().statusCode(201).extract().path("tracker");
    }
}
