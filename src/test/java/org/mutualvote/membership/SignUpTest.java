package org.mutualvote.membership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.membership.ConstituencyDtos.ConstituencyView;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
class SignUpTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Fixtures fixtures;

    static Map<String, Object> application(String email, LocalDate dob, String postcode, String staffClass) {
        Map<String, Object> a = new HashMap<>();
        a.put("name", "Applicant " + Fixtures.uid());
        a.put("email", email);
        a.put("dateOfBirth", dob.toString());
        a.put("postcode", postcode);
        a.put("staffClass", staffClass);
        a.put("consent", true);
        return a;
    }

    @Test
    @TestSecurity(user = "signup-public")
    void eligibleApplicantJoinsTheConstituencyOfTheirPostcodeDistrict() {
        String d = Fixtures.district();
        ConstituencyView c = fixtures.publicConstituency(d);
        String email = Fixtures.email();
        // lower case, no space: the district is everything but the three-character inward code
        given().contentType(ContentType.JSON).body(application(email, Fixtures.adult(), d.toLowerCase() + "3ab", null))
                .post("/api/members")
                .then().statusCode(201)
                .body("constituencyId", equalTo((int) c.id())).body("constituencyName", equalTo(c.name()))
                .body("status", equalTo("active")).body("email", equalTo(email))
                .body("postcode", equalTo(d + " 3AB")).body("joinedOn", equalTo(LocalDate.now().toString()));
        given().get("/api/me").then().statusCode(200)
                .body("member.constituencyName", equalTo(c.name())).body("member.status", equalTo("active"));
    }

    @Test
    @TestSecurity(user = "signup-too-young")
    void tooYoungIs422SayingTheMinimumAge() {
        String d = Fixtures.district();
        fixtures.publicConstituency(d);
        given().contentType(ContentType.JSON)
                .body(application(Fixtures.email(), LocalDate.now().minusYears(16).plusDays(1), d + " 1AA", null))
                .post("/api/members")
                .then().statusCode(422).contentType(PROBLEM)
                .body("detail", containsString("too young: minimum age 16"));
        given().get("/api/members/me").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "signup-sixteen-today")
    void sixteenTodayIsOldEnough() {
        String d = Fixtures.district();
        fixtures.publicConstituency(d);
        given().contentType(ContentType.JSON)
                .body(application(Fixtures.email(), LocalDate.now().minusYears(16), d + " 1AA", null))
                .post("/api/members").then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "signup-outside")
    void postcodeOutsideEveryConstituencyIs422NamingTheDistrict() {
        String inside = Fixtures.district();
        String outside = Fixtures.district();
        ConstituencyView c = fixtures.publicConstituency(inside);
        given().contentType(ContentType.JSON).body(application(Fixtures.email(), Fixtures.adult(), outside + " 9ZZ", null))
                .post("/api/members")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.message", hasItem(c.name() + ": postcode district " + outside + " is not in this constituency"));
    }

    @Test
    @TestSecurity(user = "signup-unknown-class")
    void unknownStaffClassIs422() {
        ConstituencyView c = fixtures.staffConstituency(Fixtures.staffClass());
        given().contentType(ContentType.JSON).body(application(Fixtures.email(), Fixtures.adult(), null, "juggler"))
                .post("/api/members")
                .then().statusCode(422)
                .body("errors.message", hasItem(c.name() + ": staff class juggler is not in this constituency"));
    }

    @Test
    @TestSecurity(user = "signup-staff")
    void staffClassDecidesForStaff() {
        String cls = Fixtures.staffClass();
        ConstituencyView c = fixtures.staffConstituency(cls);
        given().contentType(ContentType.JSON).body(application(Fixtures.email(), Fixtures.adult(), "LS6 3AB", cls.toUpperCase()))
                .post("/api/members")
                .then().statusCode(201).body("constituencyId", equalTo((int) c.id())).body("staffClass", equalTo(cls));
    }

    @Test
    @TestSecurity(user = "signup-retired")
    void retiredConstituencyAdmitsNobody() {
        String d = Fixtures.district();
        ConstituencyView c = fixtures.publicConstituency(d);
        fixtures.retire(c.id());
        given().contentType(ContentType.JSON).body(application(Fixtures.email(), Fixtures.adult(), d + " 1AA", null))
                .post("/api/members")
                .then().statusCode(422).body("errors.message", hasItem(c.name() + ": retired: it admits no new members"));
        Map<String, Object> explicit = application(Fixtures.email(), Fixtures.adult(), d + " 1AA", null);
        explicit.put("constituencyId", c.id());
        given().contentType(ContentType.JSON).body(explicit).post("/api/members")
                .then().statusCode(422).body("detail", containsString("retired"));
    }

    @Test
    @TestSecurity(user = "signup-two")
    void matchingTwoConstituenciesIs422NamingBoth() {
        String d = Fixtures.district();
        ConstituencyView a = fixtures.publicConstituency(d);
        ConstituencyView b = fixtures.publicConstituency(d, Fixtures.district());
        given().contentType(ContentType.JSON).body(application(Fixtures.email(), Fixtures.adult(), d + " 1AA", null))
                .post("/api/members")
                .then().statusCode(422).contentType(PROBLEM)
                .body("detail", allOf(containsString(a.name()), containsString(b.name())))
                .body("errors.message", hasItems("fits " + a.name(), "fits " + b.name()));
        // choosing one of them explicitly settles it
        Map<String, Object> explicit = application(Fixtures.email(), Fixtures.adult(), d + " 1AA", null);
        explicit.put("constituencyId", b.id());
        given().contentType(ContentType.JSON).body(explicit).post("/api/members")
                .then().statusCode(201).body("constituencyId", equalTo((int) b.id()));
    }

    @Test
    @TestSecurity(user = "signup-patient")
    void patientConstituencyIsChosenExplicitlyAndOnlyAgeApplies() {
        ConstituencyView p = fixtures.create(ConstituencyKind.PATIENT, Set.of(), Set.of(), false);
        Map<String, Object> a = application(Fixtures.email(), Fixtures.adult(), null, null);
        given().contentType(ContentType.JSON).body(a).post("/api/members")
                .then().statusCode(422).body("errors.message", not(hasItem(containsString(p.name()))));
        a.put("constituencyId", p.id());
        given().contentType(ContentType.JSON).body(a).post("/api/members")
                .then().statusCode(201).body("constituencyId", equalTo((int) p.id()));
    }

    @Test
    @TestSecurity(user = "signup-no-consent")
    void consentMustBeGiven() {
        Map<String, Object> a = application(Fixtures.email(), Fixtures.adult(), "LS6 3AB", null);
        a.put("consent", false);
        a.put("email", "not an email");
        given().contentType(ContentType.JSON).body(a).post("/api/members")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItems("consent", "email"));
    }

    @Test
    @TestSecurity(user = "signup-twice")
    void secondSignUpBySameLoginIs409() {
        String d = Fixtures.district();
        fixtures.publicConstituency(d);
        given().contentType(ContentType.JSON).body(application(Fixtures.email(), Fixtures.adult(), d + " 1AA", null))
                .post("/api/members").then().statusCode(201);
        given().contentType(ContentType.JSON).body(application(Fixtures.email(), Fixtures.adult(), d + " 1AA", null))
                .post("/api/members").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("already have a member record"));
    }

    @Test
    @TestSecurity(user = "signup-email-taken")
    void emailOfAnotherMemberIs409() {
        String d = Fixtures.district();
        fixtures.publicConstituency(d);
        String email = Fixtures.email();
        fixtures.member("someone-else-" + Fixtures.uid(), "Other", email, d + " 1AA");
        given().contentType(ContentType.JSON).body(application(email.toUpperCase(), Fixtures.adult(), d + " 1AA", null))
                .post("/api/members").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("already used by another member"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void pendingApplicantIsApprovedOrRejectedWithAReasonThatIsAudited() {
        ConstituencyView c = fixtures.create(ConstituencyKind.PUBLIC, Set.of(Fixtures.district()), Set.of(), true);
        String d = c.areas().get(0);
        long approved = fixtures.memberIn("pending-one", d + " 1AA").id();
        long rejected = fixtures.memberIn("pending-two", d + " 2AA").id();
        given().get("/api/members/" + approved).then().statusCode(200).body("status", equalTo("pending"));
        given().get("/api/members?status=pending&constituencyId=" + c.id()).then().statusCode(200)
                .body("total", equalTo(2));

        given().post("/api/members/" + approved + "/approve").then().statusCode(200).body("status", equalTo("active"));
        given().post("/api/members/" + approved + "/approve").then().statusCode(409).contentType(PROBLEM);

        given().contentType(ContentType.JSON).body(Map.of("reason", "")).post("/api/members/" + rejected + "/reject")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "not a patient of the trust"))
                .post("/api/members/" + rejected + "/reject")
                .then().statusCode(200).body("status", equalTo("removed"));

        given().get("/api/audit?size=500").then()
                .body("items.find { it.subject == 'member/" + approved + "' && it.action == 'member.approved' }", notNullValue())
                .body("items.find { it.subject == 'member/" + rejected + "' && it.action == 'member.rejected' }.details.reason",
                        equalTo("not a patient of the trust"));
    }

    @Test
    @TestSecurity(user = "mia", roles = "member")
    void memberCannotApproveOrReject() {
        given().post("/api/members/1/approve").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).post("/api/members/1/reject").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "imported-person")
    @OidcSecurity(claims = { @Claim(key = "email", value = "imported.person.link@example.org"),
            @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN) })
    void signingUpWithTheEmailOfAnImportedMemberLinksTheRecord() {
        String cls = Fixtures.staffClass();
        ConstituencyView c = fixtures.staffConstituency(cls);
        String csv = "name,email,date_of_birth,staff_class,external_id\n"
                + "Imported Person,imported.person.link@example.org,1980-02-03," + cls + ",EMP-" + Fixtures.uid() + "\n";
        fixtures.importCsv(csv);
        given().contentType(ContentType.JSON)
                .body(application("Imported.Person.Link@example.org", LocalDate.of(1980, 2, 3), null, cls))
                .post("/api/members")
                .then().statusCode(200).body("linked", equalTo(true)).body("name", equalTo("Imported Person"))
                .body("constituencyId", equalTo((int) c.id())).body("status", equalTo("active"));
        given().get("/api/members/me").then().statusCode(200).body("email", equalTo("imported.person.link@example.org"));
    }

    @Test
    @TestSecurity(user = "imported-impostor")
    @OidcSecurity(claims = @Claim(key = "email", value = "impostor@example.org"))
    void anImportedRecordIsNotLinkedToSomeoneWithAnotherEmail() {
        String cls = Fixtures.staffClass();
        fixtures.staffConstituency(cls);
        fixtures.importCsv("name,email,date_of_birth,staff_class\nVictim,victim.link@example.org,1980-02-03," + cls + "\n");
        given().contentType(ContentType.JSON)
                .body(application("victim.link@example.org", LocalDate.of(1980, 2, 3), null, cls))
                .post("/api/members").then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "signup-racer")
    void simultaneousSignUpsByOneLoginGiveOneMemberAndConflictsNeverA500() throws Exception {
        String d = Fixtures.district();
        ConstituencyView c = fixtures.publicConstituency(d);
        int n = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return given().contentType(ContentType.JSON)
                            .body(application(Fixtures.email(), Fixtures.adult(), d + " 1AA", null))
                            .post("/api/members").statusCode();
                }));
            }
            go.countDown();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var call : calls) {
                statuses.add(call.get());
            }
            org.junit.jupiter.api.Assertions.assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            org.junit.jupiter.api.Assertions.assertEquals(n - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        given().get("/api/members/me").then().statusCode(200).body("constituencyId", equalTo((int) c.id()));
    }

    @Test
    @TestSecurity(user = "signup-phrases-young")
    void aRefusalSaysEachRuleByCodeAndValuesBesideTheFieldItConcerns() {
        String d = Fixtures.district();
        ConstituencyView c = fixtures.publicConstituency(d);
        given().contentType(ContentType.JSON).body(application(Fixtures.email(), LocalDate.now().minusYears(12), d + " 1AA", null))
                .post("/api/members")
                .then().statusCode(422).contentType(PROBLEM).body("code", equalTo("not-eligible"))
                .body("errors.find { it.params.constituency == '" + c.name() + "' }.field", equalTo("dateOfBirth"))
                .body("errors.find { it.params.constituency == '" + c.name() + "' }.code", equalTo("too-young"))
                .body("errors.find { it.params.constituency == '" + c.name() + "' }.params.minAge", equalTo(16))
                .body("errors.find { it.params.constituency == '" + c.name() + "' }.message", equalTo(c.name() + ": too young: minimum age 16"));
        Map<String, Object> nowhere = application(Fixtures.email(), Fixtures.adult(), d + " 1AA", null);
        nowhere.put("constituencyId", 999_999_999L);
        given().contentType(ContentType.JSON).body(nowhere).post("/api/members")
                .then().statusCode(422).body("errors[0].code", equalTo("no-such-constituency"))
                .body("errors[0].field", equalTo("constituencyId")).body("errors[0].params.id", equalTo(999_999_999));
    }

    @Test
    @TestSecurity(user = "signup-phrases-long")
    void aFieldTooLongSaysItsBoundAsAValue() {
        Map<String, Object> a = application(Fixtures.email(), Fixtures.adult(), "LS6 3AB", null);
        a.put("name", "N".repeat(201));
        given().contentType(ContentType.JSON).body(a).post("/api/members")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.find { it.field == 'name' }.code", equalTo("size"))
                .body("errors.find { it.field == 'name' }.params.max", equalTo(200))
                .body("errors.find { it.field == 'name' }.params.of", equalTo("characters"));
    }
}
