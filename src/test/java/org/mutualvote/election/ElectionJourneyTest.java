package org.mutualvote.election;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mutualvote.election.ElectionTestSteps.as;
import static org.mutualvote.election.ElectionTestSteps.cast;
import static org.mutualvote.election.ElectionTestSteps.move;
import static org.mutualvote.election.ElectionTestSteps.nominate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.ballot.Tracker;
import org.mutualvote.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The whole journey of an STV election through the API, as the returning officer, voters and a scrutineer see it. */
@QuarkusTest
class ElectionJourneyTest {

    @Inject
    Fixtures fixtures;

    @Test
    void createNominateOpenVoteCloseCountPublishAndRecount() throws Exception {
        long home = fixtures.constituency("Leeds North");
        long elsewhere = fixtures.constituency("Elsewhere");
        for (String v : List.of("voter1", "voter2", "voter3", "voter4", "voter5")) {
            fixtures.activeMember(v, home);
        }
        fixtures.activeMember("voter6", elsewhere);

        long id = ElectionTestSteps.create(home, 2, "stv", "scotland");
        as("alice").get("/api/elections/" + id).then().body("state", equalTo("draft"));
        move(id, "nominations");
        long ada = nominate(id, "Ada");
        long ben = nominate(id, "Ben");
        long cy = nominate(id, "Cy");
        long dee = nominate(id, "Dee");
        as("alice").post("/api/elections/" + id + "/candidates/" + dee + "/withdraw").then().statusCode(200)
                .body("withdrawn", equalTo(true));

        // Not open yet.
        as("voter1").body(Map.of("choices", List.of(ada))).post("/api/contests/" + id + "/ballots")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("nominations"));

        as("alice").get("/api/elections").then().statusCode(200)
                .body("find { it.id == " + id + " }.candidates.name", contains("Ada", "Ben", "Cy", "Dee"));
        as("voter1").get("/api/elections").then().statusCode(200)
                .body("find { it.id == " + id + " }.state", equalTo("nominations"));
        as("voter6").get("/api/elections").then().statusCode(200).body("id", org.hamcrest.Matchers.not(hasItem((int) id)));
        as("alice").post("/api/elections/" + id + "/open").then().statusCode(200)
                .body("state", equalTo("open")).body("rollSize", equalTo(5));
        // Candidates may no longer withdraw.
        as("alice").post("/api/elections/" + id + "/candidates/" + cy + "/withdraw").then().statusCode(409);

        as("voter1").get("/api/contests/mine").then().statusCode(200)
                .body("find { it.id == " + id + " }.voted", equalTo(false));

        List<String> trackers = new ArrayList<>();
        trackers.add(cast("voter1", id, List.of(ada, ben)));
        trackers.add(cast("voter2", id, List.of(ada, cy)));
        trackers.add(cast("voter3", id, List.of(ben, ada)));
        trackers.add(cast("voter4", id, List.of(cy)));
        JsonPath receipt = as("voter5").body(Map.of("choices", List.of(ada, ben, cy)))
                .post("/api/contests/" + id + "/ballots").then().statusCode(201).extract().jsonPath();
        trackers.add(receipt.getString("tracker"));
        assertEquals(Tracker.shortCode(receipt.getString("tracker")), receipt.getString("shortCode"));

