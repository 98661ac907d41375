package org.mutualvote.surplus;

import static org.mutualvote.election.ElectionTestSteps.as;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small steps of the surplus API, as the board, the returning officer and members take them. */
final class SurplusTestSteps {

    private SurplusTestSteps() {
    }

    static Map<String, Object> pot(String name, String kind) {
        return Map.of("name", name, "kind", kind);
    }

    /** Reinvestment (reserve), Staff dividend (member dividend), Community fund (other). */
    static List<Map<String, Object>> threePots() {
        return List.of(pot("Reinvestment", "reserve"), pot("Staff dividend", "member_dividend"), pot("Community fund", "other"));
    }

    static Map<String, Object> split(long constituency, Object surplusPence, String rule, Map<String, Object> limits) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Surplus " + System.nanoTime());
        body.put("constituencyId", constituency);
        body.put("surplusPence", surplusPence);
        body.put("form", "split");
        body.put("rule", rule);
        body.put("pots", threePots());
        if (limits != null) {
            body.put("limits", limits);
        }
        return body;
    }

    static long create(Map<String, Object> body) {
        return as("bob").body(body).post("/api/surplus").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static void move(long id, String step) {
        as("alice").post("/api/surplus/" + id + "/" + step).then().statusCode(200);
    }

    static String castSplit(String voter, long id, int... percents) {
        List<Integer> p = new ArrayList<>();
        for (int x : percents) {
            p.add(x);
        }
        return as(voter).body(Map.of("percents", p)).post("/api/surplus/" + id + "/ballots")
                .then().statusCode(201).extract().path("tracker");
    }
}
