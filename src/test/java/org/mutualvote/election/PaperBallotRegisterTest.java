package org.mutualvote.election;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mutualvote.election.ElectionTestSteps.as;
import static org.mutualvote.election.ElectionTestSteps.cast;
import static org.mutualvote.election.ElectionTestSteps.move;
import static org.mutualvote.election.ElectionTestSteps.nominate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.support.Fixtures;
import org.mutualvote.support.Superuser;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Issue 11: "1000 2 0", sent twice, put 2,000 paper ballots into an election whose roll had one voter,
 * and a member could vote both online and on paper. Paper ballots now come with the marked register.
 */
@QuarkusTest
class PaperBallotRegisterTest {

    static final String PAPERS = "2 1\n%s0\n\"Ann\"\n\"Bo\"\n\"Postal\"\n";

    @Inject
    Fixtures fixtures;

    @Test
    void paperBallotsAreCountedAgainstTheMarkedRegisterAndABadBatchChangesNothing() {
        long home = fixtures.constituency("Postal");
        long online = fixtures.activeMember("voter1", home);
        long postal = fixtures.activeMember("voter2", home);
        long other = fixtures.activeMember("voter6", fixtures.constituency("Postal elsewhere"));
        long id = ElectionTestSteps.create(home, 1, "irv", null);
        long ann = nominate(id, "Ann");
        nominate(id, "Bo");
        move(id, "open");
        cast("voter1", id, List.of(ann));
        String url = "/api/elections/" + id + "/paper-ballots";

        // The attack: a thousand ballots on one line, for a roll of two.
        as("alice").body(Map.of("issuedTo", List.of(postal), "blt", PAPERS.formatted("1000 2 0\n"))).post(url)
                .then().statusCode(422).body("detail", containsString("more ballots than the 1 members"))
                .body("code", equalTo("paper-more-ballots-than-issued")).body("params.issued", equalTo(1));
        // A file that is not BLT, and one naming a candidate this election does not have: each refused with its code.
        as("alice").body(Map.of("issuedTo", List.of(postal), "blt", "2 1\n1 1 0\n")).post(url)
                .then().statusCode(422).body("code", equalTo("paper-blt-malformed"))
                .body("errors[0].field", equalTo("blt")).body("errors[0].message", containsString("ends before"));
        as("alice").body(Map.of("issuedTo", List.of(postal), "blt", "2 1\n1 1 0\n0\n\"Ann\"\n\"Bob\"\n\"Postal\"\n")).post(url)
                .then().statusCode(422).body("code", equalTo("paper-ballots-do-not-fit"))
                .body("errors[0].field", equalTo("candidates[2]")).body("errors[0].code", equalTo("paper-candidate-name"))
                .body("errors[0].params.given", equalTo("Bob")).body("errors[0].params.standing", equalTo("Bo"));
        // Each bad row is named, and the good row in the same batch is not recorded either.
        as("alice").body(Map.of("issuedTo", List.of(postal, online, other, postal), "blt", PAPERS.formatted("4 1 0\n")))
                .post(url).then().statusCode(422).body("code", equalTo("paper-register-mismatch"))
                .body("errors.field", hasItems("issuedTo[1]", "issuedTo[2]", "issuedTo[3]", "ballots"))
                .body("errors.code", hasItems("paper-member-voted", "paper-member-not-on-roll", "paper-issued-twice", "paper-over-roll"))
                .body("errors.find { it.code == 'paper-issued-twice' }.params.row", equalTo(0))
                .body("errors.message", hasItem(containsString("member " + online + " has already voted")))
                .body("errors.message", hasItem(containsString("member " + other + " is not on the roll")))
                .body("errors.message", hasItem(containsString("already issued the paper in row 0")))
                .body("errors.message", hasItem(containsString("more than the 2 members on the roll")));
        as("sam").get("/api/elections/" + id + "/turnout").then().body("voted", equalTo(1));

        // A paper issued to voter2 while voting is open: voter2 can then not vote online.
        ElectionDtos.PaperBatch batch = new ElectionDtos.PaperBatch(List.of(postal), PAPERS.formatted("1 2 0\n"));
        as("alice").body(batch).post(url).then().statusCode(200).body("added", equalTo(1));
        as("voter2").body(Map.of("choices", List.of(ann))).post("/api/contests/" + id + "/ballots")
                .then().statusCode(409).body("detail", containsString("already voted"));
        // And nobody gets a second paper, in this batch or the next.
        as("alice").body(batch).post(url).then().statusCode(422).body("errors.field", hasItem("issuedTo[0]"))
                .body("errors[0].code", equalTo("paper-member-voted"));
        as("sam").get("/api/elections/" + id + "/turnout").then().body("voted", equalTo(2)).body("rollSize", equalTo(2));
        as("sam").get("/api/audit?action=election.paper-ballots").then()
                .body("items.find { it.subject == 'election/" + id + "' }.details.batchDigest", equalTo(batch.digest()))
                .body("items.find { it.subject == 'election/" + id + "' }.details.ballots", equalTo(1));

        move(id, "close");
        as("alice").post("/api/elections/" + id + "/count").then().statusCode(200)
                .body("onlineBallots", equalTo(1)).body("paperBallots", equalTo(1));
        // Paper ballots are recorded while voting is open or before the count, never after it.
        as("alice").body(batch).post(url).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("paper-ballots-window")).body("params.state", equalTo("counted"));
    }

    /**
     * A member's online vote that lands between the batch's check of the marked register and its recording: the whole
     * batch is refused with its own code, so the returning officer sends it again (and is then told who has voted).
     * The online vote is played by a superuser transaction that is still open when the batch checks, and is
     * committed once the batch waits for it.
     */
    @Test
    void aBatchThatAnOnlineVoteOvertakesIsRefusedWhole() throws Exception {
        long home = fixtures.constituency("Postal race");
        long overtaken = fixtures.activeMember("voter3", home);
        long postal = fixtures.activeMember("voter4", home);
        long id = ElectionTestSteps.create(home, 1, "irv", null);
        nominate(id, "Ann");
        nominate(id, "Bo");
        move(id, "open");
        String url = "/api/elections/" + id + "/paper-ballots";
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection online = Superuser.connect()) {
            online.setAutoCommit(false);
            try (PreparedStatement ps = online.prepareStatement("""
                    insert into participation (contest_id, member_id) values (?, ?);
                    insert into ballot (id, contest_id, channel, ranking, nonce, tracker)
                    values (gen_random_uuid(), ?, 'online', '{1,2}', md5(random()::text) || md5(random()::text),
                            md5(random()::text) || md5(random()::text))""")) {
                ps.setLong(1, id);
                ps.setLong(2, overtaken);
                ps.setLong(3, id);
                ps.execute();
            }
            var sent = pool.submit(() -> as("alice").body(new ElectionDtos.PaperBatch(List.of(postal, overtaken),
                    PAPERS.formatted("2 1 0\n"))).post(url).then().extract());
            Superuser.awaitSomeoneBlockedBy(online);
            online.commit();
            ExtractableResponse<Response> refused = sent.get(30, TimeUnit.SECONDS);
            assertEquals(409, refused.statusCode(), refused.asString());
            assertEquals("paper-batch-raced-online", refused.path("code"));
        } finally {
            pool.shutdownNow();
        }
        // Only the online vote: neither paper was recorded.
        as("sam").get("/api/elections/" + id + "/turnout").then().body("voted", equalTo(1));
        as("alice").body(new ElectionDtos.PaperBatch(List.of(postal, overtaken), PAPERS.formatted("2 1 0\n"))).post(url)
                .then().statusCode(422).body("errors.field", hasItem("issuedTo[1]"));
    }
}
