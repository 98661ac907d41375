package org.mutualvote.membership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PortalMembershipTest {

    @Test
    void portalShipsTheSignUpAndMemberViewsWithoutInnerHtml() {
        given().get("/membership.js").then().statusCode(200)
                .body(containsString("/api/members/me"))
                .body(containsString("I agree to the membership terms"))
                .body(not(containsString("innerHTML")));
        given().get("/app.js").then().statusCode(200).body(containsString("renderSignUp")).body(not(containsString("innerHTML")));
    }
}
