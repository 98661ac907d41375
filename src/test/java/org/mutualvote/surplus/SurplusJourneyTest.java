package org.mutualvote.surplus;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mutualvote.election.ElectionTestSteps.as;
import static org.mutualvote.surplus.SurplusTestSteps.castSplit;
import static org.mutualvote.surplus.SurplusTestSteps.create;
import static org.mutualvote.surplus.SurplusTestSteps.move;
import static org.mutualvote.surplus.SurplusTestSteps.split;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.ballot.Tracker;
import org.mutualvote.support.Fixtures;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Surplus votes through the API, as the board, the returning officer, members and a recount see them. */
@QuarkusTest
class SurplusJourneyTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Fixtures fixtures;

    /**
     * Ballots (70, 30, 0), (50, 0, 50), (20, 40, 40) over Reinvestment, Staff dividend, Community fund.
     * Independent markets, n = 3, med(t) = max(min(t, v1), min(2t, v2), min(3t, v3)): on [.15, .2]
     * Reinvestment (.7,.5,.2) gives 2t, Staff dividend (.4,.3,0) gives .3, Community fund (.5,.4,0) gives
     * 2t; 4t + .3 = 1 at t* = 7/40: (35%, 30%, 35%) of £1,000.00 = 35,000p, 30,000p, 35,000p.
     */
    @Test
    void draftOpenVoteCloseCountPublishRecountAndShareTheDividend() throws Exception {
        long home = fixtures.constituency("Surplus home");
        long elsewhere = fixtures.constituency("Surplus elsewhere");
        long m1 = fixtures.activeMember("voter1", home);
        long m2 = fixtures.activeMember("voter2", home);
        long m3 = fixtures.activeMember("voter3", home);
        long outsider = fixtures.activeMember("voter6", elsewhere);

        Map<String, Object> draft = split(home, 100_000, "independent-markets", Map.of("reserveMinimum", 20, "memberDividendMaximum", 40));
        as("mia").body(draft).post("/api/surplus").then().statusCode(403).contentType(PROBLEM);
        long id = create(draft);
        as("bob").get("/api/surplus/" + id).then().statusCode(200).body("state", equalTo("draft"))
                .body("surplusPounds", equalTo("£1,000.00")).body("pots.name", contains("Reinvestment", "Staff dividend", "Community fund"))
                .body("limits.dividendsMaximum", equalTo(50));
        // The board may still change the draft.
        as("bob").body(draft).put("/api/surplus/" + id).then().statusCode(200);

        as("alice").post("/api/surplus/" + id + "/open").then().statusCode(200).body("state", equalTo("open")).body("rollSize", equalTo(3));
        // Pots are frozen once voting opens.
        Map<String, Object> changed = new java.util.HashMap<>(draft);
        changed.put("pots", List.of(SurplusTestSteps.pot("Reinvestment", "reserve"), SurplusTestSteps.pot("Bonus", "member_dividend")));
        as("bob").body(changed).put("/api/surplus/" + id).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("frozen when voting opened"));
        as("bob").get("/api/surplus/" + id).then().body("pots", hasSize(3));

        // Bad splits: each a 422 naming the fault, and nothing written (voter1 can still vote after).
        as("voter1").body(Map.of("percents", List.of(50, 30, 10))).post("/api/surplus/" + id + "/ballots").then().statusCode(422)
                .contentType(PROBLEM).body("code", equalTo("ballot-invalid")).body("errors[0].message", containsString("add up to 90"))
                .body("errors[0].code", equalTo("percents-short-of-100")).body("errors[0].params.sum", equalTo(90)).body("errors[0].params.left", equalTo(10));
        as("voter1").body(Map.of("percents", List.of(60, 12.5, 27.5))).post("/api/surplus/" + id + "/ballots").then().statusCode(422)
                .body("errors.field", contains("percents[1]", "percents[2]")).body("errors[0].message", containsString("12.5 is not a whole percent"))
                .body("errors.code", contains("percent-not-whole", "percent-not-whole")).body("errors[0].params.value", equalTo("12.5"));
        as("voter1").body(Map.of("percents", List.of(110, -10, 0))).post("/api/surplus/" + id + "/ballots").then().statusCode(422)
                .body("errors.field", hasItem("percents[1]")).body("errors.message", hasItem(containsString("negative")))
                .body("errors.code", contains("percent-over-whole", "percent-negative")).body("errors[1].params.pot", equalTo("Staff dividend"));
        as("voter1").body(Map.of("percents", List.of(10, 50, 40))).post("/api/surplus/" + id + "/ballots").then().statusCode(422)
                .body("errors.message", hasItem(containsString("reserve-minimum"))).body("errors.message", hasItem(containsString("member-dividend-maximum")))
                .body("errors.code", hasItem("limit-reserve-minimum")).body("errors.code", hasItem("limit-member-dividend-maximum"));
        as("voter1").body(Map.of("percents", List.of(50, 50))).post("/api/surplus/" + id + "/ballots").then().statusCode(422)
                .body("errors[0].message", containsString("2 percents for 3 pots")).body("errors[0].code", equalTo("split-percents-count"))
                .body("errors[0].params.given", equalTo(2)).body("errors[0].params.pots", equalTo(3));
        as("voter1").get("/api/contests/" + id + "/ballots/mine").then().body("voted", equalTo(false));

        String t1 = castSplit("voter1", id, 70, 30, 0);
        castSplit("voter2", id, 50, 0, 50);
        castSplit("voter3", id, 20, 40, 40);
        as("voter1").body(Map.of("percents", List.of(70, 30, 0))).post("/api/surplus/" + id + "/ballots").then().statusCode(409);
        as("voter6").body(Map.of("percents", List.of(70, 30, 0))).post("/api/surplus/" + id + "/ballots").then().statusCode(403);
        // The bulletin board opens only at close.
        as("voter1").get("/api/surplus/" + id + "/bulletin").then().statusCode(409);

        move(id, "close");
        as("voter1").get("/api/surplus/" + id + "/bulletin").then().statusCode(200).body("ballots", hasSize(3))
                .body("pots", contains("Reinvestment", "Staff dividend", "Community fund"))
                .body("ballotDigest", matchesPattern("[0-9a-f]{64}")).body("auditHead.signature", notNullValue());
        as("voter1").get("/api/surplus/" + id + "/bulletin/" + t1).then().statusCode(200).body("ranking", contains(70, 30, 0));
        as("voter1").get("/api/surplus/" + id + "/bulletin/" + Tracker.shortCode(t1)).then().statusCode(200).body("tracker", equalTo(t1));
        // Members see no result before it is published.
        as("voter1").get("/api/surplus/" + id + "/result").then().statusCode(409);

        JsonPath counted = as("alice").post("/api/surplus/" + id + "/count").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(35_000, 30_000, 35_000), counted.getList("pots.pence"));
        assertEquals(List.of("£350.00", "£300.00", "£350.00"), counted.getList("pots.pounds"));
        assertEquals("7/40", counted.getString("report.t"));
        assertEquals(List.of(), counted.getList("limitRepairs"));
        move(id, "publish");
        as("voter2").get("/api/surplus/" + id + "/result").then().statusCode(200).body("pots.pence", contains(35_000, 30_000, 35_000))
                .body("ballots", equalTo(3)).body("rollSize", equalTo(3))
                .body("ballotDigest", matchesPattern("[0-9a-f]{64}")).body("sealedBallots", equalTo(3))
                .body("auditHead.hash", matchesPattern("[0-9a-f]{64}"));

        // Anyone can recount the published ballot file and get the published report.
        String file = as("voter1").get("/api/surplus/" + id + "/bulletin.txt").then().statusCode(200).extract().asString();
        Path f = Files.createTempFile("surplus", ".txt");
        Files.writeString(f, file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, SurplusRecount.run(new String[] { f.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        ObjectMapper json = new ObjectMapper();
        String published = as("voter1").get("/api/surplus/" + id + "/result").then().extract().jsonPath().prettify();
        assertEquals(json.readTree(published).path("report"), json.readTree(out.toString(StandardCharsets.UTF_8)));

        // --- The Staff dividend pot (30,000p) by hours worked, among members of home active on today's date ---
        String today = java.time.LocalDate.now().toString();
        String base = "/api/surplus/" + id + "/dividends/2?basis=hours&constituency=" + home + "&recordDate=" + today;
        String withOutsider = "member_id,hours\n" + m1 + ",12.5\n" + m2 + ",20\n" + m3 + ",7.25\n" + outsider + ",40\n";
        as("alice").contentType("text/csv").body(withOutsider).post(base + "&dryRun=true").then().statusCode(200)
                .body("rejected", equalTo(1)).body("results[3].row", equalTo(5))
                .body("results[3].reason", containsString("member " + outsider + " is not eligible"))
                .body("results[3].reason", containsString("which does not share this dividend"));
        as("alice").contentType("text/csv").body(withOutsider).post(base + "&dryRun=false").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("row 5")).body("errors[0].message", containsString("not eligible"));
        as("voter1").get("/api/surplus/dividends/mine").then().statusCode(200).body("", hasSize(0));
        as("alice").contentType("text/csv").body("member_id,hours\n" + m1 + ",-3\n" + m2 + ",1.234\nabc,2\n").post(base + "&dryRun=false")
                .then().statusCode(422).body("errors.field", contains("row 2", "row 3", "row 4"));

        // Hours 12.50, 20.00 and 7.25: W = 1250 + 2000 + 725 = 3975 hundredths. Quotas 30000 x 1250/3975 = 9433.96,
        // 30000 x 2000/3975 = 15094.34, 30000 x 725/3975 = 5471.70; floors 29,998; the 2p left go to .96 and .70.
        String csv = "member_id,hours\n" + m1 + ",12.5\n" + m2 + ",20\n" + m3 + ",7.25\n";
        JsonPath dry = as("alice").contentType("text/csv").body(csv).post(base + "&dryRun=true").then().statusCode(200).extract().jsonPath();
        // Shares come in member id order, and which of these members was registered first depends on the tests run before.
        Map<Long, Integer> pence = new java.util.HashMap<>();
        List<Number> ids = dry.getList("shares.memberId");
        List<Integer> amounts = dry.getList("shares.pence");
        for (int i = 0; i < ids.size(); i++) {
            pence.put(ids.get(i).longValue(), amounts.get(i));
        }
        assertEquals(Map.of(m1, 9434, m2, 15094, m3, 5472), pence);
        assertEquals(30_000, dry.getLong("totalPence"));
        JsonPath real = as("alice").contentType("text/csv").body(csv).post(base + "&dryRun=false").then().statusCode(200).extract().jsonPath();
        assertTrue(real.getBoolean("applied"));
        assertEquals(dry.getString("seed"), real.getString("seed"));
        assertEquals(dry.getString("inputsDigest"), real.getString("inputsDigest"));
        // Running it again with the same inputs gives the same pennies and writes nothing new; other inputs are refused.
        as("alice").contentType("text/csv").body(csv).post(base + "&dryRun=false").then().statusCode(200).body("applied", equalTo(false))
                .body("seed", equalTo(real.getString("seed")));
        as("alice").contentType("text/csv").body(csv.replace("7.25", "8")).post(base + "&dryRun=false").then().statusCode(409);

        as("voter1").get("/api/surplus/dividends/mine").then().statusCode(200).body("[0].pence", equalTo(9434))
                .body("[0].pounds", equalTo("£94.34")).body("[0].potName", equalTo("Staff dividend"))
                .body("[0].workings", containsString("12.50 hours of 39.75 hours"))
                .body("[0].seed", equalTo(real.getString("seed")));
        as("voter1").get("/api/surplus/" + id + "/dividends/2/members/" + m1).then().statusCode(200).body("pence", equalTo(9434));
        as("voter1").get("/api/surplus/" + id + "/dividends/2/members/" + m2).then().statusCode(403).contentType(PROBLEM);
        as("alice").get("/api/surplus/" + id + "/dividends/2/members/" + m2).then().statusCode(200).body("pence", equalTo(15094));
        String payroll = as("alice").get("/api/surplus/" + id + "/dividends/2/payroll.csv").then().statusCode(200).extract().asString();
        assertTrue(payroll.startsWith("member_id,external_id,name,email,basis,figure,pence,amount\r\n"), payroll);
        assertTrue(payroll.contains(m1 + ",,Test voter1,"), payroll);
        assertTrue(payroll.contains(",hours,1250,9434,94.34\r\n"), payroll);
        assertEquals(4, payroll.split("\r\n").length);
        as("alice").get("/api/audit?action=surplus.dividend-calculated&size=500").then().statusCode(200)
                .body("items.details.inputsDigest", hasItem(real.getString("inputsDigest")))
                .body("items.details.seed", hasItem(real.getString("seed")));
        // Not a dividend pot.
        as("alice").post("/api/surplus/" + id + "/dividends/3?basis=equal&constituency=" + home + "&recordDate=" + today)
                .then().statusCode(422).body("errors[0].message", containsString("Community fund"))
                .body("code", equalTo("dividend-settings-invalid")).body("errors[0].code", equalTo("pot-not-a-dividend"))
                .body("errors[0].params.name", equalTo("Community fund"));
    }

    @Test
    void draftsThatCannotWorkAreRefusedNamingEachFault() {
        long home = fixtures.constituency("Surplus drafts");
        as("bob").body(split(home, 12.5, "mean", null)).post("/api/surplus").then().statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("surplus-draft-invalid"))
                .body("errors[0].field", equalTo("surplusPence")).body("errors[0].message", containsString("not a whole number of pence"))
                .body("errors[0].code", equalTo("pence-not-whole")).body("errors[0].params.value", equalTo("12.5"));
        as("bob").body(split(home, 1000, "median", null)).post("/api/surplus").then().statusCode(422).body("errors[0].field", equalTo("rule"))
                .body("errors[0].code", equalTo("split-needs-rule"));
        Map<String, Object> noReserve = split(home, 1000, "mean", Map.of("reserveMinimum", 30));
        noReserve.put("pots", List.of(SurplusTestSteps.pot("Dividend", "member_dividend"), SurplusTestSteps.pot("Fund", "other")));
        as("bob").body(noReserve).post("/api/surplus").then().statusCode(422).body("errors[0].field", equalTo("limits"))
                .body("errors[0].message", containsString("reserve-minimum")).body("errors[0].code", equalTo("limit-reserve-minimum-no-reserve-pot"))
                .body("errors[0].params.minimum", equalTo(30));

        // Proposals are each checked against the limits when drafted: the second gives dividends 60% > 50%.
        Map<String, Object> proposals = split(home, 99_999, null, null);
        proposals.put("form", "proposals");
        proposals.remove("rule");
        proposals.put("proposals", List.of(Map.of("title", "Prudent", "percents", List.of(60, 20, 20)),
                Map.of("title", "Generous", "percents", List.of(20, 60, 20)), Map.of("title", "Community", "percents", List.of(40, 10, 50))));
        as("bob").body(proposals).post("/api/surplus").then().statusCode(422)
                .body("errors[0].field", equalTo("proposals[1].percents")).body("errors[0].message", containsString("dividends-maximum"))
                .body("errors[0].code", equalTo("limit-dividends-maximum")).body("errors[0].params.given", equalTo("60.00"));
    }

    /** Proposals ranked and counted by instant runoff; the winner's percents become pence. */
    @Test
    void proposalsAreRankedAndCountedByInstantRunoff() {
        long home = fixtures.constituency("Surplus proposals");
        for (String v : List.of("voter1", "voter2", "voter3", "voter4", "voter5")) {
            fixtures.activeMember(v, home);
        }
        Map<String, Object> body = split(home, 99_999, null, null);
        body.put("form", "proposals");
        body.remove("rule");
        body.put("proposals", List.of(Map.of("title", "Prudent", "percents", List.of(60, 20, 20)),
                Map.of("title", "Balanced", "percents", List.of(40, 30, 30)), Map.of("title", "Community", "percents", List.of(30, 10, 60))));
        long id = create(body);
        move(id, "open");
        as("voter1").body(Map.of("ranking", List.of(4))).post("/api/surplus/" + id + "/ballots").then().statusCode(422)
                .body("errors[0].message", containsString("no proposal 4"));
        as("voter1").body(Map.of("ranking", List.of(1, 1))).post("/api/surplus/" + id + "/ballots").then().statusCode(422);
        // First preferences: Prudent 2, Balanced 1, Community 2. Balanced is excluded; its ballot goes to
        // Community (its second preference): Community 3 of 5 wins.
        for (Object[] v : new Object[][] { { "voter1", List.of(1, 2) }, { "voter2", List.of(1) }, { "voter3", List.of(2, 3) },
                { "voter4", List.of(3, 1) }, { "voter5", List.of(3) } }) {
            as((String) v[0]).body(Map.of("ranking", v[1])).post("/api/surplus/" + id + "/ballots").then().statusCode(201);
        }
        move(id, "close");
        // 30% / 10% / 60% of 99,999p: 29,999.7, 9,999.9, 59,999.4; floors 99,997; 2p to .9 and .7.
        as("alice").post("/api/surplus/" + id + "/count").then().statusCode(200).body("winningProposal", equalTo(3))
                .body("rule", equalTo("irv")).body("pots.pence", contains(30_000, 10_000, 59_999));
    }

    /**
     * One penny among three pots: ballots (40,30,30), (30,40,30), (30,30,40) average to a third each, so
     * each quota is 1/3p and all three tie. The penny goes to the pot with the smallest
     * SHA-256("mutualvote-tie-v1\n" + seed + "\n" + position), the seed being published with the result.
     */
    @Test
    void onePennyAmongThreePotsGoesWhereThePublishedSeedSays() throws Exception {
        long home = fixtures.constituency("Surplus penny");
        for (String v : List.of("voter1", "voter2", "voter3")) {
            fixtures.activeMember(v, home);
        }
        long id = create(split(home, 1, "mean", Map.of("dividendsMaximum", 100)));
        move(id, "open");
        castSplit("voter1", id, 40, 30, 30);
        castSplit("voter2", id, 30, 40, 30);
        castSplit("voter3", id, 30, 30, 40);
        move(id, "close");
        JsonPath r = as("alice").post("/api/surplus/" + id + "/count").then().statusCode(200).extract().jsonPath();
        List<Integer> pence = r.getList("pots.pence");
        assertEquals(1, pence.stream().mapToInt(Integer::intValue).sum());
        String seed = r.getString("seed");
        int expected = 0;
        for (int i = 1; i < 3; i++) {
            if (key(seed, i + 1).compareTo(key(seed, expected + 1)) < 0) {
                expected = i;
            }
        }
        assertEquals(1, pence.get(expected), "pots " + pence + ", seed " + seed);
        assertEquals(List.of("1/3", "1/3", "1/3"), r.getList("pots.share"));
    }

    private static String key(String seed, int position) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("mutualvote-tie-v1\n" + seed + "\n" + position).getBytes(StandardCharsets.UTF_8)));
    }
}
