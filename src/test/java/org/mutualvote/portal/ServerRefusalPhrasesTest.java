package org.mutualvote.portal;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.mutualvote.election.ElectionTestSteps.as;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.motion.MotionTestSteps;
import org.mutualvote.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Refusals and workings the server writes for officials and members come with a stable code and the values they name,
 * beside the English: a member's dividend workings, a surplus limit's repair, the dividend figures file's and the member
 * import's faults, conflicts (409) a step meets, a constraint's own message, and the parts of a motion's rule.
 */
@QuarkusTest
class ServerRefusalPhrasesTest {

    @Inject
    Fixtures fixtures;

    static Map<String, Object> pot(String name, String kind) {
        return Map.of("name", name, "kind", kind);
    }

    static long surplusVote(long constituency, List<Map<String, Object>> pots, Map<String, Object> limits) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Surplus " + System.nanoTime());
        body.put("constituencyId", constituency);
        body.put("surplusPence", 100_000);
        body.put("form", "split");
        body.put("rule", "independent-markets");
        body.put("pots", pots);
        if (limits != null) {
            body.put("limits", limits);
        }
        return as("bob").body(body).post("/api/surplus").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static void cast(String voter, long id, Integer... percents) {
        as(voter).body(Map.of("percents", List.of(percents))).post("/api/surplus/" + id + "/ballots").then().statusCode(201);
    }

    static void step(long id, String step) {
        as("alice").post("/api/surplus/" + id + "/" + step).then().statusCode(200);
    }

