package org.mutualvote.election;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mutualvote.election.ElectionTestSteps.as;
import static org.mutualvote.election.ElectionTestSteps.cast;
import static org.mutualvote.election.ElectionTestSteps.move;
import static org.mutualvote.election.ElectionTestSteps.nominate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What the elections API refuses, races it survives, and the contests that need no poll. */
@QuarkusTest
class ElectionEdgeCasesTest {

    @Inject
    Fixtures fixtures;

    @Test
    void twentyConcurrentVotesByOneMemberLeaveExactlyOneBallot() throws Exception {
        long[] opened = openIrvFor("voter1", "Concurrency");
        long id = opened[0];
        long a = opened[1];
        String token = org.mutualvote.support.Tokens.accessToken("voter1");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("choices", List.of(a)))
                        .post("/api/contests/" + id + "/ballots").statusCode();
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (var f : answers) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertEquals(19, codes.stream().filter(c -> c == 409).count(), codes.toString());
        move(id, "close");
        as("sam").get("/api/elections/" + id + "/bulletin").then().body("ballots", hasSize(1));
        as("sam").get("/api/elections/" + id + "/turnout").then().body("voted", equalTo(1));
    }

    /**
     * A close in flight holds the contest's lock exclusively (ContestLocks.excludeCasting). A cast that arrives then
     * waits inside cast_ballot for that lock, reads the contest afresh once the close has committed, and is refused:
     * no ballot slips in after the count's set was fixed. Here the superuser plays the close.
     */
    @Test
    void aCastWaitsForACloseInFlightAndIsThenRefused() throws Exception {
        long[] opened = openIrvFor("voter2", "Close race");
        long id = opened[0];
        long a = opened[1];
        String token = org.mutualvote.support.Tokens.accessToken("voter2");
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (java.sql.Connection close = org.mutualvote.support.Superuser.connect()) {
            close.setAutoCommit(false);
            try (var ps = close.prepareStatement("select pg_advisory_xact_lock(19798, ?)")) {
                ps.setInt(1, (int) id);
                ps.executeQuery().close();
            }
            var answer = pool.submit(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("choices", List.of(a))).post("/api/contests/" + id + "/ballots").then().extract());
            org.mutualvote.support.Superuser.awaitSomeoneBlockedBy(close);
            try (var ps = close.prepareStatement("update contest set state = 'closed' where id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            close.commit();
            var refused = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(409, refused.statusCode(), refused.asString());
            assertEquals("voting-not-open", refused.path("code"));
        } finally {
            pool.shutdownNow();
        }
        as("sam").get("/api/elections/" + id + "/turnout").then().body("voted", equalTo(0));
    }

    /**
     * A ballot sent before voting opens is refused, and the candidates read to check it are not kept: one nominated
     * afterwards can be voted for once voting opens.
     */
    @Test
    void aBallotSentBeforeVotingOpensLeavesNoStaleCandidateList() {
        long home = fixtures.constituency("Early ballot");
        fixtures.activeMember("voter4", home);
        long id = ElectionTestSteps.create(home, 1, "irv", null);
        long a = nominate(id, "Ann");
        String url = "/api/contests/" + id + "/ballots";
        as("voter4").body(Map.of("choices", List.of(a))).post(url).then().statusCode(409).body("code", equalTo("voting-not-open"));
        long late = nominate(id, "Late");
        move(id, "open");
        as("voter4").body(Map.of("choices", List.of(late, a))).post(url).then().statusCode(201);
    }

    /** An open IRV election (Ann, Bo) in a new constituency whose one member is {@code voter}: {election id, Ann's id}. */
    private long[] openIrvFor(String voter, String constituency) {
        long home = fixtures.constituency(constituency);
        fixtures.activeMember(voter, home);
        long id = ElectionTestSteps.create(home, 1, "irv", null);
        long a = nominate(id, "Ann");
        nominate(id, "Bo");
        move(id, "open");
        return new long[] {id, a};
    }

    @Test
    void badBallotsAreRefusedAndChangeNothing() {
        long home = fixtures.constituency("Bad ballots");
        fixtures.activeMember("voter2", home);
        long id = ElectionTestSteps.create(home, 2, "fptp", null);
        long a = nominate(id, "Ann");
        long b = nominate(id, "Bo");
        long c = nominate(id, "Cas");
        long gone = nominate(id, "Gone");
        as("alice").post("/api/elections/" + id + "/candidates/" + gone + "/withdraw").then().statusCode(200);
        move(id, "open");
        String url = "/api/contests/" + id + "/ballots";
        as("voter2").body(Map.of("choices", List.of(a, a))).post(url).then().statusCode(422)
                .body("errors.message", hasItem(containsString("more than once")))
                .body("errors.code", hasItem("candidate-marked-twice")).body("errors.params.name", hasItem("Ann"));
        as("voter2").body(Map.of("choices", List.of(a, b, c))).post(url).then().statusCode(422)
                .body("errors.message", hasItem(containsString("too many marks")))
                .body("errors[0].code", equalTo("too-many-marks")).body("errors[0].params.marks", equalTo(3)).body("errors[0].params.seats", equalTo(2));
        as("voter2").body(Map.of("choices", List.of(999999L))).post(url).then().statusCode(422)
                .body("errors[0].field", equalTo("choices[0]")).body("errors[0].code", equalTo("candidate-not-standing"));
        as("voter2").body(Map.of("choices", List.of(gone))).post(url).then().statusCode(422)
                .body("errors.message", hasItem(containsString("withdrawn"))).body("errors[0].code", equalTo("candidate-withdrawn"));
        as("voter2").body(Map.of("choices", List.of())).post(url).then().statusCode(400)
                .body("errors.field", hasItem("choices"));
        as("voter2").body("{\"choices\": \"Ann\"}").post(url).then().statusCode(400);
        as("voter2").body(Map.of("choices", List.of(a))).post("/api/contests/999999/ballots").then().statusCode(404);
        as("alice").body(Map.of("choices", List.of(a))).post(url).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("choices", List.of(a))).post(url).then().statusCode(401);
        as("sam").get("/api/elections/" + id + "/turnout").then().body("voted", equalTo(0));
        // The member can still vote properly afterwards.
        cast("voter2", id, List.of(a, b));
        // Whoever may not vote here at all hears that, not what is wrong with their ballot.
        fixtures.activeMember("voter3", fixtures.constituency("Bad ballots elsewhere"));
        as("voter3").body(Map.of("choices", List.of(a, a))).post(url).then().statusCode(403).body("code", equalTo("not-on-roll"));
        move(id, "close");
        as("voter2").body(Map.of("choices", List.of(a, a))).post(url).then().statusCode(409).body("code", equalTo("voting-not-open"));
    }

    @Test
    void uncontestedElectionIsDeclaredWithoutAPoll() {
        long home = fixtures.constituency("Uncontested");
        long id = ElectionTestSteps.create(home, 2, "stv", "meek");
        nominate(id, "Solo");
        nominate(id, "Duo");
        as("alice").post("/api/elections/" + id + "/open").then().statusCode(200)
                .body("state", equalTo("counted")).body("rollSize", org.hamcrest.Matchers.nullValue());
        as("sam").get("/api/elections/" + id + "/result").then().statusCode(200)
                .body("uncontested", equalTo(true)).body("elected", contains("Solo", "Duo"));
    }

    @Test
    void illegalTransitionsNameTheCurrentState() {
        long home = fixtures.constituency("Transitions");
        long id = ElectionTestSteps.create(home, 1, "fptp", null);
        as("alice").post("/api/elections/" + id + "/close").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("is draft"));
        as("alice").post("/api/elections/" + id + "/count").then().statusCode(409).body("detail", containsString("draft"));
        as("alice").post("/api/elections/" + id + "/open").then().statusCode(409).body("detail", containsString("no candidates"));
        as("bob").post("/api/elections/" + id + "/open").then().statusCode(403);
        as("alice").post("/api/elections/999999/open").then().statusCode(404);
    }

    @Test
    void electionSetUpIsValidated() {
        long home = fixtures.constituency("Validation");
        String url = "/api/elections";
        // An stv election that names no rule counts by ni85, the foundation trusts' rule.
        as("alice").body(Map.of("title", "T", "constituencyId", home, "seats", 2, "method", "stv")).post(url)
                .then().statusCode(201).body("stvRule", equalTo("ni85"));
        as("alice").body(Map.of("title", "T", "constituencyId", home, "seats", 2, "method", "fptp", "stvRule", "ni85")).post(url)
                .then().statusCode(422).body("code", equalTo("election-draft-invalid")).body("errors.field", hasItem("stvRule"))
                .body("errors.code", hasItem("only-stv-takes-rule"));
        as("alice").body(Map.of("title", "T", "constituencyId", home, "seats", 2, "method", "irv")).post(url)
                .then().statusCode(422).body("errors.field", hasItem("seats")).body("errors.code", hasItem("irv-one-seat"));
        as("alice").body(Map.of("title", "T", "constituencyId", home, "seats", 1, "method", "borda")).post(url)
                .then().statusCode(400).body("errors.field", hasItem("method"));
        as("alice").body(Map.of("title", "", "constituencyId", 999999, "seats", 0, "method", "fptp")).post(url)
                .then().statusCode(400).body("errors.field", hasItems("title", "seats"));
        as("alice").body(Map.of("title", "T", "constituencyId", 999999, "seats", 1, "method", "fptp")).post(url)
                .then().statusCode(422).body("errors.field", hasItem("constituencyId")).body("errors[0].code", equalTo("constituency-unknown"))
                .body("errors[0].params.id", equalTo(999999));
        long retired = fixtures.constituency("Retired");
        as("alice").post("/api/constituencies/" + retired + "/retire").then().statusCode(200);
        as("alice").body(Map.of("title", "T", "constituencyId", retired, "seats", 1, "method", "fptp")).post(url)
                .then().statusCode(422).body("errors[0].field", equalTo("constituencyId"))
                .body("errors[0].code", equalTo("constituency-is-retired")).body("errors[0].params.constituency", containsString("Retired"));
        as("alice").body(Map.of("title", "T", "constituencyId", home, "seats", 1, "method", "fptp",
                "timetable", Map.of("votingOpenAt", "2030-01-02T00:00:00Z", "votingCloseAt", "2030-01-01T00:00:00Z")))
                .post(url).then().statusCode(422).body("errors.field", hasItem("timetable.votingCloseAt"))
                .body("errors.code", hasItem("step-before-previous"));
        as("mia").body(Map.of("title", "T", "constituencyId", home, "seats", 1, "method", "fptp")).post(url)
                .then().statusCode(403);

        long id = ElectionTestSteps.create(home, 1, "fptp", null);
        String longStatement = "word ".repeat(251);
        as("alice").body(Map.of("name", "Verbose", "statement", longStatement)).post(url + "/" + id + "/candidates")
                .then().statusCode(422).body("code", equalTo("statement-too-long")).body("errors[0].field", equalTo("statement"))
                .body("errors[0].code", equalTo("statement-too-many-words")).body("errors[0].params.words", equalTo(251))
                .body("errors[0].params.max", equalTo(250));
        nominate(id, "Twin");
        as("alice").body(Map.of("name", "twin")).post(url + "/" + id + "/candidates").then().statusCode(409);
        as("alice").body(Map.of("name", "Pic", "photoUrl", "javascript:alert(1)")).post(url + "/" + id + "/candidates")
                .then().statusCode(400).body("errors.field", hasItem("photoUrl"));
        as("alice").get(url + "/" + id).then().body("candidates", hasSize(1));
    }

    @Test
    void noNominationsAfterTheyClose() {
        long home = fixtures.constituency("Late nomination");
        long id = as("alice").body(Map.of("title", "Closed nominations", "constituencyId", home, "seats", 1, "method", "irv",
                "timetable", Map.of("nominationsCloseAt", java.time.Instant.now().minusSeconds(60).toString())))
                .post("/api/elections").then().statusCode(201).extract().jsonPath().getLong("id");
        as("alice").body(Map.of("name", "Latecomer")).post("/api/elections/" + id + "/candidates")
                .then().statusCode(409).body("detail", containsString("Nominations closed"));
        as("alice").get("/api/elections/" + id).then().body("candidates", hasSize(0));
    }

    @Test
    void theTimetableOpensAndClosesVotingByItself() throws InterruptedException {
        long home = fixtures.constituency("Timetable");
        fixtures.activeMember("voter3", home);
        java.time.Instant now = java.time.Instant.now();
        long id = as("alice").body(Map.of("title", "Timed", "constituencyId", home, "seats", 1, "method", "irv",
                "timetable", Map.of("votingOpenAt", now.plusSeconds(2).toString(), "votingCloseAt", now.plusSeconds(5).toString())))
                .post("/api/elections").then().statusCode(201).extract().jsonPath().getLong("id");
        nominate(id, "Early");
        nominate(id, "Late");
        waitForState(id, "open");
        waitForState(id, "closed");
        as("sam").get("/api/audit?action=election.closed").then().body("items.actor", hasItem("timetable"));
    }

    private static void waitForState(long id, String state) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (state.equals(as("alice").get("/api/elections/" + id).path("state"))) {
                return;
            }
            Thread.sleep(200);
        }
        as("alice").get("/api/elections/" + id).then().body("state", equalTo(state));
    }
}
