package org.mutualvote.election;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mutualvote.ballot.Tracker;
import org.mutualvote.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The whole journey of a Scottish STV election for two seats through the API, as the returning officer,
 * voters and a scrutineer see it, one step per test in order: a failing step names itself, and the steps
 * after it fail for want of it.
 *
 * <p>The count, worked out by hand. Ada, Ben and Cy stand (Dee withdraws). Five online ballots
 * (Ada Ben; Ada Cy; Ben Ada; Cy; Ada Ben Cy) and two paper ones (Ada Cy; Ben Cy): 7 papers, quota
 * floor(7/3) + 1 = 3.
 * <ol>
 * <li>First preferences: Ada 4, Ben 2, Cy 1. Ada is elected.</li>
 * <li>Ada's surplus of 1 passes on from all her 4 papers at 1/4 = 0.25000 each: two next preferences for
 * Ben (2.50000), two for Cy (1.50000).</li>
 * <li>Nobody else reaches the quota: Cy, lowest, is excluded; none of Cy's papers names Ben next.</li>
 * <li>Ben is the only candidate left for the one seat left, and is elected.</li>
 * </ol>
 * Elected, in order: Ada, Ben. No tie, so no lot: the seed cannot change it.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ElectionJourneyTest {

    @Inject
    Fixtures fixtures;

    private static long id;
    private static long ada;
    private static long ben;
    private static long cy;
    private static final List<String> trackers = new ArrayList<>();

    @Test
    @Order(1)
    void theReturningOfficerSetsUpAnElectionAndTakesNominations() {
        long home = fixtures.constituency("Leeds North");
        long elsewhere = fixtures.constituency("Elsewhere");
        for (String v : List.of("voter1", "voter2", "voter3", "voter4", "voter5")) {
            fixtures.activeMember(v, home);
        }
        fixtures.activeMember("voter6", elsewhere);

        id = ElectionTestSteps.create(home, 2, "stv", "scotland");
        as("alice").get("/api/elections/" + id).then().body("state", equalTo("draft"));
        move(id, "nominations");
        ada = nominate(id, "Ada");
        ben = nominate(id, "Ben");
        cy = nominate(id, "Cy");
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
        as("voter6").get("/api/elections").then().statusCode(200).body("id", not(hasItem((int) id)));
    }

    @Test
    @Order(2)
    void openingFreezesTheRollOfTheConstituency() {
        as("alice").post("/api/elections/" + id + "/open").then().statusCode(200)
                .body("state", equalTo("open")).body("rollSize", equalTo(5));
        // Candidates may no longer withdraw.
        as("alice").post("/api/elections/" + id + "/candidates/" + cy + "/withdraw").then().statusCode(409);
        as("voter1").get("/api/contests/mine").then().statusCode(200)
                .body("find { it.id == " + id + " }.voted", equalTo(false));
    }

    @Test
    @Order(3)
    void membersVoteOnceAndGetAReceipt() {
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
                .body("voted", equalTo(true)).body("$", not(hasKey("choices")));
        as("voter1").get("/api/contests/mine").then().body("find { it.id == " + id + " }.voted", equalTo(true));
    }

    @Test
    @Order(4)
    void theBoardSeesTurnoutAndMembersDoNot() {
        as("bob").get("/api/elections/" + id + "/turnout").then().statusCode(200)
                .body("rollSize", equalTo(5)).body("voted", equalTo(5)).body("turnoutPercent", equalTo("100.0"));
        as("bob").get("/api/contests/turnout").then().statusCode(200)
                .body("find { it.contestId == " + id + " }.voted", equalTo(5));
        as("voter1").get("/api/elections/" + id + "/turnout").then().statusCode(403);
    }

    @Test
    @Order(5)
    void closingOpensTheBulletinBoardWhereEveryVoterFindsTheirBallot() {
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
    }

    @Test
    @Order(6)
    void paperBallotsAreAddedAndTheBoardPagesByTracker() {
        // Postal votes, listed separately: Ada then Cy, and Ben then Cy.
        as("alice").contentType(ContentType.TEXT).body("4 2\n1 1 3 0\n1 2 3 0\n0\n\"Ada\"\n\"Ben\"\n\"Cy\"\n\"Dee\"\n\"postal\"\n")
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
        assertEquals(7, new HashSet<>(paged).size());
        as("sam").get("/api/elections/" + id + "/bulletin?limit=0").then().statusCode(400);
        as("sam").get("/api/elections/" + id + "/bulletin?after=xyz").then().statusCode(400);
    }

    @Test
    @Order(7)
    void theCountElectsAdaThenBen() {
        // A member sees no result before publication.
        as("voter1").get("/api/elections/" + id + "/result").then().statusCode(409);
        as("alice").post("/api/elections/" + id + "/count").then().statusCode(200)
                .body("state", equalTo("counted"))
                .body("onlineBallots", equalTo(5)).body("paperBallots", equalTo(2))
                .body("elected", contains("Ada", "Ben")).body("rule", equalTo("scotland"));
        // Stage by stage, as worked out in the class comment.
        as("sam").get("/api/elections/" + id + "/result").then().statusCode(200)
                .body("report.quota", equalTo("3.00000"))
                .body("report.stages.action", contains("First preferences", "Surplus of Ada (1.00000) transferred",
                        "Exclusion of Cy", "Remaining candidates elected"))
                .body("report.stages[0].votes", equalTo(Map.of("Ada", "4.00000", "Ben", "2.00000", "Cy", "1.00000", "Dee", "0.00000")))
                .body("report.stages[0].elected", contains("Ada"))
                .body("report.stages[1].votes", equalTo(Map.of("Ada", "3.00000", "Ben", "2.50000", "Cy", "1.50000", "Dee", "0.00000")))
                .body("report.stages[2].excluded", contains("Cy"))
                .body("report.stages[3].elected", contains("Ben"));
        as("voter1").get("/api/elections/" + id + "/result").then().statusCode(409);
    }

    @Test
    @Order(8)
    void membersOfTheConstituencySeeThePublishedResult() {
        move(id, "publish");
        as("voter1").get("/api/elections/" + id + "/result").then().statusCode(200)
                .body("state", equalTo("published")).body("elected", contains("Ada", "Ben"));
        as("voter6").get("/api/elections/" + id + "/result").then().statusCode(404);
        as("sam").get("/api/audit?action=election.result").then().body("items.subject", hasItem("election/" + id));
    }

    @Test
    @Order(9)
    void aScrutineerRecountsTheBulletinBoardToTheSameResult() throws Exception {
        JsonPath result = as("sam").get("/api/elections/" + id + "/result").then().statusCode(200).extract().jsonPath();
        String blt = as("sam").get("/api/elections/" + id + "/bulletin.blt").then().statusCode(200).extract().asString();
        JsonPath recounted = JsonPath.from(runRecount(blt, "scotland", result.getString("seed")));
        assertEquals(List.of("Ada", "Ben"), recounted.getList("elected"));
        assertEquals(result.getList("report.stages").toString(), recounted.getList("stages").toString());
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
