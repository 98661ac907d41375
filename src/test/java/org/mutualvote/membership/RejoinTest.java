package org.mutualvote.membership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** A member who left can come back from the portal; only a lapsed membership can be renewed this way. */
@QuarkusTest
class RejoinTest {

    @Inject
    Fixtures fixtures;

    @Test
    @TestSecurity(user = "own-rejoiner", roles = "member")
    void aLapsedMemberRejoinsAndIsActiveAgain() {
        String d = Fixtures.district();
        fixtures.publicConstituency(d);
        fixtures.memberIn("own-rejoiner", d + " 1AA");
        given().post("/api/members/me/rejoin").then().statusCode(409); // still active: nothing to renew
        given().post("/api/members/me/leave").then().statusCode(200).body("status", equalTo("lapsed"));
        given().post("/api/members/me/rejoin").then().statusCode(200).body("status", equalTo("active"));
        given().get("/api/me").then().body("member.status", equalTo("active"));
        given().get("/api/audit?size=500").then().statusCode(403);
    }
}
