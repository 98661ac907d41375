package org.mutualvote.journey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.mutualvote.support.HeadSignatures;

import io.quarkus.test.common.DevServicesContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The main journey through the API only, as people take it: ten people join by postcode, the returning officer
 * runs an STV election from draft to published, everyone votes, a voter finds their receipt on the bulletin board,
 * and a scrutineer recounts the published ballots with the shipped command. {@code MainJourneyIT} runs the same
 * steps against the packaged jar or the native executable, so nothing here reaches inside the application.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class MainJourneyTest implements DevServicesContext.ContextAware {

    static final List<String> VOTERS = List.of("j01", "j02", "j03", "j04", "j05", "j06", "j07", "j08", "j09", "j10");

    private String authServer;
    private final Map<String, String> tokens = new HashMap<>();
    private final String district = "Q" + (char) ('A' + ThreadLocalRandom.current().nextInt(26)) + ThreadLocalRandom.current().nextInt(10, 99);
    private long constituency;
    private long election;
    private final Map<String, Long> candidates = new HashMap<>();
    private final List<String> trackers = new ArrayList<>();

    /** Under @QuarkusIntegrationTest the test runs outside the application: the OIDC server's address comes from here. */
    @Override
    public void setIntegrationTestContext(DevServicesContext context) {
        authServer = context.devServicesProperties().get("quarkus.oidc.auth-server-url");
    }

    private RequestSpecification as(String user) {
        String token = tokens.computeIfAbsent(user, u -> {
            String server = authServer != null ? authServer
                    : ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
            return given().formParam("grant_type", "password").formParam("client_id", "mutual-vote")
                    .formParam("username", u).formParam("password", u).post(server + "/token")
                    .then().statusCode(200).extract().path("access_token");
        });
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    @Order(1)
    void theReturningOfficerSetsUpAConstituency() {
        constituency = as("alice").body(Map.of("kind", "public", "name", "Journey " + district, "seats", 2,
                "areas", List.of(district))).post("/api/constituencies")
                .then().statusCode(201).body("areas", equalTo(List.of(district))).extract().jsonPath().getLong("id");
    }

    @Test
    @Order(2)
    void tenPeopleJoinByPostcode() {
        for (String voter : VOTERS) {
            as(voter).body(Map.of("name", "Journey " + voter, "email", voter + "@journey.example.org",
                    "dateOfBirth", LocalDate.of(1960, 5, 17).toString(), "postcode", district + " 1AB", "consent", true))
                    .post("/api/members")
                    .then().statusCode(201).body("status", equalTo("active")).body("constituencyId", equalTo((int) constituency));
        }
    }

    @Test
    @Order(3)
    void theReturningOfficerRunsTheElectionToTheOpenPoll() {
        election = as("alice").body(Map.of("title", "Governors " + district, "constituencyId", constituency,
                "seats", 2, "method", "stv", "stvRule", "scotland"))
                .post("/api/elections").then().statusCode(201).body("state", equalTo("draft")).extract().jsonPath().getLong("id");
        as("alice").post("/api/elections/" + election + "/nominations").then().statusCode(200);
        for (String name : List.of("Ada Lovelace", "Ben Okri", "Cy Twombly")) {
            candidates.put(name.substring(0, 3).trim(), as("alice").body(Map.of("name", name, "statement", "I will listen."))
                    .post("/api/elections/" + election + "/candidates").then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        as("alice").post("/api/elections/" + election + "/open").then().statusCode(200)
                .body("state", equalTo("open")).body("rollSize", equalTo(VOTERS.size()));
    }

    @Test
    @Order(4)
    void everyoneVotesOnceAndGetsAReceipt() {
        // 5 x (Ada, Ben), 3 x (Ben), 2 x (Cy): worked out in theCountElectsWhomAPersonWorksOut.
        for (int i = 0; i < VOTERS.size(); i++) {
            List<Long> choices = i < 5 ? List.of(candidates.get("Ada"), candidates.get("Ben"))
                    : i < 8 ? List.of(candidates.get("Ben")) : List.of(candidates.get("Cy"));
            trackers.add(as(VOTERS.get(i)).body(Map.of("choices", choices)).post("/api/contests/" + election + "/ballots")
                    .then().statusCode(201).extract().path("tracker"));
        }
        as("j01").body(Map.of("choices", List.of(candidates.get("Cy")))).post("/api/contests/" + election + "/ballots")
                .then().statusCode(409).contentType("application/problem+json");
        as("bob").get("/api/elections/" + election + "/turnout").then().statusCode(200).body("voted", equalTo(10));
    }

    @Test
    @Order(5)
    void afterCloseEachVoterFindsTheirReceiptOnTheBulletinBoard() {
        as("alice").post("/api/elections/" + election + "/close").then().statusCode(200).body("state", equalTo("closed"));
        JsonPath board = as("sam").get("/api/elections/" + election + "/bulletin").then().statusCode(200)
                .body("ballots", hasSize(10)).extract().jsonPath();
        assertTrue(board.getList("ballots.tracker").containsAll(trackers));
        as("j03").get("/api/elections/" + election + "/bulletin/" + trackers.get(2)).then().statusCode(200)
                .body("tracker", equalTo(trackers.get(2)));
    }

    @Test
    @Order(6)
    void theCountElectsWhomAPersonWorksOut() {
        // 10 valid papers, 2 seats: quota = floor(10 / (2 + 1)) + 1 = 4.
        // Stage 1: Ada 5, Ben 3, Cy 2. Ada has 5 >= 4: elected with a surplus of 1.
        // Stage 2: Ada's 5 papers all go on to Ben at 1/5 each: Ben 3 + 1 = 4 >= 4: elected.
        as("alice").post("/api/elections/" + election + "/count").then().statusCode(200).body("state", equalTo("counted"));
        as("alice").post("/api/elections/" + election + "/publish").then().statusCode(200);
        JsonPath result = as("j05").get("/api/elections/" + election + "/result").then().statusCode(200)
                .body("state", equalTo("published")).extract().jsonPath();
        assertEquals(List.of("Ada Lovelace", "Ben Okri"), result.getList("elected", String.class));
    }

    @Test
    @Order(7)
    void aScrutineerRecountsThePublishedBallotsWithTheShippedCommand() throws Exception {
        String blt = as("sam").get("/api/elections/" + election + "/bulletin.blt").then().statusCode(200).extract().asString();
        JsonPath published = as("sam").get("/api/elections/" + election + "/result").then().statusCode(200).extract().jsonPath();
        JsonPath recounted = JsonPath.from(recount(blt, "scotland", published.getString("seed")));
        assertEquals(published.getList("elected"), recounted.getList("elected"));
        // The audit head beside the result checks with the public key alone.
        PublicKey key = HeadSignatures.publicKey(given().get("/api/audit/public-key").then().statusCode(200).extract().asString());
        assertTrue(HeadSignatures.verifies(key, HeadSignatures.message(published.getLong("auditHead.seq"), published.getString("auditHead.hash")),
                published.getString("auditHead.signature")));
    }

    /** Runs the Recount command as a scrutineer would, in its own JVM on the compiled classes. */
    static String recount(String blt, String rule, String seed) throws IOException, InterruptedException {
        Path file = Files.createTempFile("journey", ".blt");
        Files.writeString(file, blt, StandardCharsets.UTF_8);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", "target/classes", "org.mutualvote.count.Recount",
                "--rule", rule, "--seed", seed, "--format", "json", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
