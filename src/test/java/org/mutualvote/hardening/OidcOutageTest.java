package org.mutualvote.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;

/**
 * The OIDC provider goes down while the service runs (its port closed, then its key set failing): signed-in API
 * calls answer 503 problem+json with Retry-After instead of being let through on cached keys, public reads keep
 * working, readiness says DOWN, and all of it recovers by itself when the provider is back. The service asks the
 * provider on a schedule (every second here), never once per request.
 */
@QuarkusTest
@TestProfile(OidcOutageTest.OwnProvider.class)
class OidcOutageTest {

    public static class OwnProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.quarkus.oidc.devservices.enabled", "false", "%test.mutualvote.oidc-check", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CuttableOidcProvider.class));
        }
    }

    private static final String CONSTITUENCY = "{\"kind\":\"public\",\"name\":\"Written during the outage\",\"seats\":1,\"areas\":[\"ZZ9\"]}";

    @Test
    void signedInCallsAnswer503WhileTheProviderIsDownAndRecoverByThemselves() throws Exception {
        String admin = CuttableOidcProvider.token("outage-admin", "admin");
        given().auth().oauth2(admin).get("/api/constituencies").then().statusCode(200);

        CuttableOidcProvider.takeDown();
        long noticed;
        try {
            noticed = waitFor(admin, 503);
            assertTrue(noticed <= 10_000, "the outage was noticed only after " + noticed + " ms");
            given().auth().oauth2(admin).get("/api/constituencies").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "1").body("status", equalTo(503)).body("title", equalTo("Service unavailable"))
                    .body("detail", containsString("login provider")).body("instance", equalTo("/api/constituencies"));
            // A change is refused the same way, before anything is read or written.
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(CONSTITUENCY).post("/api/constituencies")
                    .then().statusCode(503).header("Retry-After", "1");
            // A token the provider never issued, a browser session and any other credentials: the same 503, no more said.
            given().auth().oauth2(foreignToken()).get("/api/members/me").then().statusCode(503).header("Retry-After", "1");
            given().header("Cookie", "q_session=stolen-or-stale").get("/api/members/me").then().statusCode(503);
            given().header("Authorization", "Basic YWxpY2U6YWxpY2U=").get("/api/members/me").then().statusCode(503);
            // Spelling the path another way does not get past: each either reaches the route (and gets 503) or nothing.
            for (String sneaky : List.of("//api/constituencies", "/api/./constituencies", "/q/../api/constituencies",
                    "/%61pi/constituencies", "/api/constituencies/", "/api//constituencies")) {
                int status = OpenWebAttackTest.raw("GET", sneaky, null, null, "Bearer " + admin).statusCode();
                assertTrue(status == 503 || status == 404 || status == 400, sneaky + " answered " + status + " during the outage");
            }
            // The portal's "Log in" link says signing in is not available, instead of sending the browser to a provider that is down.
            given().redirects().follow(false).get("/login").then().statusCode(503).header("Retry-After", "1")
                    .contentType(containsString("text/html")).header("Cache-Control", "no-store")
                    .body(containsString("Signing in is not available just now"))
                    .body(containsString("Nid yw mewngofnodi ar gael ar hyn o bryd"));
            // Anonymous callers need no provider: the public page still reads, and a protected route still asks for a login.
            given().get("/api/organisation").then().statusCode(200);
            given().get("/api/constituencies").then().statusCode(401);
            given().get("/q/health/ready").then().statusCode(503).body("checks.find { it.name == 'OIDC provider' }.status", equalTo("DOWN"));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            CuttableOidcProvider.bringBack();
        }
        long recovered = waitFor(admin, 200);
        assertTrue(recovered <= 10_000, "the API recovered only " + recovered + " ms after the provider came back");
        given().get("/q/health/ready").then().statusCode(200);
        // Back up, the link starts the login again: off to the provider.
        given().redirects().follow(false).get("/login").then().statusCode(302)
                .header("Location", containsString(CuttableOidcProvider.issuer()));
        given().auth().oauth2(admin).get("/api/constituencies").then().statusCode(200)
                .body("name", not(org.hamcrest.Matchers.hasItem("Written during the outage")));

        // The provider answers, but its signing keys cannot be fetched: down as well.
        CuttableOidcProvider.breakKeys();
        try {
            waitFor(admin, 503);
            given().auth().oauth2(admin).get("/api/constituencies").then().statusCode(503).header("Retry-After", "1");
        } finally {
            CuttableOidcProvider.bringBack();
        }
        waitFor(admin, 200);
        System.out.printf("OIDC outage: noticed after %d ms, recovered %d ms after the provider came back%n", noticed, recovered);
    }

    @Test
    void theProviderIsAskedOnAScheduleNotOnEveryRequest() throws Exception {
        String admin = CuttableOidcProvider.token("outage-admin", "admin");
        waitFor(admin, 200);
        int before = CuttableOidcProvider.DISCOVERY_HITS.get();
        long start = System.nanoTime();
        int requests = 100;
        for (int i = 0; i < requests; i++) {
            given().auth().oauth2(admin).get("/api/constituencies").then().statusCode(200);
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        int asked = CuttableOidcProvider.DISCOVERY_HITS.get() - before;
        System.out.printf("OIDC watch: %d requests in %d s asked the provider %d times%n", requests, seconds, asked);
        assertTrue(asked <= seconds + 2, requests + " requests in " + seconds + " s asked the provider " + asked + " times");
    }

    /** Polls every 100 ms until an admin's read answers {@code status}; returns how long that took. */
    private static long waitFor(String token, int status) throws InterruptedException {
        long start = System.nanoTime();
        int got = 0;
        while (System.nanoTime() - start < 15_000_000_000L) {
            got = given().auth().oauth2(token).get("/api/constituencies").then().extract().statusCode();
            if (got == status) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(100);
        }
        assertEquals(status, got, "no " + status + " within 15 s");
        return -1;
    }

    private static String foreignToken() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return Jwt.issuer(CuttableOidcProvider.issuer()).subject("forger").groups(Set.of("admin")).expiresIn(600).jws()
                .keyId(CuttableOidcProvider.KEY_ID).sign(g.generateKeyPair().getPrivate());
    }
}
