package org.mutualvote.motion;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mutualvote.election.ElectionTestSteps.as;
import static org.mutualvote.motion.MotionTestSteps.ABSTAIN;
import static org.mutualvote.motion.MotionTestSteps.AGAINST;
import static org.mutualvote.motion.MotionTestSteps.FOR;
import static org.mutualvote.motion.MotionTestSteps.declare;
import static org.mutualvote.motion.MotionTestSteps.motion;
import static org.mutualvote.motion.MotionTestSteps.reason;
import static org.mutualvote.motion.MotionTestSteps.vote;
import static org.mutualvote.motion.MotionTestSteps.with;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.ballot.Tracker;
import org.mutualvote.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Polls of motions through the API, as the board, the returning officer, members and a scrutineer see them. */
@QuarkusTest
class MotionJourneyTest {

    @Inject
    Fixtures fixtures;

    @Test
    void eachThresholdAtItsEdgeThenBulletinAndRecount() throws Exception {
        long home = fixtures.constituency("Motions edge");
        long elsewhere = fixtures.constituency("Motions elsewhere");
        for (String v : List.of("voter1", "voter2", "voter3", "voter4")) {
            fixtures.activeMember(v, home);
        }
        fixtures.activeMember("voter6", elsewhere);
        long id = MotionTestSteps.open(List.of(home), List.of(
                motion("Ordinary at a tie", "ordinary"),
                motion("Special at exactly 75%", "special"),
                motion("Special one vote short", "special"),
                motion("Unanimous with one against", "unanimous"),
                motion("Everyone abstains", "ordinary")));
        as("voter1").get("/api/motions/" + id).then().statusCode(200).body("rollSize", equalTo(4))
                .body("motions[1].rule", equalTo("at least 75% of votes for and against"));
        as("voter6").get("/api/motions/" + id).then().statusCode(404);

        String mine = vote("voter1", id, FOR, FOR, FOR, FOR, ABSTAIN);
        vote("voter2", id, FOR, FOR, FOR, FOR, ABSTAIN);
        vote("voter3", id, AGAINST, FOR, AGAINST, FOR, ABSTAIN);
        vote("voter4", id, AGAINST, AGAINST, ABSTAIN, AGAINST, ABSTAIN);
        // A second ballot, a wrong number of answers and an answer that is not one: refused, nothing written.
        as("voter1").body(Map.of("choices", List.of(1, 1, 1, 1, 1))).post("/api/contests/" + id + "/ballots")
                .then().statusCode(409);
        as("voter6").body(Map.of("choices", List.of(1, 1, 1, 1, 1))).post("/api/contests/" + id + "/ballots")
                .then().statusCode(403);

        JsonPath result = declare(id);
        // 2 for, 2 against: 50%, not more than half, and a tie.
        assertEquals("lost: a tie, 2 for and 2 against; there is no casting vote", reason(result, 1));
        // 3 for, 1 against: 3/4 = 75%, at least 75%.
        assertEquals("carried: 75.0% for, at least 75% needed", reason(result, 2));
        // 2 for, 1 against, 1 withheld: 2/3 = 66.6%: one vote short of 75%.
        assertEquals("lost: 66.6% for, at least 75% needed", reason(result, 3));
        // 3 for, 1 against: not every vote.
        assertEquals("lost: 75.0% for, all (100%) needed", reason(result, 4));
        assertEquals("lost: no votes for or against", reason(result, 5));
        assertEquals(4, result.getInt("report.motions[4].outcome.withheld"));
        assertEquals(4, result.getInt("ballots"));

        // Members of the constituency read it once published; others cannot.
        as("voter3").get("/api/motions/" + id + "/result").then().statusCode(200)
                .body("report.motions[1].outcome.carried", equalTo(true))
                .body("ballotDigest", matchesPattern("[0-9a-f]{64}")).body("sealedBallots", equalTo(4))
                .body("auditHead.hash", matchesPattern("[0-9a-f]{64}"));
        as("voter6").get("/api/motions/" + id + "/result").then().statusCode(404);

        // The bulletin board: every ballot, with the row and nonce to recompute its tracker.
        JsonPath board = as("sam").get("/api/motions/" + id + "/bulletin").then().statusCode(200).extract().jsonPath();
        assertEquals(4, board.getList("ballots").size());
        assertEquals(result.getString("ballotDigest"), board.getString("ballotDigest"));
        assertEquals(4, board.getInt("sealedBallots"));
        assertNull(board.getString("next"));
        // In pages, as the election and surplus boards: three, then the last one after the third's tracker.
        JsonPath first = as("sam").get("/api/motions/" + id + "/bulletin?limit=3").then().statusCode(200).extract().jsonPath();
        assertEquals(board.getList("ballots.tracker").subList(0, 3), first.getList("ballots.tracker"));
        assertEquals(board.getString("ballots[2].tracker"), first.getString("next"));
        as("sam").get("/api/motions/" + id + "/bulletin?limit=3&after=" + first.getString("next")).then().statusCode(200)
                .body("ballots.tracker", equalTo(board.getList("ballots.tracker").subList(3, 4))).body("next", nullValue());
        as("sam").get("/api/motions/" + id + "/bulletin?after=not-a-tracker").then().statusCode(400);
        as("sam").get("/api/motions/" + id + "/bulletin?limit=0").then().statusCode(400);
        as("voter1").get("/api/motions/" + id + "/bulletin/" + mine).then().statusCode(200)
                .body("ranking", equalTo(List.of(1, 1, 1, 1, 1, 3)));
        // The short code on the receipt finds it too, as on an election's board; a malformed code is refused.
        as("voter1").get("/api/motions/" + id + "/bulletin/" + Tracker.shortCode(mine)).then().statusCode(200)
                .body("tracker", equalTo(mine));
        as("voter1").get("/api/motions/" + id + "/bulletin/" + mine.substring(0, 12)).then().statusCode(200)
                .body("tracker", equalTo(mine));
        as("voter1").get("/api/motions/" + id + "/bulletin/12345").then().statusCode(400)
                .body("errors[0].code", equalTo("receipt-format"));
        int[] row = { 1, 1, 1, 1, 1, 3 };
        String nonce = as("voter1").get("/api/motions/" + id + "/bulletin/" + mine).then().extract().path("nonce");
        assertEquals(mine, Tracker.of(id, "online", row, nonce));

        // Anyone downloads the poll file and recounts it with the shipped command: the same words.
        String file = as("voter2").get("/api/motions/" + id + "/bulletin.txt").then().statusCode(200).extract().asString();
        assertTrue(file.startsWith("mutualvote-motions 1\n"), file);
        Path path = Files.createTempFile("poll", ".txt");
        Files.writeString(path, file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, MotionRecount.run(new String[] { path.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err));
        String recount = out.toString(StandardCharsets.UTF_8);
        for (int m = 1; m <= 5; m++) {
            assertTrue(recount.contains("  " + reason(result, m) + "\n"), recount);
        }
        // Every step was audited.
        for (String action : List.of("motion.drafted", "motion.notice-published", "motion.open", "motion.closed", "motion.result",
                "motion.published")) {
            as("sam").get("/api/audit?action=" + action).then().statusCode(200)
                    .body("items.subject", hasItem("motion/" + id));
        }
    }

    @Test
    void quorumOneShortThenMetOnlyThroughProxies() {
        long home = fixtures.constituency("Motions quorum");
        for (String v : List.of("voter1", "voter2", "voter3", "voter4", "voter5", "voter6")) {
            fixtures.activeMember(v, home);
        }
        Map<String, Object> quorate = with(motion("Adopt the accounts", "ordinary"), "quorum", Map.of("members", 4));
        long shortPoll = MotionTestSteps.open(List.of(home), List.of(quorate));
        long proxyPoll = MotionTestSteps.draft(List.of(home), List.of(quorate));
        as("bob").post("/api/motions/" + proxyPoll + "/notice").then().statusCode(200);

        long voter1 = memberNumber("voter1");
        long voter2 = memberNumber("voter2");
        // voter3 directs their proxy voter1 to vote for; voter4 leaves it to voter1's discretion.
        long directed = as("voter3").body(Map.of("holderMembershipNumber", voter1, "kind", "directed", "directions", List.of(FOR)))
                .post("/api/motions/" + proxyPoll + "/proxy").then().statusCode(201).extract().jsonPath().getLong("id");
        long discretionary = as("voter4").body(Map.of("holderMembershipNumber", voter1, "kind", "discretionary"))
                .post("/api/motions/" + proxyPoll + "/proxy").then().statusCode(201).extract().jsonPath().getLong("id");
        // voter5 appoints voter2, then revokes before voting opens.
        as("voter5").body(Map.of("holderMembershipNumber", voter2, "kind", "discretionary"))
                .post("/api/motions/" + proxyPoll + "/proxy").then().statusCode(201);
        as("voter5").delete("/api/motions/" + proxyPoll + "/proxy").then().statusCode(200).body("revokedAt", org.hamcrest.Matchers.notNullValue());
        // A directed proxy needs an answer for each motion; nothing is written when it is refused.
        as("voter6").body(Map.of("holderMembershipNumber", voter2, "kind", "directed", "directions", List.of(7)))
                .post("/api/motions/" + proxyPoll + "/proxy").then().statusCode(422)
                .body("errors.field", hasItem("directions[0]"));
        as("voter6").get("/api/motions/" + proxyPoll + "/proxy").then().statusCode(200).body("appointed", equalTo(null));
        as("alice").post("/api/motions/" + proxyPoll + "/open").then().statusCode(200);
        // Revoking once voting is open is refused.
        as("voter3").delete("/api/motions/" + proxyPoll + "/proxy").then().statusCode(409)
                .body("detail", containsString("only before voting opens"));

        // Poll 1: three of six take part, four needed.
        vote("voter1", shortPoll, FOR);
        vote("voter2", shortPoll, FOR);
        vote("voter3", shortPoll, FOR);
        assertEquals("lost: quorum not met: 3 of 6 members took part, 4 needed", reason(declare(shortPoll), 1));

        // Poll 2: two in person, two by proxy.
        vote("voter1", proxyPoll, FOR);
        vote("voter2", proxyPoll, AGAINST);
        // A member who appointed a proxy cannot also vote.
        as("voter3").body(Map.of("choices", List.of(FOR))).post("/api/contests/" + proxyPoll + "/ballots")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("appointed a proxy"));
        // The revoked appointment left voter5 free to vote; they abstain.
        vote("voter5", proxyPoll, ABSTAIN);
        // The holder sees the ballots they hold; directions only to them.
        as("voter1").get("/api/motions/" + proxyPoll + "/proxy").then().statusCode(200)
                .body("held.size()", equalTo(2)).body("held[0].directions", equalTo(List.of(1))).body("held[0].cast", equalTo(false));
        // A directed proxy cannot be cast against its directions.
        as("voter1").body(Map.of("choices", List.of(AGAINST))).post("/api/motions/" + proxyPoll + "/proxies/" + directed + "/ballot")
                .then().statusCode(422);
        String receipt = as("voter1").body(Map.of()).post("/api/motions/" + proxyPoll + "/proxies/" + directed + "/ballot")
                .then().statusCode(201).extract().path("tracker");
        as("voter1").body(Map.of("choices", List.of(FOR))).post("/api/motions/" + proxyPoll + "/proxies/" + discretionary + "/ballot")
                .then().statusCode(201);
        // Each appointer's ballot is cast once; someone else's appointment is not theirs to use.
        as("voter1").body(Map.of()).post("/api/motions/" + proxyPoll + "/proxies/" + directed + "/ballot").then().statusCode(409);
        as("voter2").body(Map.of("choices", List.of(FOR))).post("/api/motions/" + proxyPoll + "/proxies/" + discretionary + "/ballot")
                .then().statusCode(404);
        // Participation records the appointers; the returning officer sees the proxies, no directions.
        as("voter3").get("/api/contests/" + proxyPoll + "/ballots/mine").then().body("voted", equalTo(true));
        as("alice").get("/api/motions/" + proxyPoll + "/proxies").then().statusCode(200)
                .body("size()", equalTo(3)).body("directions", equalTo(java.util.Arrays.asList(null, null, null)));

        // Appointments and revocations are audited under the member's login; casts are not.
        as("sam").get("/api/audit?action=motion.proxy-revoked").then().statusCode(200)
                .body("items.find { it.subject == 'motion/" + proxyPoll + "' }.actor", equalTo("voter5"));
        JsonPath result = declare(proxyPoll);
        // 5 ballots >= 4 (two of them by proxy); 3 for, 1 against: 75% > 50%.
        assertEquals("carried: 75.0% for, more than 50% needed", reason(result, 1));
        assertEquals(5, result.getInt("report.motions[0].outcome.ballots"));
        as("voter1").get("/api/motions/" + proxyPoll + "/bulletin/" + receipt).then().statusCode(200);
    }

