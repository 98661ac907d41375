package org.mutualvote.membership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
class ConstituencyResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Fixtures fixtures;

    private static Map<String, Object> publicBody(String name, String... areas) {
        return Map.of("kind", "public", "name", name, "seats", 4, "areas", areas);
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void adminCreatesEditsAndRetiresAndEachStepIsAudited() {
        String name = "Leeds North " + Fixtures.uid();
        String d = Fixtures.district();
        int id = given().contentType(ContentType.JSON).body(publicBody(name, d.toLowerCase()))
                .post("/api/constituencies")
                .then().statusCode(201)
                .body("name", equalTo(name)).body("kind", equalTo("public")).body("seats", equalTo(4))
                .body("minAge", equalTo(16)).body("areas", contains(d)).body("reviewApplications", equalTo(false))
                .extract().path("id");

        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "public", "name", name, "seats", 5, "minAge", 18, "areas", new String[] { d, "LS6" },
                        "reviewApplications", true))
                .put("/api/constituencies/" + id)
                .then().statusCode(200).body("seats", equalTo(5)).body("minAge", equalTo(18))
                .body("areas", containsInAnyOrder("LS6", d)).body("reviewApplications", equalTo(true));

        given().get("/api/constituencies").then().statusCode(200).body("name", hasItem(name));
        given().post("/api/constituencies/" + id + "/retire").then().statusCode(200).body("retired", equalTo(true));
        given().get("/api/constituencies").then().statusCode(200).body("name", not(hasItem(name)));
        given().get("/api/constituencies?includeRetired=true").then().statusCode(200).body("name", hasItem(name));

        String subject = "constituency/" + id;
        given().get("/api/audit?size=500").then().statusCode(200)
                .body("items.findAll { it.subject == '" + subject + "' }.action",
                        hasItems("constituency.created", "constituency.edited", "constituency.retired"))
                .body("items.find { it.subject == '" + subject + "' && it.action == 'constituency.edited' }.details.changed",
                        hasItems("seats", "minAge", "areas", "reviewApplications"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void inconsistentRulesAre422AndBadFields400() {
        given().contentType(ContentType.JSON).body(Map.of("kind", "public", "name", "No areas " + Fixtures.uid(), "seats", 2))
                .post("/api/constituencies").then().statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("constituency-rules-inconsistent"))
                .body("errors.field", hasItem("areas")).body("errors.code", hasItem("public-needs-area"));
        given().contentType(ContentType.JSON).body(publicBody("Bad area " + Fixtures.uid(), "Leeds"))
                .post("/api/constituencies").then().statusCode(422)
                .body("errors.message", hasItem(containsString("'Leeds' is not a postcode district")))
                .body("errors[0].code", equalTo("area-not-district")).body("errors[0].params.value", equalTo("Leeds"));
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "staff", "name", "Staff " + Fixtures.uid(), "seats", 2))
                .post("/api/constituencies").then().statusCode(422).body("errors.field", hasItem("staffClasses"))
                .body("errors.code", hasItem("staff-needs-class"));
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "patient", "name", "Patients " + Fixtures.uid(), "seats", 2, "areas", new String[] { "LS6" },
                        "staffClasses", new String[] { "nursing" }))
                .post("/api/constituencies").then().statusCode(422).body("code", equalTo("constituency-rules-inconsistent"))
                .body("errors.code", hasItems("areas-only-public", "classes-only-staff"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "public", "name", "", "seats", 0, "areas", new String[] { "LS6" }))
                .post("/api/constituencies").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("name", "seats"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void duplicateNameIs409() {
        String name = "Dup " + Fixtures.uid();
        given().contentType(ContentType.JSON).body(publicBody(name, Fixtures.district())).post("/api/constituencies")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(publicBody(name.toUpperCase(), Fixtures.district())).post("/api/constituencies")
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void constituencyWithMembersCannotBeDeletedOnlyRetired() {
        String d = Fixtures.district();
        long withMembers = fixtures.publicConstituency(d).id();
        fixtures.memberIn("delete-test-member", d + " 1AA");
        given().delete("/api/constituencies/" + withMembers).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("retire it instead"));
        given().get("/api/constituencies/" + withMembers).then().statusCode(200);
        // Nor can its kind change: its members joined under the public constituency's rules.
        given().contentType(ContentType.JSON).body(Map.of("kind", "patient", "name", "Now patients " + Fixtures.uid(), "seats", 2))
                .put("/api/constituencies/" + withMembers).then().statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("constituency-rules-inconsistent"))
                .body("errors.field", contains("kind")).body("errors.code", contains("kind-fixed-with-members"));
        given().get("/api/constituencies/" + withMembers).then().statusCode(200).body("kind", equalTo("public"));

        long empty = fixtures.publicConstituency(Fixtures.district()).id();
        given().delete("/api/constituencies/" + empty).then().statusCode(204);
        given().get("/api/constituencies/" + empty).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "someone-without-roles")
    void anyoneLoggedInListsOpenConstituenciesButCannotChangeThem() {
        String name = fixtures.staffConstituency(Fixtures.staffClass()).name();
        given().get("/api/constituencies").then().statusCode(200).body("name", hasItem(name));
        given().get("/api/constituencies?includeRetired=true").then().statusCode(403);
        given().contentType(ContentType.JSON).body(publicBody("Mine " + Fixtures.uid(), "LS6")).post("/api/constituencies")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void anonymousCannotList() {
        given().get("/api/constituencies").then().statusCode(401);
    }
}
