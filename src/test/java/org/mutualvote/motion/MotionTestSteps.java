package org.mutualvote.motion;

import static org.mutualvote.election.ElectionTestSteps.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Steps of the motions API as the board, the returning officer and members take them. */
public final class MotionTestSteps {

    public static final long FOR = 1;
    public static final long AGAINST = 2;
    public static final long ABSTAIN = 3;

    private MotionTestSteps() {
    }

    /** A motion with the given threshold, counted over votes for and against. */
    public static Map<String, Object> motion(String title, String threshold) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", title);
        m.put("resolution", "That the members resolve: " + title + ".");
        m.put("statementFor", "The board recommends it.");
        m.put("threshold", threshold);
        return m;
    }

    public static Map<String, Object> with(Map<String, Object> motion, String key, Object value) {
        motion.put(key, value);
        return motion;
    }

    /** Drafts as the board, gives notice and opens voting as the returning officer. */
    public static long open(List<Long> constituencies, List<Map<String, Object>> motions) {
        long id = draft(constituencies, motions);
        as("bob").post("/api/motions/" + id + "/notice").then().statusCode(200);
        as("alice").post("/api/motions/" + id + "/open").then().statusCode(200);
        return id;
    }

    public static long draft(List<Long> constituencies, List<Map<String, Object>> motions) {
        return as("bob").body(Map.of("title", "AGM " + System.nanoTime(), "constituencyIds", constituencies, "motions", motions))
                .post("/api/motions").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static String vote(String voter, long poll, Long... answers) {
        return as(voter).body(Map.of("choices", List.of(answers))).post("/api/contests/" + poll + "/ballots")
                .then().statusCode(201).extract().path("tracker");
    }

    /** Closes, counts and publishes; returns the published result. */
    public static JsonPath declare(long poll) {
        as("alice").post("/api/motions/" + poll + "/close").then().statusCode(200);
        as("alice").post("/api/motions/" + poll + "/count").then().statusCode(200);
        return as("alice").post("/api/motions/" + poll + "/publish").then().statusCode(200).extract().jsonPath();
    }

    public static String reason(JsonPath result, int position) {
        return result.getString("report.motions[" + (position - 1) + "].outcome.reason");
    }
}
