package org.mutualvote.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.membership.Fixtures;
import org.mutualvote.support.Tokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Sign-ups beyond the limit get 429; with the database gone the API answers 503 and recovers by itself. */
@QuarkusTest
@TestProfile(RateLimitAndOutageTest.LowLimits.class)
class RateLimitAndOutageTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.mutualvote.web.sign-ups-per-address-per-minute", "3",
                    "%test.mutualvote.web.sign-ups-per-minute", "1000");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CuttableDatabase.class));
        }
    }

    @Inject
    Fixtures fixtures;

    @Test
    void theFourthSignUpFromOneAddressInAMinuteIsRefused() {
        String d = Fixtures.district();
        fixtures.publicConstituency(d);
        long before = fixtures.memberCount();
        int[] statuses = new int[4];
        for (int i = 0; i < 4; i++) {
            statuses[i] = given().auth().oauth2(Tokens.accessToken("voter" + (i + 1))).contentType(ContentType.JSON)
                    .body(Map.of("name", "Limited " + i, "email", Fixtures.email(), "dateOfBirth", "1980-01-01",
                            "postcode", d + " 1AA", "consent", true))
                    .post("/api/members").then().extract().statusCode();
        }
        assertEquals("[201, 201, 201, 429]", java.util.Arrays.toString(statuses));
        given().auth().oauth2(Tokens.accessToken("voter5")).contentType(ContentType.JSON)
                .body(Map.of("name", "Limited", "email", Fixtures.email(), "dateOfBirth", "1980-01-01", "postcode", d + " 1AA",
                        "consent", true))
                .post("/api/members").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "60").body("title", equalTo("Too many requests"));
        assertEquals(before + 3, fixtures.memberCount());
    }

    @Test
    void withTheDatabaseGoneTheApiAnswers503AndRecovers() throws Exception {
        String admin = Tokens.accessToken("alice");
        given().auth().oauth2(admin).get("/api/constituencies").then().statusCode(200);
        CuttableDatabase.cut();
        try {
            for (int i = 0; i < 3; i++) {
                given().auth().oauth2(admin).get("/api/constituencies").then().statusCode(503)
                        .contentType("application/problem+json").header("Retry-After", notNullValue())
                        .body("status", equalTo(503));
            }
            given().get("/q/health/ready").then().statusCode(503);
        } finally {
            CuttableDatabase.restore();
        }
        int status = 0;
        for (int i = 0; i < 30 && status != 200; i++) {
            status = given().auth().oauth2(admin).get("/api/constituencies").then().extract().statusCode();
            if (status != 200) {
                Thread.sleep(1000);
            }
        }
        assertEquals(200, status, "the API did not recover once the database was back");
        given().get("/q/health/ready").then().statusCode(200);
    }
}
