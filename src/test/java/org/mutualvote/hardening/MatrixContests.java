package org.mutualvote.hardening;

import static org.mutualvote.election.ElectionTestSteps.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mutualvote.motion.MotionTestSteps;

/**
 * The motion polls and surplus votes the authorization matrix calls into: for each of their operations, a contest
 * of its own in the state the operation is for (a draft to edit, a poll with notice given to appoint a proxy in, an
 * open vote to cast in, a closed one to count, a published one to read), so every caller's status is the real one
 * and one operation's change never moves another's contest. All are put to the "here" constituency; "member here"
 * is on their rolls, with a second member here ({@code otherSubject}) to appoint and hold proxies.
 */
final class MatrixContests {

    /** How the matrix calls one operation: the contest, the other path parameters, a query and a body (null: the default). */
    record Call(long id, Map<String, String> parameters, String query, Object body) {
        static Call of(long id) {
            return new Call(id, Map.of(), "", null);
        }

        Call with(String parameter, Object value) {
            Map<String, String> p = new HashMap<>(parameters);
            p.put(parameter, String.valueOf(value));
            return new Call(id, p, query, body);
        }

        Call query(String q) {
            return new Call(id, parameters, q, body);
        }

        Call body(Object b) {
            return new Call(id, parameters, query, b);
        }
    }

    private MatrixContests() {
    }

    /** A poll of one motion put to {@code here}, as the board drafts it. */
    static Map<String, Object> poll(long here) {
        return Map.of("title", "Matrix poll " + System.nanoTime(), "constituencyIds", List.of(here),
                "motions", List.of(MotionTestSteps.motion("Matrix motion", "ordinary")));
    }

    /** A split of a £1,000 surplus over three pots in {@code here}, as the board drafts it. */
    static Map<String, Object> surplus(long here) {
        return Map.of("title", "Matrix surplus " + System.nanoTime(), "constituencyId", here, "surplusPence", 100_000, "form", "split",
                "rule", "mean", "pots", List.of(Map.of("name", "Reinvestment", "kind", "reserve"),
                        Map.of("name", "Staff dividend", "kind", "member_dividend"), Map.of("name", "Community fund", "kind", "other")));
    }

    static final Map<String, Object> SPLIT = Map.of("percents", List.of(40, 30, 30));
    static final int DIVIDEND_POT = 2;

