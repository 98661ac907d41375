package org.mutualvote.support;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

/** Real bearer tokens from the OIDC server Quarkus starts in dev and test mode (no container). */
public final class Tokens {

    private Tokens() {
    }

    /** An access token for a demo user; its roles are those set in application.properties. */
    public static String accessToken(String username) {
        String server = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        return given().formParam("grant_type", "password").formParam("client_id", "mutual-vote")
                .formParam("username", username).formParam("password", username)
                .post(server + "/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
