package org.mutualvote.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutualvote.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
class MeResourceTest {

    @Test
    void anonymousGets401Problem() {
        given().redirects().follow(false).get("/api/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = { "member", "board", "admin", "scrutineer" })
    void eachRoleSeesItself(String role) {
        // @TestSecurity cannot take a parameter, so this goes through a real token for the demo user of the role.
        String user = switch (role) {
            case "member" -> "mia";
            case "board" -> "bob";
            case "admin" -> "alice";
            default -> "sam";
        };
        given().auth().oauth2(Tokens.accessToken(user)).get("/api/me")
                .then().statusCode(200)
                .body("subject", equalTo(user))
                .body("roles", contains(role))
                .body("member", nullValue());
    }

    @Test
    @TestSecurity(user = "olivia", roles = { "member", "board", "admin", "scrutineer" })
    void severalRolesAreAllListed() {
        given().get("/api/me").then().statusCode(200)
                .body("username", equalTo("olivia"))
                .body("roles", containsInAnyOrder("admin", "board", "member", "scrutineer"));
    }

    @Test
    void bearerTokenNamesTheCaller() {
        given().auth().oauth2(Tokens.accessToken("mia")).get("/api/me")
                .then().statusCode(200)
                .body("email", equalTo("mia@example.com"))
                .body("name", equalTo("Mia"));
    }

    @Test
    void forgedBearerTokenIs401() {
        String token = Tokens.accessToken("mia");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";
        given().auth().oauth2(forged).get("/api/me")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