    @Test
    void aSixthProxyForOneHolderIsRefused() {
        long home = fixtures.constituency("Motions proxies");
        List<String> appointers = List.of("voter7", "voter8", "voter9", "voter10", "voter11", "voter12");
        fixtures.activeMember("voter1", home);
        appointers.forEach(v -> fixtures.activeMember(v, home));
        long id = MotionTestSteps.draft(List.of(home), List.of(motion("Change the rules", "special")));
        // Before notice, members cannot see the poll, let alone appoint a proxy.
        as("voter7").body(Map.of("holderMembershipNumber", memberNumber("voter1"), "kind", "discretionary"))
                .post("/api/motions/" + id + "/proxy").then().statusCode(404);
        as("bob").post("/api/motions/" + id + "/notice").then().statusCode(200);
        long holder = memberNumber("voter1");
        for (String v : appointers.subList(0, 5)) {
            as(v).body(Map.of("holderMembershipNumber", holder, "kind", "discretionary")).post("/api/motions/" + id + "/proxy")
                    .then().statusCode(201);
        }
        as("voter12").body(Map.of("holderMembershipNumber", holder, "kind", "discretionary")).post("/api/motions/" + id + "/proxy")
                .then().statusCode(409).body("detail", containsString("already holds 5 proxies"));
        as("voter12").get("/api/motions/" + id + "/proxy").then().body("appointed", equalTo(null));
        // Nor can a member appoint themselves.
        as("voter1").body(Map.of("holderMembershipNumber", holder, "kind", "discretionary")).post("/api/motions/" + id + "/proxy")
                .then().statusCode(422).body("errors[0].message", containsString("yourself"));
    }

