package org.mutualvote.membership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutualvote.membership.ConstituencyDtos.ConstituencyView;
import org.mutualvote.membership.MemberDtos.MemberView;
import org.mutualvote.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
class MeResourceTest {

    @Inject
    Fixtures fixtures;

    @Test
    @TestSecurity(user = "me-with-record", roles = "member")
    void aMemberSeesTheirMemberRecord() {
        String d = Fixtures.district();
        ConstituencyView c = fixtures.publicConstituency(d);
        MemberView m = fixtures.memberIn("me-with-record", d + " 1AA");
        given().get("/api/me").then().statusCode(200)
                .body("member.id", equalTo((int) m.id()))
                .body("member.name", equalTo(m.name()))
                .body("member.email", equalTo(m.email()))
                .body("member.constituencyId", equalTo((int) c.id()))
                .body("member.constituencyName", equalTo(c.name()))
                .body("member.status", equalTo("active"))
                .body("member.joinedOn", equalTo(m.joinedOn().toString()));
    }

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
