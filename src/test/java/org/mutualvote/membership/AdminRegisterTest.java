package org.mutualvote.membership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.membership.ConstituencyDtos.ConstituencyView;
import org.mutualvote.membership.MemberDtos.MemberView;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
class AdminRegisterTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Fixtures fixtures;

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void adminSearchesByNameEmailConstituencyAndStatusWithPaging() {
        String d = Fixtures.district();
        ConstituencyView c = fixtures.publicConstituency(d);
        String tag = Fixtures.uid();
        MemberView a = fixtures.member("search-a", "Ada Search" + tag, "ada." + tag + "@example.org", d + " 1AA");
        fixtures.member("search-b", "Ben Search" + tag, "ben." + tag + "@example.org", d + " 1AA");
        fixtures.member("search-c", "Cy Search" + tag, "cy." + tag + "@example.org", d + " 1AA");

        given().get("/api/members?name=search" + tag.toUpperCase()).then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(3));
        given().get("/api/members?name=search" + tag + "&size=2&page=1").then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(1)).body("page", equalTo(1)).body("size", equalTo(2));
        given().get("/api/members?email=ada." + tag).then().body("total", equalTo(1))
                .body("items[0].id", equalTo((int) a.id())).body("items[0].constituencyName", equalTo(c.name()));
        given().get("/api/members?constituencyId=" + c.id() + "&status=active").then().body("total", equalTo(3));
        given().get("/api/members?constituencyId=" + c.id() + "&status=lapsed").then().body("total", equalTo(0));
        given().get("/api/members?status=sleeping").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("member-status-unknown")).body("params.value", equalTo("sleeping"));
        given().get("/api/members?size=1000").then().statusCode(400).body("errors.field", hasItem("size"));
        given().get("/api/members/999999999").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void adminChangesStatusWithAReasonAndItIsAudited() {
        String d = Fixtures.district();
        fixtures.publicConstituency(d);
        MemberView m = fixtures.memberIn("status-change", d + " 1AA");
        given().contentType(ContentType.JSON).body(Map.of("status", "lapsed"))
                .put("/api/members/" + m.id() + "/status").then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(Map.of("status", "lapsed", "reason", "subscription not renewed"))
                .put("/api/members/" + m.id() + "/status").then().statusCode(200).body("status", equalTo("lapsed"));
        given().get("/api/audit?action=member.status-changed&size=500").then()
                .body("items.find { it.subject == 'member/" + m.id() + "' }.details.reason", equalTo("subscription not renewed"))
                .body("items.find { it.subject == 'member/" + m.id() + "' }.details.to", equalTo("lapsed"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void countsPerConstituencyAndStatus() {
        String d = Fixtures.district();
        ConstituencyView c = fixtures.publicConstituency(d);
        fixtures.memberIn("count-a", d + " 1AA");
        MemberView b = fixtures.memberIn("count-b", d + " 1AA");
        fixtures.memberIn("count-c", d + " 1AA");
        fixtures.erase("count-c");
        given().contentType(ContentType.JSON).body(Map.of("status", "lapsed", "reason", "r"))
                .put("/api/members/" + b.id() + "/status").then().statusCode(200);
        given().get("/api/members/counts").then().statusCode(200)
                .body("rows.find { it.constituencyId == " + c.id() + " && it.status == 'active' }.count", equalTo(1))
                .body("rows.find { it.constituencyId == " + c.id() + " && it.status == 'lapsed' }.count", equalTo(1))
                .body("rows.find { it.constituencyId == " + c.id() + " && it.status == 'removed' }.count", equalTo(1));
    }

    @Test
    @TestSecurity(user = "sam", roles = "scrutineer")
    void scrutineerSeesCountsButNoPersonalData() {
        String d = Fixtures.district();
        ConstituencyView c = fixtures.publicConstituency(d);
        MemberView m = fixtures.memberIn("scrutinised", d + " 1AA");
        given().get("/api/members/counts").then().statusCode(200)
                .body("rows.find { it.constituencyId == " + c.id() + " }.count", equalTo(1))
                .body(not(containsString(m.email())));
        given().get("/api/members").then().statusCode(403).contentType(PROBLEM);
        given().get("/api/members/" + m.id()).then().statusCode(403);
        given().get("/api/members/export").then().statusCode(403);
        given().contentType("text/csv").body("name,email,date_of_birth,postcode\n").post("/api/members/import").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "bob", roles = "board")
    void boardReadsCountsOnly() {
        given().get("/api/members/counts").then().statusCode(200);
        given().get("/api/members").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void exportIsCsvOfTheRegister() {
        String d = Fixtures.district();
        ConstituencyView c = fixtures.publicConstituency(d);
        MemberView m = fixtures.member("exported", "Export, \"Quoted\" " + Fixtures.uid(), Fixtures.email(), d + " 1AA");
        given().get("/api/members/export").then().statusCode(200).contentType(startsWith("text/csv"))
                .body(startsWith("id,external_id,name,email,date_of_birth,postcode,staff_class,constituency,status,joined_on\r\n"))
                .body(containsString(m.id() + ",,\"" + m.name().replace("\"", "\"\"") + "\"," + m.email() + ","
                        + m.dateOfBirth() + "," + d + " 1AA,," + c.name() + ",active," + m.joinedOn()));
        given().get("/api/audit?action=member.register-exported&size=1").then().statusCode(200)
                .body("items[0].actor", org.hamcrest.Matchers.equalTo("alice"))
                .body("items[0].subject", org.hamcrest.Matchers.equalTo("register"));
    }
}