    @Test
    void classConsentAndWeightedClasses() {
        long publicClass = fixtures.constituency("Motions public");
        long staff = fixtures.constituency("Motions staff");
        for (String v : List.of("voter1", "voter2", "voter3", "voter4")) {
            fixtures.activeMember(v, publicClass);
        }
        fixtures.activeMember("voter5", staff);
        fixtures.activeMember("voter6", staff);
        long id = MotionTestSteps.open(List.of(publicClass, staff), List.of(
                with(motion("Vary the staff members' rights", "special"), "consent", List.of(staff)),
                with(motion("Share the surplus", "ordinary"), "weights", Map.of("kind", "shares", "classes", List.of(
                        Map.of("constituencyId", publicClass, "share", "1/4"), Map.of("constituencyId", staff, "share", "3/4"))))));
        as("alice").get("/api/motions/" + id).then().body("rollSize", equalTo(6));
        for (String v : List.of("voter1", "voter2", "voter3", "voter4")) {
            vote(v, id, FOR, FOR);
        }
        vote("voter5", id, FOR, AGAINST);
        vote("voter6", id, AGAINST, AGAINST);
        JsonPath result = declare(id);
        // Overall 5 for, 1 against = 83.3%; staff 1 for, 1 against = 50%, short of 75%.
        assertTrue(reason(result, 1).startsWith("lost: 83.3% for overall, but not in Motions staff"), reason(result, 1));
        assertEquals(false, result.getBoolean("report.motions[0].outcome.classes[1].consentMet"));
        // Raw 4 for, 2 against = 66.7% would carry; weighted 1/4 * 4/4 + 3/4 * 0/2 = 25% for.
        assertEquals("66.7", result.getString("report.motions[1].outcome.forPercent"));
        assertEquals("lost: 25.0% weighted for, more than 50% needed", reason(result, 2));
        assertEquals("75.0", result.getString("report.motions[1].outcome.weightedAgainstPercent"));
    }

