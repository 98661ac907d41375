package org.mutualvote.election;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

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

    public static String cast(String voter, long election, List<Long> choices) {
        return as(voter).body(Map.of("choices", choices)).post("/api/contests/" + election + "/ballots")
                .then().statusCode(201).extract().path("tracker");
    }
}