        // One member, one vote; off the roll; the member may confirm they voted, never what.
        as("voter1").body(Map.of("choices", List.of(cy))).post("/api/contests/" + id + "/ballots")
                .then().statusCode(409).body("detail", containsString("already voted"));
        as("voter6").body(Map.of("choices", List.of(cy))).post("/api/contests/" + id + "/ballots")
                .then().statusCode(403).body("detail", containsString("voter roll"));
        as("voter1").get("/api/contests/" + id + "/ballots/mine").then().statusCode(200)
                .body("voted", equalTo(true)).body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("choices")));
        as("voter1").get("/api/contests/mine").then().body("find { it.id == " + id + " }.voted", equalTo(true));

        as("bob").get("/api/elections/" + id + "/turnout").then().statusCode(200)
                .body("rollSize", equalTo(5)).body("voted", equalTo(5)).body("turnoutPercent", equalTo("100.0"));
        as("bob").get("/api/contests/turnout").then().statusCode(200)
                .body("find { it.contestId == " + id + " }.voted", equalTo(5));
        as("voter1").get("/api/elections/" + id + "/turnout").then().statusCode(403);

        // The bulletin board opens at close.
        as("sam").get("/api/elections/" + id + "/bulletin").then().statusCode(409);
        move(id, "close");
        as("voter2").body(Map.of("choices", List.of(cy))).post("/api/contests/" + id + "/ballots")
                .then().statusCode(409).body("detail", containsString("closed"));

        JsonPath board = as("sam").get("/api/elections/" + id + "/bulletin").then().statusCode(200)
                .body("ballots", hasSize(5)).extract().jsonPath();
        assertTrue(board.getList("ballots.tracker").containsAll(trackers));
        for (String t : trackers) {
            as("voter3").get("/api/elections/" + id + "/bulletin/" + t).then().statusCode(200).body("tracker", equalTo(t));
        }
        // Anyone can recompute a tracker from what the board shows.
        Map<String, Object> first = board.getMap("ballots[0]");
        @SuppressWarnings("unchecked")
        int[] positions = ((List<Integer>) first.get("positions")).stream().mapToInt(Integer::intValue).toArray();
        assertEquals(first.get("tracker"), Tracker.of(id, "online", positions, (String) first.get("nonce")));

        // Postal votes, listed separately.
        as("alice").contentType(ContentType.TEXT).body("4 2\n1 3 1 0\n1 2 3 0\n0\n\"Ada\"\n\"Ben\"\n\"Cy\"\n\"Dee\"\n\"postal\"\n")
                .post("/api/elections/" + id + "/paper-ballots").then().statusCode(200).body("added", equalTo(2));

        // The board pages by tracker: three pages of at most 3 hold all 7 ballots, each once, in order.
        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = as("sam").get("/api/elections/" + id + "/bulletin?limit=3" + (after == null ? "" : "&after=" + after))
                    .then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("ballots.tracker"));
            after = page.getString("next");
        } while (after != null);
        assertEquals(7, paged.size());
        assertEquals(paged.stream().sorted().toList(), paged);
        assertEquals(7, new java.util.HashSet<>(paged).size());
        as("sam").get("/api/elections/" + id + "/bulletin?limit=0").then().statusCode(400);
        as("sam").get("/api/elections/" + id + "/bulletin?after=xyz").then().statusCode(400);

        // A member sees no result before publication.
        as("voter1").get("/api/elections/" + id + "/result").then().statusCode(409);
        as("alice").post("/api/elections/" + id + "/count").then().statusCode(200)
                .body("state", equalTo("counted"))
                .body("onlineBallots", equalTo(5)).body("paperBallots", equalTo(2))
                .body("elected", hasSize(2)).body("rule", equalTo("scotland"));
        as("voter1").get("/api/elections/" + id + "/result").then().statusCode(409);
        move(id, "publish");
        JsonPath result = as("voter1").get("/api/elections/" + id + "/result").then().statusCode(200)
                .body("state", equalTo("published")).extract().jsonPath();
        as("voter6").get("/api/elections/" + id + "/result").then().statusCode(404);

        // Recount the published BLT with the project's own command line: the same result, stage by stage.
        String blt = as("sam").get("/api/elections/" + id + "/bulletin.blt").then().statusCode(200).extract().asString();
        String recount = runRecount(blt, "scotland", result.getString("seed"));
        JsonPath recounted = JsonPath.from(recount);
        assertEquals(result.getList("elected"), recounted.getList("elected"));
        assertEquals(JsonPath.from(as("sam").get("/api/elections/" + id + "/result").asString()).getList("report.stages").toString(),
                recounted.getList("stages").toString());

        as("sam").get("/api/audit?action=election.result").then().body("items.subject", hasItem("election/" + id));
    }

    @Test
    void twentyConcurrentVotesByOneMemberLeaveExactlyOneBallot() throws Exception {
        long home = fixtures.constituency("Concurrency");
        fixtures.activeMember("voter1", home);
        long id = ElectionTestSteps.create(home, 1, "irv", null);
        long a = nominate(id, "Ann");
        nominate(id, "Bo");
        move(id, "open");
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
                .body("errors.message", hasItem(containsString("more than once")));
        as("voter2").body(Map.of("choices", List.of(a, b, c))).post(url).then().statusCode(422)
                .body("errors.message", hasItem(containsString("too many marks")));
        as("voter2").body(Map.of("choices", List.of(999999L))).post(url).then().statusCode(422)
                .body("errors[0].field", equalTo("choices[0]"));
        as("voter2").body(Map.of("choices", List.of(gone))).post(url).then().statusCode(422)
                .body("errors.message", hasItem(containsString("withdrawn")));
        as("voter2").body(Map.of("choices", List.of())).post(url).then().statusCode(400)
                .body("errors.field", hasItem("choices"));
        as("voter2").body("{\"choices\": \"Ann\"}").post(url).then().statusCode(400);
        as("voter2").body(Map.of("choices", List.of(a))).post("/api/contests/999999/ballots").then().statusCode(404);
        as("alice").body(Map.of("choices", List.of(a))).post(url).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("choices", List.of(a))).post(url).then().statusCode(401);
        as("sam").get("/api/elections/" + id + "/turnout").then().body("voted", equalTo(0));
        // The member can still vote properly afterwards.
        cast("voter2", id, List.of(a, b));
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
        as("alice").body(Map.of("title", "T", "constituencyId", home, "seats", 2, "method", "stv")).post(url)
                .then().statusCode(201).body("stvRule", equalTo("ni85"));
        as("alice").body(Map.of("title", "T", "constituencyId", home, "seats", 2, "method", "fptp", "stvRule", "ni85")).post(url)
                .then().statusCode(422).body("errors.field", hasItem("stvRule"));
        as("alice").body(Map.of("title", "T", "constituencyId", home, "seats", 2, "method", "irv")).post(url)
                .then().statusCode(422).body("errors.field", hasItem("seats"));
        as("alice").body(Map.of("title", "T", "constituencyId", home, "seats", 1, "method", "borda")).post(url)
                .then().statusCode(400).body("errors.field", hasItem("method"));
        as("alice").body(Map.of("title", "", "constituencyId", 999999, "seats", 0, "method", "fptp")).post(url)
                .then().statusCode(400).body("errors.field", hasItems("title", "seats"));
        as("alice").body(Map.of("title", "T", "constituencyId", 999999, "seats", 1, "method", "fptp")).post(url)
                .then().statusCode(422).body("errors.field", hasItem("constituencyId"));
        as("alice").body(Map.of("title", "T", "constituencyId", home, "seats", 1, "method", "fptp",
                "timetable", Map.of("votingOpenAt", "2030-01-02T00:00:00Z", "votingCloseAt", "2030-01-01T00:00:00Z")))
                .post(url).then().statusCode(422).body("errors.field", hasItem("timetable.votingCloseAt"));
        as("mia").body(Map.of("title", "T", "constituencyId", home, "seats", 1, "method", "fptp")).post(url)
                .then().statusCode(403);

        long id = ElectionTestSteps.create(home, 1, "fptp", null);
        String longStatement = "word ".repeat(251);
        as("alice").body(Map.of("name", "Verbose", "statement", longStatement)).post(url + "/" + id + "/candidates")
                .then().statusCode(422).body("errors[0].field", equalTo("statement"));
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

    /** Runs `java -cp target/classes org.mutualvote.count.Recount` as README tells a scrutineer to. */
    private static String runRecount(String blt, String rule, String seed) throws IOException, InterruptedException {
        Path file = Files.createTempFile("election", ".blt");
        Files.writeString(file, blt, StandardCharsets.UTF_8);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", "target/classes", "org.mutualvote.count.Recount",
                "--rule", rule, "--seed", seed, "--format", "json", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
