package org.mutualvote.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
class ProblemMappingTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    @TestSecurity(user = "mia", roles = "member")
    void validationNamesEachFailingField() {
        given().contentType(ContentType.JSON).body("{\"name\":\"\",\"seats\":0}")
                .post("/api/test-probe")
                .then().statusCode(400).contentType(PROBLEM)
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/test-probe"))
                .body("errors.field", hasItems("name", "seats"))
                .body("code", equalTo("invalid"));
    }

    @Test
    @TestSecurity(user = "mia", roles = "member")
    void missingBodyIsAValidationError() {
        given().contentType(ContentType.JSON).post("/api/test-probe")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItems("probe"));
    }

    @Test
    @TestSecurity(user = "mia", roles = "member")
    void malformedJsonSaysWhere() {
        given().contentType(ContentType.JSON).body("{\"name\": \"x\",")
                .post("/api/test-probe")
                .then().statusCode(400).contentType(PROBLEM)
                .body("title", equalTo("Malformed JSON"))
                .body("code", equalTo("malformed-json"))
                .body("detail", containsString("line 1"));
    }

    @Test
    @TestSecurity(user = "mia", roles = "member")
    void wrongTypeNamesTheField() {
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"seats\":\"many\"}")
                .post("/api/test-probe")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("seats"));
    }

    @Test
    @TestSecurity(user = "mia", roles = "member")
    void wrongMediaTypeIs415() {
        given().contentType(ContentType.TEXT).body("name=x")
                .post("/api/test-probe")
                .then().statusCode(415).contentType(PROBLEM).body("status", equalTo(415)).body("code", equalTo("unsupported-media-type"));
    }

    @Test
    @TestSecurity(user = "mia", roles = "member")
    void conflictIs409() {
        given().contentType(ContentType.JSON).body("{\"name\":\"taken\",\"seats\":1}")
                .post("/api/test-probe")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("already in use"));
    }

    @Test
    @TestSecurity(user = "mia", roles = "member")
    void unknownPathIs404() {
        given().get("/api/no-such-thing")
                .then().statusCode(404).contentType(PROBLEM).body("title", equalTo("Not Found")).body("code", equalTo("not-found"));
    }

    @Test
    @TestSecurity(user = "mia", roles = "member")
    void wrongMethodIs405() {
        given().delete("/api/me").then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void anonymousIs401NotARedirect() {
        given().redirects().follow(false).contentType(ContentType.JSON).body("{\"name\":\"x\",\"seats\":1}")
                .post("/api/test-probe")
                .then().statusCode(401).contentType(PROBLEM).body("title", equalTo("Unauthorized"));
    }

    @Test
    @TestSecurity(user = "mia", roles = "member")
    void wrongRoleIs403() {
        given().get("/api/audit").then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
    }

    @Test
    @TestSecurity(user = "mia", roles = "member")
    void unexpectedFailureHidesItsDetails() {
        given().contentType(ContentType.JSON).body("{\"name\":\"boom\",\"seats\":1}")
                .post("/api/test-probe")
                .then().statusCode(500).contentType(PROBLEM)
                .body("detail", containsString("incident"))
                .body(not(containsString("secret internal detail")))
                .body(not(containsString("at org.")));
    }
}