    @Test
    void draftsAreCheckedAndNoticeFixesTheMotions() {
        long home = fixtures.constituency("Motions drafting");
        fixtures.activeMember("voter1", home);
        int before = as("bob").get("/api/motions").then().extract().jsonPath().getList("id").size();
        // Every fault named by its field, nothing written.
        as("bob").body(Map.of("title", "Bad", "constituencyIds", List.of(home, 999999), "motions", List.of(
                with(motion("Odd", "nearly all"), "denominator", "everyone"),
                with(motion("Weighted", "ordinary"), "weights", Map.of("kind", "shares", "classes",
                        List.of(Map.of("constituencyId", home, "share", "1/2")))))))
                .post("/api/motions").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("constituencyIds[1]"))
                .body("errors.field", hasItem("motions[0].threshold"))
                .body("errors.field", hasItem("motions[0].denominator"))
                .body("errors.field", hasItem("motions[1].weights"))
                .body("code", equalTo("motions-draft-invalid"))
                .body("errors.code", hasItems("constituency-unknown", "threshold-unknown", "denominator-unknown", "fixed-shares-incomplete"))
                .body("errors.find { it.field == 'motions[0].denominator' }.params.value", equalTo("everyone"));
        assertEquals(before, as("bob").get("/api/motions").then().extract().jsonPath().getList("id").size());
        // Only the board drafts.
        as("alice").body(Map.of("title", "x", "constituencyIds", List.of(home), "motions", List.of(motion("x", "ordinary"))))
                .post("/api/motions").then().statusCode(403);

