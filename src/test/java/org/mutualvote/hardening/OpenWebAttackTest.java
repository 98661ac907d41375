package org.mutualvote.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.mutualvote.membership.ConstituencyDtos.ConstituencyView;
import org.mutualvote.membership.ConstituencyKind;
import org.mutualvote.membership.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

/**
 * Each finding of issue 12, tried again as an attacker would, against the running service: every one is
 * now a 4xx problem naming the fault, and nothing is written.
 */
@QuarkusTest
class OpenWebAttackTest {

    @Inject
    Fixtures fixtures;

    private static Map<String, Object> application(String email, Object dateOfBirth, String postcode, String staffClass) {
        Map<String, Object> a = new HashMap<>();
        a.put("name", "Applicant " + Fixtures.uid());
        a.put("email", email);
        a.put("dateOfBirth", dateOfBirth);
        a.put("postcode", postcode);
        a.put("staffClass", staffClass);
        a.put("consent", true);
        return a;
    }

    private static String port() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", String.class);
    }

    /** A request exactly as given (REST Assured adds a Content-Type of its own to every body). */
    static HttpResponse<String> raw(String method, String path, String contentType, String body) {
        return raw(method, path, contentType, body, null);
    }

    /** The same, with an Authorization header if one is given. */
    static HttpResponse<String> raw(String method, String path, String contentType, String body, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- CSRF: a sibling origin riding on the session cookie ---

    @Test
    @TestSecurity(user = "csrf-victim", roles = "member")
    void aSiblingOriginCannotChangeAnythingWithTheSessionCookie() {
        // @TestSecurity stands in for the logged-in session; any cookie marks the request as a browser's
        // (a made-up q_session value would itself be refused by OIDC before the check is reached).
        String d = Fixtures.district();
        fixtures.publicConstituency(d);
        fixtures.memberIn("csrf-victim", d + " 1AA");
        String[] foreign = { "http://localhost:9999", "null", "http://evil.example" };
        for (String origin : foreign) {
            given().header("Cookie", "portal-pref=1").header("Origin", origin)
                    .post("/api/members/me/leave")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("title", equalTo("Cross-site request refused"));
        }
        // A plain HTML form gives no Origin at all when the browser hides it: refused as well.
        given().header("Cookie", "portal-pref=1").post("/api/members/me/leave").then().statusCode(403);
        given().header("Cookie", "portal-pref=1").header("Origin", "http://localhost:" + port())
                .header("Sec-Fetch-Site", "same-site").post("/api/members/me/leave").then().statusCode(403);
        given().get("/api/members/me").then().statusCode(200).body("status", equalTo("active"));
        // The portal's own page still works.
        given().header("Cookie", "portal-pref=1").header("Origin", "http://localhost:" + port())
                .header("Sec-Fetch-Site", "same-origin").post("/api/members/me/leave")
                .then().statusCode(200).body("status", equalTo("lapsed"));
    }

    @Test
    @TestSecurity(user = "no-type-voter", roles = "member")
    void aBodyWithoutContentTypeIsNotReadAsJson() throws Exception {
        // What fetch(..., {mode:'no-cors', body: new Blob([...])}) sends: a body and no Content-Type.
        HttpResponse<String> r = raw("POST", "/api/contests/1/ballots", null, "{\"choices\":[4,3]}");
        assertEquals(415, r.statusCode(), r.body());
        assertEquals(Optional.of("application/problem+json"), r.headers().firstValue("Content-Type"));
        r = raw("POST", "/api/members", null, "{\"name\":\"x\"}");
        assertEquals(415, r.statusCode(), r.body());
    }

    @Test
    @TestSecurity(user = "form-poster", roles = "member")
    void aFormPostToABodylessRouteIsRefused() {
        String d = Fixtures.district();
        fixtures.publicConstituency(d);
        fixtures.memberIn("form-poster", d + " 1AA");
        for (String type : new String[] { "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain" }) {
            HttpResponse<String> r = raw("POST", "/api/members/me/leave", type, "a=b");
            assertEquals(415, r.statusCode(), r.body());
            assertEquals(Optional.of("application/problem+json"), r.headers().firstValue("Content-Type"));
        }
        given().get("/api/members/me").then().body("status", equalTo("active"));
    }

    /**
     * The guard knows what each route takes from the route Quarkus matched (no reflection): the member import declares
     * text/plain and still takes it from the portal's own page (a dry run of a bad file: 422, not 415), a JSON route
     * refuses it, and a body-less route refuses it.
     */
    @Test
    @TestSecurity(user = "text-importer", roles = "admin")
    void aRouteThatDeclaresTextTakesTextAndNoOtherDoes() {
        String own = "http://localhost:" + port();
        long before = fixtures.memberCount();
        given().header("Cookie", "portal-pref=1").header("Origin", own).header("Sec-Fetch-Site", "same-origin")
                .contentType("text/plain; charset=UTF-8").body("not,a,register\n1,2,3\n").post("/api/members/import")
                .then().statusCode(422).contentType("application/problem+json");
        for (String path : new String[] { "/api/constituencies", "/api/members/me/leave" }) {
            for (String type : new String[] { "text/plain", "Text/PLAIN ; charset=utf-8" }) {
                given().header("Cookie", "portal-pref=1").header("Origin", own).header("Sec-Fetch-Site", "same-origin")
                        .contentType(type).body("{}").post(path).then().statusCode(415).contentType("application/problem+json");
            }
        }
        assertEquals(before, fixtures.memberCount());
    }

    // --- JSON read as written ---

    @Test
    @TestSecurity(user = "coerced", roles = { "member", "admin" })
    void numbersStringsAndDatesAreNotCoerced() {
        String d = Fixtures.district();
        fixtures.publicConstituency(d);
        long before = fixtures.memberCount();
        for (String choices : new String[] { "[1.5]", "[\"1\"]", "[true]", "1", "[[1]]" }) {
            given().contentType(ContentType.JSON).body("{\"choices\":" + choices + "}").post("/api/contests/1/ballots")
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(startsWith("choices")));
        }
        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"other\",\"name\":\"Seats " + Fixtures.uid() + "\",\"seats\":1.5}")
                .post("/api/constituencies").then().statusCode(400).body("errors[0].field", equalTo("seats"));
        for (String dob : new String[] { "12345", "\"12345\"", "true", "\"0001-01-01\"", "\"+999999-01-01\"", "\"-99999-01-01\"" }) {
            given().contentType(ContentType.JSON)
                    .body("{\"name\":\"A\",\"email\":\"" + Fixtures.email() + "\",\"dateOfBirth\":" + dob
                            + ",\"postcode\":\"" + d + " 1AA\",\"consent\":true}")
                    .post("/api/members").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("dateOfBirth"));
        }
        assertEquals(before, fixtures.memberCount());
    }

    @Test
    @TestSecurity(user = "dup-keys", roles = "admin")
    void aDuplicatedKeyIsMalformedJson() {
        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"other\",\"name\":\"A " + Fixtures.uid() + "\",\"seats\":1,\"seats\":2}")
                .post("/api/constituencies").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("seats"));
        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"other\",\"name\":\"A " + Fixtures.uid() + "\",\"seats\":1,\"unknown\":1,\"unknown\":2}")
                .post("/api/constituencies").then().statusCode(400).contentType("application/problem+json");
    }

    // --- Text a person typed ---

    @Test
    @TestSecurity(user = "text-attacker", roles = { "member", "admin" })
    void controlCharactersOverridesAndInvisibleNamesAreRefused() {
        String d = Fixtures.district();
        fixtures.publicConstituency(d);
        long before = fixtures.memberCount();
        for (String name : new String[] { "Ann\u0000", "Ann\u0007Lee", "\u200B\u200B", "\u200D \u2060", "Ann \u202Eeel", "Bob\u2066x",
                "\uD800x", "\u3164" }) {
            Map<String, Object> a = application(Fixtures.email(), Fixtures.adult().toString(), d + " 1AA", null);
            a.put("name", name);
            given().contentType(ContentType.JSON).body(a).post("/api/members")
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("name"));
            given().contentType(ContentType.JSON).body(Map.of("kind", "other", "name", name, "seats", 1))
                    .post("/api/constituencies").then().statusCode(400).body("errors.field", hasItem("name"));
        }
        assertEquals(before, fixtures.memberCount());
        // Ordinary names from everywhere still pass.
        Map<String, Object> a = application(Fixtures.email(), Fixtures.adult().toString(), d + " 1AA", null);
        a.put("name", "Zoë O'Brien-Nowak \u0645\u062D\u0645\u062F \u674E");
        given().contentType(ContentType.JSON).body(a).post("/api/members").then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "csv-nul", roles = "admin")
    void aNulInACsvCellNamesItsRow() {
        String cls = Fixtures.staffClass();
        fixtures.staffConstituency(cls);
        long before = fixtures.memberCount();
        given().contentType("text/csv").body("name,email,date_of_birth,staff_class\nA\u0000B," + Fixtures.email() + ",1980-01-01," + cls
                + "\nOld," + Fixtures.email() + ",0001-01-01," + cls + "\n")
                .post("/api/members/import?dryRun=false")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("row 2")).body("errors.field", hasItem("row 3"));
        assertEquals(before, fixtures.memberCount());
    }

    // --- The import ---

    @Test
    @TestSecurity(user = "dry-run-typo", roles = "admin")
    void dryRunTakesOnlyTrueOrFalse() {
        String cls = Fixtures.staffClass();
        fixtures.staffConstituency(cls);
        long before = fixtures.memberCount();
        for (String v : new String[] { "1", "yes", "on", "maybe", "TRUE ", "False" }) {
            given().contentType("text/csv").body("name,email,date_of_birth,staff_class\nA," + Fixtures.email() + ",1980-01-01," + cls + "\n")
                    .queryParam("dryRun", v).post("/api/members/import")
                    .then().log().ifValidationFails().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("dryRun"));
        }
        assertEquals(before, fixtures.memberCount());
    }

    @Test
    @TestSecurity(user = "takeover-admin", roles = "admin")
    void anImportThatWouldHandARegisterRowToASelfSignedUpLoginNeedsConfirmation() {
        String cls = Fixtures.staffClass();
        String d = Fixtures.district();
        fixtures.staffConstituency(cls);
        fixtures.publicConstituency(d);
        String victim = "victim-" + Fixtures.uid() + "@example.org";
        long strangerId = fixtures.member("stranger-" + Fixtures.uid(), "Stranger", victim, d + " 1AA").id();
        String csv = "name,email,date_of_birth,staff_class,external_id\nReal Person," + victim + ",1970-05-06," + cls + ",EMP-"
                + Fixtures.uid() + "\n";
        given().contentType("text/csv").body(csv).post("/api/members/import?dryRun=true").then().statusCode(200)
                .body("results[0].action", equalTo("update")).body("results[0].memberId", equalTo((int) strangerId))
                .body("results[0].warning", containsString("signed up with a login of their own"));
        given().contentType("text/csv").body(csv).post("/api/members/import?dryRun=false").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("row 2"))
                .body("detail", containsString("confirmLinks=true"));
        given().get("/api/members/" + strangerId).then().body("name", equalTo("Stranger")).body("externalId", nullValue());
        given().contentType("text/csv").body(csv).post("/api/members/import?dryRun=false&confirmLinks=true").then().statusCode(200)
                .body("updated", equalTo(1));
        given().get("/api/members/" + strangerId).then().body("name", equalTo("Real Person"));
    }

    @Test
    @TestSecurity(user = "unverified-claimant")
    @OidcSecurity(claims = { @Claim(key = "email", value = "unverified.claim@example.org"),
            @Claim(key = "email_verified", value = "false", type = ClaimType.BOOLEAN) })
    void anUnverifiedLoginEmailClaimsNoImportedRecord() {
        String cls = Fixtures.staffClass();
        fixtures.staffConstituency(cls);
        fixtures.importCsv("name,email,date_of_birth,staff_class\nOwner,unverified.claim@example.org,1980-02-03," + cls + "\n");
        given().contentType(ContentType.JSON).body(application("unverified.claim@example.org", "1980-02-03", null, cls))
                .post("/api/members").then().statusCode(409);
        given().get("/api/members/me").then().statusCode(404);
    }

    // --- Review rules on one's own changes ---

    @Test
    @TestSecurity(user = "mover", roles = "member")
    void movingIntoAReviewingConstituencyWaitsForReview() {
        String open = Fixtures.district();
        String reviewed = Fixtures.district();
        fixtures.publicConstituency(open);
        fixtures.create(ConstituencyKind.PUBLIC, Set.of(reviewed), Set.of(), true);
        fixtures.memberIn("mover", open + " 1AA");
        given().get("/api/members/me").then().body("status", equalTo("active"));
        Map<String, Object> update = application(Fixtures.email(), Fixtures.adult().toString(), reviewed + " 2BB", null);
        update.remove("consent");
        given().contentType(ContentType.JSON).body(update).put("/api/members/me").then().statusCode(200)
                .body("status", equalTo("pending"));
    }

    @Test
    @TestSecurity(user = "self-declared-nurse", roles = "member")
    void aSelfDeclaredStaffClassWaitsForTheReturningOfficer() {
        String cls = Fixtures.staffClass();
        ConstituencyView staff = fixtures.staffConstituency(cls);
        given().contentType(ContentType.JSON).body(application(Fixtures.email(), Fixtures.adult().toString(), null, cls))
                .post("/api/members").then().statusCode(201).body("constituencyId", equalTo((int) staff.id()))
                .body("status", equalTo("pending"));
    }

    // --- What the browser is told ---

    @Test
    void browserProtectionHeadersAreSent() {
        given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", not(containsString("immutable"))).header("Cache-Control", equalTo("no-cache"));
        given().get("/app.js").then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
        given().get("/api/members/me").then().statusCode(401).header("Cache-Control", equalTo("no-store"))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    @TestSecurity(user = "exporter", roles = "admin")
    void personalDataAndExportsAreNeverCached() {
        given().get("/api/members/export").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
        given().get("/api/me").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void readinessIncludesTheDatabaseAndTheOidcProvider() {
        given().get("/q/health/ready").then().log().ifValidationFails().statusCode(200)
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem("OIDC provider"))
                .body("checks.find { it.name == 'OIDC provider' }.status", equalTo("UP"));
    }

    @Test
    @TestSecurity(user = "born-tomorrow", roles = "member")
    void aDateOfBirthMustBePlausible() {
        String d = Fixtures.district();
        fixtures.publicConstituency(d);
        given().contentType(ContentType.JSON).body(application(Fixtures.email(), LocalDate.of(1899, 12, 31).toString(), d + " 1AA", null))
                .post("/api/members").then().statusCode(400).body("errors.field", hasItem("dateOfBirth"));
    }
}