    /** Every motion and surplus operation that names a contest, with the call that exercises it. */
    static Map<String, Call> build(long here, long memberHere, String memberSubject, long otherMember, String otherSubject) {
        Map<String, Call> calls = new HashMap<>();
        Map<String, Object> appointOther = Map.of("holderMembershipNumber", otherMember, "kind", "discretionary");

        // --- Motion polls: drafted by the board, noticed by the board, run by the returning officer ---
        calls.put("POST /api/motions", Call.of(0).body(poll(here)));
        calls.put("PUT /api/motions/{id}", Call.of(draftPoll(here)).body(poll(here)));
        calls.put("POST /api/motions/{id}/notice", Call.of(draftPoll(here)));
        long noticed = noticedPoll(here);
        calls.put("GET /api/motions/{id}/proxy", Call.of(noticed));
        calls.put("POST /api/motions/{id}/proxy", Call.of(noticed).body(appointOther));
        calls.put("PUT /api/motions/{id}/timetable", Call.of(noticed).body(Map.of()));
        long revoking = noticedPoll(here);
        as(memberSubject).body(appointOther).post("/api/motions/" + revoking + "/proxy").then().statusCode(201);
        calls.put("DELETE /api/motions/{id}/proxy", Call.of(revoking));
        calls.put("POST /api/motions/{id}/open", Call.of(noticedPoll(here)));
        // An open poll in which the member here holds the other member's proxy.
        long open = noticedPoll(here);
        long appointment = as(otherSubject).body(Map.of("holderMembershipNumber", memberHere, "kind", "discretionary"))
                .post("/api/motions/" + open + "/proxy").then().statusCode(201).extract().jsonPath().getLong("id");
        move("motions", open, "open");
        calls.put("GET /api/motions/{id}", Call.of(open));
        calls.put("GET /api/motions/{id}/proxies", Call.of(open));
        calls.put("POST /api/motions/{id}/proxies/{appointment}/ballot",
                Call.of(open).with("appointment", appointment).body(Map.of("choices", List.of(MotionTestSteps.FOR))));
        calls.put("POST /api/motions/{id}/close", Call.of(openPoll(here)));
        calls.put("POST /api/motions/{id}/count", Call.of(move("motions", openPoll(here), "close")));
        calls.put("POST /api/motions/{id}/publish", Call.of(move("motions", openPoll(here), "close", "count")));
        long published = openPoll(here);
        String pollTracker = MotionTestSteps.vote(memberSubject, published, MotionTestSteps.FOR);
        move("motions", published, "close", "count", "publish");
        for (String read : List.of("result", "recount", "bulletin", "bulletin.txt", "bulletin/{tracker}")) {
            calls.put("GET /api/motions/{id}/" + read, Call.of(published).with("tracker", pollTracker));
        }

        // --- Surplus votes: drafted by the board, run by the returning officer, shared out as dividends ---
        calls.put("POST /api/surplus", Call.of(0).body(surplus(here)));
        calls.put("PUT /api/surplus/{id}", Call.of(draftSurplus(here)).body(surplus(here)));
        calls.put("POST /api/surplus/{id}/open", Call.of(draftSurplus(here)));
        long openSurplus = openSurplus(here);
        calls.put("GET /api/surplus/{id}", Call.of(openSurplus));
        calls.put("POST /api/surplus/{id}/ballots", Call.of(openSurplus).body(SPLIT));
        calls.put("POST /api/surplus/{id}/close", Call.of(openSurplus(here)));
        // A surplus vote is counted only with ballots: the member here casts one in each.
        long closedSurplus = openSurplus(here);
        castSplit(memberSubject, closedSurplus);
        calls.put("POST /api/surplus/{id}/count", Call.of(move("surplus", closedSurplus, "close")));
        long countedSurplus = openSurplus(here);
        castSplit(memberSubject, countedSurplus);
        calls.put("POST /api/surplus/{id}/publish", Call.of(move("surplus", countedSurplus, "close", "count")));
        long publishedSurplus = openSurplus(here);
        String surplusTracker = castSplit(memberSubject, publishedSurplus);
        move("surplus", publishedSurplus, "close", "count", "publish");
        String shareAmongHere = "?basis=equal&constituency=" + here + "&recordDate=" + java.time.LocalDate.now();
        as("alice").post("/api/surplus/" + publishedSurplus + "/dividends/" + DIVIDEND_POT + shareAmongHere + "&dryRun=false")
                .then().statusCode(200);
        for (String read : List.of("result", "recount", "bulletin", "bulletin.txt", "bulletin/{tracker}")) {
            calls.put("GET /api/surplus/{id}/" + read, Call.of(publishedSurplus).with("tracker", surplusTracker));
        }
        calls.put("GET /api/surplus/{id}/dividends/{pot}/payroll.csv", Call.of(publishedSurplus).with("pot", DIVIDEND_POT));
        calls.put("GET /api/surplus/{id}/dividends/{pot}/members/{memberId}",
                Call.of(publishedSurplus).with("pot", DIVIDEND_POT).with("memberId", memberHere));
        // A dry run on a published vote whose dividend pot is not shared yet: nothing is written.
        long unshared = openSurplus(here);
        castSplit(memberSubject, unshared);
        move("surplus", unshared, "close", "count", "publish");
        calls.put("POST /api/surplus/{id}/dividends/{pot}", Call.of(unshared).with("pot", DIVIDEND_POT).query(shareAmongHere).body(""));
        return calls;
    }

    private static long draftPoll(long here) {
        return as("bob").body(poll(here)).post("/api/motions").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long noticedPoll(long here) {
        long id = draftPoll(here);
        as("bob").post("/api/motions/" + id + "/notice").then().statusCode(200);
        return id;
    }

    private static long openPoll(long here) {
        return move("motions", noticedPoll(here), "open");
    }

    private static long draftSurplus(long here) {
        return as("bob").body(surplus(here)).post("/api/surplus").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long openSurplus(long here) {
        return move("surplus", draftSurplus(here), "open");
    }

    private static String castSplit(String voter, long id) {
        return as(voter).body(SPLIT).post("/api/surplus/" + id + "/ballots").then().statusCode(201).extract().path("tracker");
    }

    /** The returning officer takes each step in turn (open, close, count, publish); returns the contest. */
    private static long move(String kind, long id, String... steps) {
        for (String step : steps) {
            as("alice").post("/api/" + kind + "/" + id + "/" + step).then().statusCode(200);
        }
        return id;
    }
}