        long id = MotionTestSteps.draft(List.of(home), List.of(motion("First wording", "ordinary")));
        // Members do not see drafts; voting cannot open before notice.
        as("voter1").get("/api/motions/" + id).then().statusCode(404);
        as("alice").post("/api/motions/" + id + "/open").then().statusCode(409).body("detail", containsString("notice"));
        as("bob").body(Map.of("title", "AGM", "constituencyIds", List.of(home),
                "motions", List.of(motion("Second wording", "at-least 2/3"))))
                .put("/api/motions/" + id).then().statusCode(200)
                .body("motions[0].title", equalTo("Second wording"))
                .body("motions[0].rule", equalTo("at least 2/3 (66.7%) of votes for and against"));
        as("bob").post("/api/motions/" + id + "/notice").then().statusCode(200);
        as("voter1").get("/api/motions/" + id).then().statusCode(200).body("motions[0].title", equalTo("Second wording"));
        // After publication the motion is fixed.
        as("bob").body(Map.of("title", "AGM", "constituencyIds", List.of(home), "motions", List.of(motion("Third", "ordinary"))))
                .put("/api/motions/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("only while they are a draft")).body("code", equalTo("motions-fixed-after-notice"))
                .body("params.state", equalTo("draft"));
        as("bob").get("/api/motions/" + id).then().body("motions[0].title", equalTo("Second wording"));
    }

    private static long memberNumber(String voter) {
        return as(voter).get("/api/members/me").then().statusCode(200).extract().jsonPath().getLong("id");
    }
}
