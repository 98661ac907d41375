package org.mutualvote.membership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.membership.ConstituencyDtos.ConstituencyView;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class ImportTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String HEADER = "name,email,date_of_birth,staff_class,external_id\n";

    @Inject
    Fixtures fixtures;

    private static ValidatableResponse post(String csv, boolean dryRun) {
        return post(csv.getBytes(StandardCharsets.UTF_8), dryRun);
    }

    private static ValidatableResponse post(byte[] csv, boolean dryRun) {
        return given().contentType("text/csv").body(csv).post("/api/members/import?dryRun=" + dryRun).then();
    }

    /** Sends a bad file both as a dry run and for real, and checks nothing was written either time. */
    private ValidatableResponse rejectedBoth(String csv, int status) {
        long before = fixtures.memberCount();
        post(csv, true).statusCode(status).contentType(PROBLEM);
        ValidatableResponse real = post(csv, false).statusCode(status).contentType(PROBLEM);
        assertEquals(before, fixtures.memberCount(), "nothing is written");
        return real;
    }

    /** A file with rejected rows: the dry run reports them (200), the real run is 422 and writes nothing. */
    private ValidatableResponse rowsRejected(String csv) {
        long before = fixtures.memberCount();
        post(csv, true).statusCode(200).body("rejected", org.hamcrest.Matchers.greaterThan(0));
        ValidatableResponse real = post(csv, false).statusCode(422).contentType(PROBLEM);
        assertEquals(before, fixtures.memberCount(), "nothing is written");
        return real;
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void dryRunReportsEachRowAndWritesNothingThenTheRealRunWritesAll() {
        String cls = Fixtures.staffClass();
        ConstituencyView c = fixtures.staffConstituency(cls);
        String t = Fixtures.uid();
        String csv = HEADER
                + "Ann " + t + ",ann." + t + "@example.org,1970-01-02," + cls + ",A" + t + "\n"
                + "\"Bob, the \"\"Builder\"\" " + t + "\",bob." + t + "@example.org,1981-12-31," + cls.toUpperCase() + ",B" + t + "\r\n";
        long before = fixtures.memberCount();
        post(csv, true).statusCode(200)
                .body("dryRun", equalTo(true)).body("applied", equalTo(false))
                .body("created", equalTo(2)).body("updated", equalTo(0)).body("rejected", equalTo(0))
                .body("results.row", org.hamcrest.Matchers.contains(2, 3))
                .body("results.action", org.hamcrest.Matchers.contains("create", "create"))
                .body("results[0].constituency", equalTo(c.name()));
        assertEquals(before, fixtures.memberCount());

        post(csv, false).statusCode(200).body("applied", equalTo(true)).body("created", equalTo(2));
        assertEquals(before + 2, fixtures.memberCount());
        given().get("/api/members?email=bob." + t).then().body("items[0].name", equalTo("Bob, the \"Builder\" " + t))
                .body("items[0].status", equalTo("active")).body("items[0].linked", equalTo(false))
                .body("items[0].externalId", equalTo("B" + t)).body("items[0].constituencyId", equalTo((int) c.id()));
        given().get("/api/audit?action=members.imported&size=1").then()
                .body("items[0].details.created", equalTo(2)).body("items[0].details.rows", equalTo(2));

        // the same people again: matched on external_id (Ann's email changed) or email, so updated
        String again = HEADER
                + "Ann Renamed " + t + ",ann.new." + t + "@example.org,1970-01-02," + cls + ",A" + t + "\n"
                + "Bob " + t + ",BOB." + t + "@example.org,1981-12-31," + cls + ",\n";
        post(again, true).statusCode(200).body("updated", equalTo(2)).body("results.action", org.hamcrest.Matchers.contains("update", "update"));
        post(again, false).statusCode(200).body("updated", equalTo(2)).body("created", equalTo(0));
        assertEquals(before + 2, fixtures.memberCount());
        given().get("/api/members?email=ann.new." + t).then().body("items[0].name", equalTo("Ann Renamed " + t));
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void badRowsAreNamedByRowNumberAndTheRealRunWritesNothing() {
        String cls = Fixtures.staffClass();
        fixtures.staffConstituency(cls);
        String t = Fixtures.uid();
        String csv = HEADER
                + "Good " + t + ",good." + t + "@example.org,1970-01-02," + cls + ",\n"          // row 2
                + "Bad Date " + t + ",bd." + t + "@example.org,02/01/1970," + cls + ",\n"       // row 3
                + "Bad Class " + t + ",bc." + t + "@example.org,1970-01-02,astronaut,\n"        // row 4
                + "Dup " + t + ",GOOD." + t + "@example.org,1970-01-02," + cls + ",\n"           // row 5
                + "," + "nomail,1970-01-02," + cls + ",\n"                                       // row 6
                + "Young " + t + ",young." + t + "@example.org," + java.time.LocalDate.now().minusYears(10) + "," + cls + ",\n"
                + "Short " + t + "\n";                                                            // row 8
        long before = fixtures.memberCount();
        post(csv, true).statusCode(200).body("created", equalTo(1)).body("rejected", equalTo(6))
                .body("results.find { it.row == 3 }.reason", containsString("date_of_birth '02/01/1970' is not a date in the form yyyy-mm-dd"))
                .body("results.find { it.row == 4 }.reason", containsString("unknown staff class 'astronaut'"))
                .body("results.find { it.row == 5 }.reason", containsString("is also on row 2"))
                .body("results.find { it.row == 6 }.reason", containsString("name is missing"))
                .body("results.find { it.row == 6 }.reason", containsString("email 'nomail' is not an email address"))
                .body("results.find { it.row == 7 }.reason", containsString("too young: minimum age 16"))
                .body("results.find { it.row == 8 }.reason", containsString("has 1 fields, the header has 5"));
        post(csv, false).statusCode(422).contentType(PROBLEM)
                .body("detail", containsString("6 of 7 rows are rejected, so nothing was imported"))
                .body("errors.field", org.hamcrest.Matchers.contains("row 3", "row 4", "row 5", "row 6", "row 7", "row 8"));
        assertEquals(before, fixtures.memberCount());
        given().get("/api/members?email=good." + t).then().body("total", equalTo(0));
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void emailOfAnotherMemberInTheRegisterIsRejected() {
        String cls = Fixtures.staffClass();
        fixtures.staffConstituency(cls);
        String t = Fixtures.uid();
        fixtures.importCsv(HEADER + "First " + t + ",first." + t + "@example.org,1970-01-02," + cls + ",E1" + t + "\n"
                + "Second " + t + ",second." + t + "@example.org,1970-01-02," + cls + ",E2" + t + "\n");
        // a new staff number with a registered email, and a known staff number taking another member's email
        rowsRejected(HEADER + "Third " + t + ",first." + t + "@example.org,1970-01-02," + cls + ",E3" + t + "\n"
                + "Second " + t + ",first." + t + "@example.org,1970-01-02," + cls + ",E2" + t + "\n")
                .body("errors.field", hasItem("row 2"))
                .body("errors.message", hasItem(containsString("already used by a member with another external_id")));
        rowsRejected(HEADER + "Second " + t + ",first." + t + "@example.org,1970-01-02," + cls + ",E2" + t + "\n")
                .body("errors.message", hasItem(containsString("is already used by another member")));
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void wrongHeaderNamesTheExpectedColumns() {
        rejectedBoth("full_name,mail,dob\nA,a@example.org,1970-01-01\n", 422)
                .body("detail", containsString("Expected columns: name, email, date_of_birth, and staff_class or postcode"))
                .body("errors.message", hasItem("unknown column 'full_name'"))
                .body("errors.message", hasItem("missing column 'email'"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void emptyFileAndHeaderOnlyAre422() {
        rejectedBoth("", 422).body("detail", containsString("The file is empty"));
        rejectedBoth(HEADER, 422).body("detail", containsString("header but no rows")).body("code", equalTo("import-no-rows"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void nonUtf8BytesAreNamedByRow() throws Exception {
        String cls = Fixtures.staffClass();
        fixtures.staffConstituency(cls);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((HEADER + "Ok,ok." + Fixtures.uid() + "@example.org,1970-01-02," + cls + ",\n").getBytes(StandardCharsets.UTF_8));
        out.write("Ren".getBytes(StandardCharsets.UTF_8));
        out.write(new byte[] { (byte) 0xE9 }); // "é" in Latin-1
        out.write((",rene." + Fixtures.uid() + "@example.org,1970-01-02," + cls + ",\n").getBytes(StandardCharsets.UTF_8));
        long before = fixtures.memberCount();
        post(out.toByteArray(), true).statusCode(422).contentType(PROBLEM)
                .body("detail", containsString("Row 3 is not valid UTF-8")).body("errors[0].field", equalTo("row 3"));
        post(out.toByteArray(), false).statusCode(422);
        assertEquals(before, fixtures.memberCount());
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void unclosedQuoteIs422() {
        rejectedBoth(HEADER + "\"Open,a@example.org,1970-01-01,x,\n", 422).body("errors[0].field", equalTo("row 2"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void hundredMegabyteFileIs413AndNothingIsWritten() {
        long before = fixtures.memberCount();
        long size = 100L * 1024 * 1024;
        InputStream huge = new InputStream() {
            long sent;
            final byte[] row = "Someone,someone@example.org,1970-01-01,nursing,\n".getBytes(StandardCharsets.US_ASCII);

            @Override
            public int read() {
                return sent < size ? row[(int) (sent++ % row.length)] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - sent);
                for (int i = 0; i < n; i++) {
                    b[off + i] = row[(int) ((sent + i) % row.length)];
                }
                sent += n;
                return n;
            }
        };
        given().contentType("text/csv").body(huge).post("/api/members/import?dryRun=false")
                .then().statusCode(413).contentType(PROBLEM).body("detail", containsString("larger than 20 MB"));
        assertEquals(before, fixtures.memberCount());
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void declaredLengthOverTheLimitIs413() {
        byte[] body = new byte[25 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        given().contentType("text/csv").body(body).post("/api/members/import?dryRun=true")
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
    }

    @Test
    @TestSecurity(user = "mia", roles = "member")
    void membersCannotImport() {
        given().contentType("text/csv").body(HEADER).post("/api/members/import").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void wrongMediaTypeIs415() {
        given().contentType("application/json").body("{}").post("/api/members/import").then().statusCode(415);
    }
}