    @Test
    void aMembersDividendWorkingsAndTheFiguresFilesFaultsComeAsCodes() {
        // Members no other test shares a dividend with (SurplusJourneyTest expects voter1 to have none before its own).
        long home = fixtures.constituency("Workings");
        long m1 = fixtures.activeMember("voter9", home);
        long m2 = fixtures.activeMember("voter11", home);
        long id = surplusVote(home, List.of(pot("Reinvestment", "reserve"), pot("Staff dividend", "member_dividend"),
                pot("Community fund", "other")), null);
        step(id, "open");
        cast("voter9", id, 70, 30, 0);
        cast("voter11", id, 70, 30, 0);
        // Only a closed vote is counted; the refusal names the state it is in.
        as("alice").post("/api/surplus/" + id + "/count").then().statusCode(409)
                .body("code", equalTo("count-needs-closed")).body("params.state", equalTo("open"));
        step(id, "close");
        // A tracker that is not one: the constraint's own message, by its own code. A receipt lookup also takes the
        // receipt's short code, so its refusal says so.
        as("voter9").get("/api/surplus/" + id + "/bulletin?after=not-a-tracker").then().statusCode(400)
                .body("errors[0].code", equalTo("tracker-format")).body("errors[0].message", equalTo("a tracker is 64 hexadecimal digits"));
        as("voter9").get("/api/surplus/" + id + "/bulletin/not-a-tracker").then().statusCode(400)
                .body("errors[0].code", equalTo("receipt-format"))
                .body("errors[0].message", equalTo("give the receipt code (such as 1A2B-3C4D-5E6F) or the full 64-digit tracker"));
        step(id, "count");
        // Dividends wait for the published result.
        String base = "/api/surplus/" + id + "/dividends/2?basis=hours&constituency=" + home + "&recordDate=" + LocalDate.now();
        as("alice").contentType("text/csv").body("member_id,hours\n" + m1 + ",10\n").post(base + "&dryRun=true").then().statusCode(409)
                .body("code", equalTo("dividend-before-publish")).body("params.state", equalTo("counted"));
        step(id, "publish");

        as("alice").contentType("text/csv").body("member_id,days\n" + m1 + ",10\n").post(base + "&dryRun=true").then().statusCode(422)
                .body("code", equalTo("figures-header")).body("params.basis", equalTo("hours"))
                .body("errors[0].field", equalTo("row 1")).body("errors[0].code", equalTo("figures-header"));
        byte[] latin1 = ("member_id,hours\n" + m1 + ",10 \u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        as("alice").contentType("text/csv").body(latin1).post(base + "&dryRun=true").then().statusCode(422).body("code", equalTo("figures-not-utf-8"));
        as("alice").contentType("text/csv").body("member_id,hours\n" + m1 + ",\"10\n").post(base + "&dryRun=true").then().statusCode(422)
                .body("code", equalTo("csv-malformed")).body("params.row", equalTo(2)).body("errors[0].code", equalTo("csv-quote-not-closed"));
        String bad = "member_id,hours\n" + m1 + ",-3\n" + m2 + ",1.234\nabc,2\n" + m2 + ",lots\n";
        as("alice").contentType("text/csv").body(bad).post(base + "&dryRun=true").then().statusCode(200)
                .body("results.find { it.row == 2 }.reasons.code", contains("figure-negative"))
                .body("results.find { it.row == 2 }.reasons[0].params.value", equalTo("-3"))
                .body("results.find { it.row == 3 }.reasons.code", contains("figure-too-precise"))
                .body("results.find { it.row == 5 }.reasons.code", hasItem("figure-not-a-number"));
        as("alice").contentType("text/csv").body(bad).post(base + "&dryRun=false").then().statusCode(422)
                .body("code", equalTo("dividend-rows-refused")).body("params.rejected", equalTo(4)).body("params.rows", equalTo(4))
                .body("errors.field", contains("row 2", "row 3", "row 4", "row 5"))
                .body("errors[0].code", equalTo("row-refused")).body("errors[0].params.reasons[0].code", equalTo("figure-negative"))
                .body("errors[0].message", equalTo("hours -3 is negative"));

        String csv = "member_id,hours\n" + m1 + ",12.5\n" + m2 + ",20\n";
        String seed = as("alice").contentType("text/csv").body(csv).post(base + "&dryRun=false").then().statusCode(200).extract().path("seed");
        as("alice").contentType("text/csv").body(csv.replace("20", "21")).post(base + "&dryRun=false").then().statusCode(409)
                .body("code", equalTo("dividend-already-shared")).body("params.pot", equalTo(2));

        // 30,000p x 1250 / 3250 = 11538.4615p.
        as("voter9").get("/api/surplus/dividends/mine").then().statusCode(200)
                .body("find { it.contestId == " + id + " }.workingsSteps.code",
                        contains("dividend-workings-pot", "dividend-workings-yours", "dividend-workings-rounded"))
                .body("find { it.contestId == " + id + " }.workingsSteps[0].params.potPence", equalTo(30_000))
                .body("find { it.contestId == " + id + " }.workingsSteps[0].params.basis", equalTo("hours"))
                .body("find { it.contestId == " + id + " }.workingsSteps[1].params.figure", equalTo(1250))
                .body("find { it.contestId == " + id + " }.workingsSteps[1].params.totalFigure", equalTo(3250))
                .body("find { it.contestId == " + id + " }.workingsSteps[1].params.exactPence", equalTo("11538.4615"))
                .body("find { it.contestId == " + id + " }.workingsSteps[2].params.seed", equalTo(seed))
                .body("find { it.contestId == " + id + " }.workingsSteps[2].params.pence", equalTo(11_538))
                .body("find { it.contestId == " + id + " }.workings", equalTo("The pot of £300.00 is shared in proportion to hours worked."
                        + " Yours: 12.50 hours of 32.50 hours in all, so £300.00 x 12.50 hours / 32.50 hours = 11538.4615p, which becomes"
                        + " whole pence by largest remainder (ties by the published seed " + seed + "): £115.38."));
    }

    /** The six pots of SurplusRulesTest's repaired split: two ballots keep the limits, their combination breaks one. */
    @Test
    void aLimitRepairComesAsAStepWithItsCode() {
        long home = fixtures.constituency("Repair");
        fixtures.activeMember("voter3", home);
        fixtures.activeMember("voter4", home);
        long id = surplusVote(home, List.of(pot("R1", "reserve"), pot("R2", "reserve"), pot("M1", "member_dividend"),
                pot("M2", "member_dividend"), pot("M3", "member_dividend"), pot("O", "other")),
                Map.of("reserveMinimum", 30, "dividendsMaximum", 50));
        step(id, "open");
        cast("voter3", id, 10, 30, 20, 20, 10, 10);
        cast("voter4", id, 30, 20, 10, 10, 20, 10);
        step(id, "close");
        as("alice").post("/api/surplus/" + id + "/count").then().statusCode(200)
                .body("limitRepairs", contains("dividends-maximum: scaled dividends down by 2.5000% to reserves"))
                .body("limitRepairSteps.code", contains("repair-dividends-scaled-to-reserves"))
                .body("limitRepairSteps[0].params.percent", equalTo("2.5000"));
        as("alice").post("/api/surplus/" + id + "/count").then().statusCode(409)
                .body("code", equalTo("count-needs-closed")).body("params.state", equalTo("counted"));
    }

    @Test
    void theImportsFileFaultsAndItsLinkWarningComeAsCodes() {
        String cls = "coded" + System.nanoTime();
        long staff = as("alice").body(Map.of("kind", "staff", "name", "Staff " + cls, "seats", 2, "staffClasses", List.of(cls)))
                .post("/api/constituencies").then().statusCode(201).extract().jsonPath().getLong("id");
        String url = "/api/members/import?dryRun=";
        as("alice").contentType("text/csv").body("full_name,email\nA,a@example.org\n").post(url + "true").then().statusCode(422)
                .body("code", equalTo("import-header")).body("errors.code", hasItems("column-unknown", "column-missing"))
                .body("errors.find { it.code == 'column-unknown' }.params.column", equalTo("full_name"))
                .body("errors.find { it.code == 'column-unknown' }.message", equalTo("unknown column 'full_name'"));
        byte[] latin1 = ("name,email,date_of_birth,staff_class\nJos\u00e9,j@example.org,1970-01-02," + cls + "\n").getBytes(StandardCharsets.ISO_8859_1);
        as("alice").contentType("text/csv").body(latin1).post(url + "true").then().statusCode(422)
                .body("code", equalTo("csv-not-utf-8")).body("params.row", equalTo(2)).body("errors[0].code", equalTo("not-utf-8"));
        as("alice").contentType("text/csv").body("name,email,date_of_birth,staff_class\n\"Open,a@example.org,1970-01-02,x\n").post(url + "true")
                .then().statusCode(422).body("code", equalTo("csv-malformed")).body("errors[0].code", equalTo("csv-quote-not-closed"));
        as("alice").contentType("text/csv").body("").post(url + "true").then().statusCode(422).body("code", equalTo("import-file-empty"));

        String rejected = "name,email,date_of_birth,staff_class\n,nomail,1970-01-02," + cls + "\n";
        as("alice").contentType("text/csv").body(rejected).post(url + "false").then().statusCode(422)
                .body("code", equalTo("import-rows-rejected")).body("params.rejected", equalTo(1))
                .body("errors[0].field", equalTo("row 2")).body("errors[0].code", equalTo("row-refused"))
                .body("errors[0].params.reasons.code", hasItems("name-missing", "email-invalid"));

        // A row that matches, by email alone, a member who signed up with a login of their own.
        long self = fixtures.activeMember("linked" + System.nanoTime(), staff);
        String email = as("alice").get("/api/members/" + self).then().statusCode(200).extract().path("email");
        String link = "name,email,date_of_birth,staff_class\nLinked Person," + email + ",1970-01-02," + cls + "\n";
        as("alice").contentType("text/csv").body(link).post(url + "true").then().statusCode(200)
                .body("results[0].action", equalTo("update")).body("results[0].warning", org.hamcrest.Matchers.containsString("signed up with a login of their own"))
                .body("results[0].warningPhrase.code", equalTo("link-needs-confirming"))
                .body("results[0].warningPhrase.params.memberId", equalTo((int) self));
        as("alice").contentType("text/csv").body(link).post(url + "false").then().statusCode(422)
                .body("code", equalTo("import-links-unconfirmed")).body("params.rows", equalTo(1))
                .body("errors[0].code", equalTo("link-needs-confirming"));
    }

    @Test
    void aPollsConflictsAndItsRulesPartsComeAsCodes() {
        long home = fixtures.constituency("Rule parts");
        long other = fixtures.constituency("Rule parts other");
        Map<String, Object> motion = MotionTestSteps.motion("Merge", "special");
        motion.put("quorum", Map.of("members", 2, "share", "1/10"));
        motion.put("consent", List.of(home));
        motion.put("weights", Map.of("kind", "shares", "classes", List.of(Map.of("constituencyId", home, "share", "2/3"),
                Map.of("constituencyId", other, "share", "1/3"))));
        long poll = MotionTestSteps.draft(List.of(home, other), List.of(motion));
        as("alice").body(Map.of("votingOpenAt", "2030-01-01T09:00:00Z", "votingCloseAt", "2030-01-08T09:00:00Z"))
                .put("/api/motions/" + poll + "/timetable").then().statusCode(409).body("code", equalTo("notice-not-given"));
        as("bob").get("/api/motions/" + poll).then().statusCode(200)
                .body("motions[0].ruleParts.code", contains("rule-quorum", "rule-consent", "rule-weights"))
                .body("motions[0].ruleParts[0].params.members", equalTo(2)).body("motions[0].ruleParts[0].params.share", equalTo("1/10"))
                .body("motions[0].ruleParts[1].params.constituencies[0]", org.hamcrest.Matchers.startsWith("Rule parts "))
                .body("motions[0].ruleParts[2].params.kind", equalTo("shares"))
                .body("motions[0].ruleParts[2].params.weights.share", contains("2/3", "1/3"));
        as("bob").post("/api/motions/" + poll + "/notice").then().statusCode(200);
        as("alice").post("/api/motions/" + poll + "/open").then().statusCode(200);
        as("alice").body(Map.of("votingOpenAt", "2030-01-01T09:00:00Z", "votingCloseAt", "2030-01-08T09:00:00Z"))
                .put("/api/motions/" + poll + "/timetable").then().statusCode(409)
                .body("code", equalTo("timetable-locked")).body("params.state", equalTo("open"))
                .body("detail", equalTo("The poll is open; its timetable can be set only before voting opens"));
        as("alice").post("/api/motions/" + poll + "/count").then().statusCode(409).body("code", equalTo("count-needs-closed"));
        // A proxy's kind outside the two: the constraint's own code.
        as("voter5").body(Map.of("holderMembershipNumber", 1, "kind", "sometimes")).post("/api/motions/" + poll + "/proxy")
                .then().statusCode(400).body("errors.find { it.field == 'kind' }.code", equalTo("proxy-kind"));
    }

    @Test
    void constituencyAndMemberConflictsComeWithTheirCodes() {
        long home = fixtures.constituency("Conflicts");
        long member = fixtures.activeMember("voter6", home);
        String name = as("alice").get("/api/constituencies/" + home).then().statusCode(200).extract().path("name");
        as("alice").body(Map.of("kind", "other", "name", name, "seats", 3)).post("/api/constituencies").then().statusCode(409)
                .body("code", equalTo("constituency-name-taken")).body("params.name", equalTo(name));
        as("alice").delete("/api/constituencies/" + home).then().statusCode(409)
                .body("code", equalTo("constituency-in-use")).body("params.members", equalTo(1));
        as("alice").post("/api/members/" + member + "/approve").then().statusCode(409)
                .body("code", equalTo("member-not-pending")).body("params.id", equalTo((int) member))
                .body("params.status", equalTo("active"));
    }

    /**
     * A proposals vote with fewer than two proposals is refused as it is drafted (422), so the same rule's 409 at opening
     * ("surplus-needs-two-proposals") cannot be reached from outside; the surplus conflict a client meets is the frozen draft.
     */
    @Test
    void aSurplusVotesFrozenDraftComesAsACode() {
        long home = fixtures.constituency("Frozen");
        fixtures.activeMember("frozen" + System.nanoTime(), home);
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Surplus " + System.nanoTime());
        body.put("constituencyId", home);
        body.put("surplusPence", 100_000);
        body.put("form", "split");
        body.put("rule", "independent-markets");
        body.put("pots", List.of(pot("Reinvestment", "reserve"), pot("Staff dividend", "member_dividend")));
        long id = as("bob").body(body).post("/api/surplus").then().statusCode(201).extract().jsonPath().getLong("id");
        step(id, "open");
        as("bob").body(body).put("/api/surplus/" + id).then().statusCode(409)
                .body("code", equalTo("surplus-frozen")).body("params.state", equalTo("open"));
    }
}
