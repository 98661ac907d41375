package org.mutualvote.membership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.membership.ConstituencyDtos.ConstituencyView;
import org.mutualvote.membership.MemberDtos.MemberView;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
class OwnRecordTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Fixtures fixtures;

    private static Map<String, Object> details(MemberView m, String postcode) {
        Map<String, Object> u = new HashMap<>();
        u.put("name", m.name());
        u.put("email", m.email());
        u.put("dateOfBirth", m.dateOfBirth().toString());
        u.put("postcode", postcode);
        return u;
    }

    @Test
    @TestSecurity(user = "own-reader", roles = "member")
    void memberSeesAndUpdatesOwnDetails() {
        String d = Fixtures.district();
        fixtures.publicConstituency(d);
        MemberView m = fixtures.memberIn("own-reader", d + " 1AA");
        given().get("/api/members/me").then().statusCode(200).body("id", equalTo((int) m.id())).body("name", equalTo(m.name()));
        Map<String, Object> u = details(m, d + " 2BB");
        u.put("name", "New Name");
        given().contentType(ContentType.JSON).body(u).put("/api/members/me")
                .then().statusCode(200).body("name", equalTo("New Name")).body("postcode", equalTo(d + " 2BB"))
                .body("constituencyId", equalTo((int) m.constituencyId()));
        given().get("/api/audit?size=500").then().statusCode(403); // members do not read the audit log
    }

    @Test
    @TestSecurity(user = "own-mover", roles = "member")
    void movingIsRecheckedAndAMoveNoConstituencyCoversIs422() {
        String from = Fixtures.district();
        String to = Fixtures.district();
        fixtures.publicConstituency(from);
        ConstituencyView target = fixtures.publicConstituency(to);
        MemberView m = fixtures.memberIn("own-mover", from + " 1AA");
        String nowhere = Fixtures.district();
        given().contentType(ContentType.JSON).body(details(m, nowhere + " 1AA")).put("/api/members/me")
                .then().statusCode(422).contentType(PROBLEM)
                .body("detail", containsString("postcode district " + nowhere + " is not in this constituency"));
        given().get("/api/members/me").then().body("postcode", equalTo(from + " 1AA"));
        given().contentType(ContentType.JSON).body(details(m, to + " 1AA")).put("/api/members/me")
                .then().statusCode(200).body("constituencyId", equalTo((int) target.id()))
                .body("constituencyName", equalTo(target.name()));
    }

    @Test
    @TestSecurity(user = "own-email-clash", roles = "member")
    void changingToAnotherMembersEmailIs409() {
        String d = Fixtures.district();
        fixtures.publicConstituency(d);
        MemberView other = fixtures.memberIn("own-email-other", d + " 1AA");
        MemberView m = fixtures.memberIn("own-email-clash", d + " 1AA");
        Map<String, Object> u = details(m, d + " 1AA");
        u.put("email", other.email());
        given().contentType(ContentType.JSON).body(u).put("/api/members/me").then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "own-nosy", roles = "member")
    void memberCannotReadOrChangeAnotherMember() {
        String d = Fixtures.district();
        fixtures.publicConstituency(d);
        MemberView other = fixtures.memberIn("own-nosy-victim", d + " 1AA");
        fixtures.memberIn("own-nosy", d + " 1AA");
        given().get("/api/members/" + other.id()).then().statusCode(403).contentType(PROBLEM)
                .body(not(containsString(other.name())));
        given().contentType(ContentType.JSON).body(Map.of("status", "lapsed", "reason", "x"))
                .put("/api/members/" + other.id() + "/status").then().statusCode(403);
        given().get("/api/members?name=" + other.name()).then().statusCode(403);
        given().get("/api/members/export").then().statusCode(403);
        // /me is always the caller's own record
        given().get("/api/members/me").then().statusCode(200).body("name", not(equalTo(other.name())));
    }

    @Test
    @TestSecurity(user = "own-not-member")
    void noRecordIs404() {
        given().get("/api/members/me").then().statusCode(404).contentType(PROBLEM);
        given().post("/api/members/me/leave").then().statusCode(404);
        given().delete("/api/members/me").then().statusCode(404);
        given().get("/api/me").then().statusCode(200).body("member", nullValue());
    }

    @Test
    @TestSecurity(user = "own-leaver", roles = "member")
    void leavingLapsesTheMembership() {
        String d = Fixtures.district();
        fixtures.publicConstituency(d);
        fixtures.memberIn("own-leaver", d + " 1AA");
        given().post("/api/members/me/leave").then().statusCode(200).body("status", equalTo("lapsed"));
        given().post("/api/members/me/leave").then().statusCode(409);
        given().get("/api/me").then().body("member.status", equalTo("lapsed"));
    }

    @Test
    @TestSecurity(user = "own-eraser", roles = "member")
    void erasureKeepsTheRowAndRemovesPersonalData() {
        String d = Fixtures.district();
        ConstituencyView c = fixtures.publicConstituency(d);
        MemberView m = fixtures.memberIn("own-eraser", d + " 1AA");
        long before = fixtures.memberCount();

        given().delete("/api/members/me").then().statusCode(204);

        assertEquals(before, fixtures.memberCount(), "the row stays, so no count changes");
        Member row = fixtures.reload(m.id());
        assertNotNull(row, "the member row is kept");
        assertNull(row.name);
        assertNull(row.email);
        assertNull(row.dateOfBirth);
        assertNull(row.postcode);
        assertNull(row.staffClass);
        assertNull(row.subject);
        assertNull(row.externalId);
        assertNotNull(row.erasedAt);
        assertEquals(MemberStatus.REMOVED, row.status);
        assertEquals(c.id(), row.constituency.id);
        given().get("/api/members/me").then().statusCode(404);
        given().get("/api/me").then().body("member", nullValue());
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void erasureLeavesNoPersonalDataInTheAuditLogAndTheRegister() {
        String d = Fixtures.district();
        ConstituencyView c = fixtures.publicConstituency(d);
        MemberView m = fixtures.memberIn("erased-by-request", d + " 1AA");
        fixtures.erase("erased-by-request");
        given().get("/api/members/" + m.id()).then().statusCode(200)
                .body("erased", equalTo(true)).body("name", nullValue()).body("email", nullValue())
                .body("status", equalTo("removed"));
        given().get("/api/audit?size=500").then().statusCode(200)
                .body("items.find { it.subject == 'member/" + m.id() + "' && it.action == 'member.erased' }.details.size()", equalTo(0))
                .body(not(containsString(m.email())))
                .body(not(containsString(m.name())));
        given().get("/api/members/export").then().statusCode(200).body(not(containsString(m.email())));
        given().contentType(ContentType.JSON).body(Map.of("status", "active", "reason", "undo"))
                .put("/api/members/" + m.id() + "/status").then().statusCode(409);
        given().get("/api/members?email=" + m.email()).then().body("total", equalTo(0));
        given().get("/api/members?status=removed&constituencyId=" + c.id()).then().body("items.id", hasItem((int) m.id()));
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void anAdminErasesOnAWrittenRequest() {
        String d = Fixtures.district();
        fixtures.publicConstituency(d);
        MemberView m = fixtures.memberIn("erased-by-letter", d + " 1AA");
        long before = fixtures.memberCount();
        given().delete("/api/members/" + m.id()).then().statusCode(204);
        given().delete("/api/members/" + m.id()).then().statusCode(409).body("detail", containsString("already been erased"));
        given().delete("/api/members/999999999").then().statusCode(404);
        assertEquals(before, fixtures.memberCount());
        Member row = fixtures.reload(m.id());
        assertNull(row.name);
        assertNull(row.subject);
        assertEquals(MemberStatus.REMOVED, row.status);
        given().get("/api/audit?action=member.erased&size=1").then().body("items[0].actor", equalTo("alice"))
                .body("items[0].subject", equalTo("member/" + m.id()));
    }

    @Test
    @TestSecurity(user = "someone", roles = "member")
    void aMemberCannotEraseAnother() {
        given().delete("/api/members/1").then().statusCode(403);
    }
}
