package org.mutualvote.hardening;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.election.ElectionTestSteps;
import org.mutualvote.support.Fixtures;
import org.mutualvote.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation the service publishes in /q/openapi, called by each kind of caller, against ONE table
 * of expected statuses. A route missing from the table fails the test with the row to add (after
 * checking the statuses it printed are the ones wanted).
 *
 * <p>How the calls are made, so each status means "the role check let it through or not":
 * {@code {id}} is a real open election (or constituency, or member) for reads and for casting, and an id that does not
 * exist for every other change, so admitted callers get 404 and nothing is changed; bodies are
 * {@code {}} (400 for admitted callers) except the ballot, which is a real vote. "Member here" is on the
 * election's roll; "member elsewhere" belongs to another constituency. Motion polls and surplus votes are the
 * exception: each of their operations is called on a real contest of its own, in the state it is for, with a real
 * body (see {@link MatrixContests}), so their rows are the answers members and officials really get.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** Who calls, in the order of each row's statuses. */
    static final List<String> CALLERS = List.of("anonymous", "member here", "member elsewhere", "board", "admin", "scrutineer");
    private static final long MISSING = 999_999_999L;

    /** THE table: "METHOD /path" and the status for each caller, in CALLERS order. */
    static final Map<String, int[]> EXPECTED = new TreeMap<>();

    private static void row(String operation, int anonymous, int memberHere, int memberElsewhere, int board, int admin, int scrutineer) {
        EXPECTED.put(operation, new int[] { anonymous, memberHere, memberElsewhere, board, admin, scrutineer });
    }

    static {
        // Audit log: officials only, but for the public key that checks the heads.
        row("GET /api/audit", 401, 403, 403, 403, 200, 200);
        row("GET /api/audit/verify", 401, 403, 403, 403, 200, 200);
        row("GET /api/audit/head", 401, 403, 403, 403, 200, 200);
        row("POST /api/audit/verify", 401, 403, 403, 403, 400, 400); // officials; the body (a kept head) is missing here
        row("GET /api/audit/public-key", 200, 200, 200, 200, 200, 200); // the key that signs heads: public, like the heads on boards
        // Casting: members on the roll only; the ballot itself is accepted once.
        row("POST /api/contests/{id}/ballots", 401, 201, 403, 403, 403, 403);
        row("GET /api/contests/{id}/ballots/mine", 401, 200, 200, 403, 403, 403);
        row("GET /api/contests/mine", 401, 200, 200, 403, 403, 403);
        row("GET /api/contests/turnout", 401, 403, 403, 200, 200, 200);
        // Elections: the returning officer runs them; members see their own constituency's.
        row("GET /api/elections", 401, 200, 200, 200, 200, 200);
        row("POST /api/elections", 401, 403, 403, 403, 400, 403);
        row("GET /api/elections/{id}", 401, 200, 404, 200, 200, 200);
        row("PUT /api/elections/{id}", 401, 403, 403, 403, 400, 403);
        row("POST /api/elections/{id}/candidates", 401, 403, 403, 403, 400, 403);
        row("POST /api/elections/{id}/candidates/{candidateId}/withdraw", 401, 403, 403, 403, 404, 403);
        row("POST /api/elections/{id}/nominations", 401, 403, 403, 403, 404, 403);
        row("POST /api/elections/{id}/open", 401, 403, 403, 403, 404, 403);
        row("POST /api/elections/{id}/close", 401, 403, 403, 403, 404, 403);
        row("POST /api/elections/{id}/paper-ballots", 401, 403, 403, 403, 400, 403); // admin: the marked register is missing
        row("POST /api/elections/{id}/count", 401, 403, 403, 403, 404, 403);
        row("POST /api/elections/{id}/publish", 401, 403, 403, 403, 404, 403);
        row("GET /api/elections/{id}/result", 401, 409, 404, 409, 409, 409); // not counted yet; hidden from other constituencies
        row("GET /api/elections/{id}/turnout", 401, 403, 403, 200, 200, 200);
        // A member of another constituency gets the same 404 as for the result (issue 11).
        row("GET /api/elections/{id}/bulletin", 401, 409, 404, 409, 409, 409);
        row("GET /api/elections/{id}/bulletin.blt", 401, 409, 404, 409, 409, 409);
        row("GET /api/elections/{id}/bulletin.txt", 401, 409, 404, 409, 409, 409);
        row("GET /api/elections/{id}/bulletin/{tracker}", 401, 409, 404, 409, 409, 409);
        row("GET /api/elections/{id}/recount", 401, 409, 404, 409, 409, 409); // like the board, after close
        // Foundation-trust election rules (ni85 branch): officials and the board read the timetable and notices.
        row("GET /api/elections/{id}/documents/{file}", 401, 403, 403, 404, 404, 404); // no such file
        row("GET /api/elections/{id}/rejected-papers", 401, 403, 403, 403, 200, 200);
        row("POST /api/elections/{id}/rejected-papers", 401, 403, 403, 403, 400, 403);
        row("GET /api/elections/{id}/timetable", 401, 403, 403, 404, 404, 404); // none set yet
        row("PUT /api/elections/{id}/timetable", 401, 403, 403, 403, 404, 403);
        row("GET /api/elections/{id}/timetable/proposal", 401, 403, 403, 403, 400, 403); // closeOfPoll missing
        // Motions and surplus votes: each operation is called on a contest of its own in the state it is for
        // (MatrixContests), so these are the real answers. The board drafts and gives notice; the returning officer
        // (admin) runs the poll; members of the constituency it is put to see it, vote and appoint proxies; a member
        // of another constituency gets 404 for everything about it, as for an election.
        row("POST /api/motions", 401, 403, 403, 201, 403, 403);
        row("PUT /api/motions/{id}", 401, 403, 403, 200, 403, 403); // a draft
        row("POST /api/motions/{id}/notice", 401, 403, 403, 200, 403, 403); // a draft
        row("GET /api/motions", 401, 200, 200, 200, 200, 200);
        row("GET /api/motions/{id}/proxy", 401, 200, 404, 403, 403, 403); // notice given, before voting
        row("POST /api/motions/{id}/proxy", 401, 201, 404, 403, 403, 403); // appoints the other member here
        row("DELETE /api/motions/{id}/proxy", 401, 200, 404, 403, 403, 403); // revokes the member's appointment
        row("PUT /api/motions/{id}/timetable", 401, 403, 403, 403, 200, 403);
        row("POST /api/motions/{id}/open", 401, 403, 403, 403, 200, 403);
        row("GET /api/motions/{id}", 401, 200, 404, 200, 200, 200); // open
        row("GET /api/motions/{id}/proxies", 401, 403, 403, 403, 200, 200);
        row("POST /api/motions/{id}/proxies/{appointment}/ballot", 401, 201, 404, 403, 403, 403); // the member here holds it
        row("POST /api/motions/{id}/close", 401, 403, 403, 403, 200, 403);
        row("POST /api/motions/{id}/count", 401, 403, 403, 403, 200, 403);
        row("POST /api/motions/{id}/publish", 401, 403, 403, 403, 200, 403);
        row("GET /api/motions/{id}/result", 401, 200, 404, 200, 200, 200); // published
        row("GET /api/motions/{id}/bulletin", 401, 200, 404, 200, 200, 200);
        row("GET /api/motions/{id}/bulletin.txt", 401, 200, 404, 200, 200, 200);
        row("GET /api/motions/{id}/bulletin/{tracker}", 401, 200, 404, 200, 200, 200); // the member here's own ballot
        row("POST /api/surplus", 401, 403, 403, 201, 403, 403);
        row("PUT /api/surplus/{id}", 401, 403, 403, 200, 403, 403); // a draft
        row("POST /api/surplus/{id}/open", 401, 403, 403, 403, 200, 403);
        row("GET /api/motions/{id}/recount", 401, 200, 404, 200, 200, 200); // published: like the result it checks
        row("GET /api/surplus", 401, 200, 200, 200, 200, 200);
        row("GET /api/surplus/{id}", 401, 200, 404, 200, 200, 200); // open
        row("POST /api/surplus/{id}/ballots", 401, 201, 403, 403, 403, 403); // a real split; elsewhere: not on the roll
        row("POST /api/surplus/{id}/close", 401, 403, 403, 403, 200, 403);
        row("POST /api/surplus/{id}/count", 401, 403, 403, 403, 200, 403);
        row("POST /api/surplus/{id}/publish", 401, 403, 403, 403, 200, 403);
        row("GET /api/surplus/{id}/result", 401, 200, 404, 200, 200, 200); // published
        row("GET /api/surplus/{id}/bulletin", 401, 200, 404, 200, 200, 200);
        row("GET /api/surplus/{id}/bulletin.txt", 401, 200, 404, 200, 200, 200);
        row("GET /api/surplus/{id}/bulletin/{tracker}", 401, 200, 404, 200, 200, 200);
        row("POST /api/surplus/{id}/dividends/{pot}", 401, 403, 403, 403, 200, 403); // a dry run
        row("GET /api/surplus/{id}/dividends/{pot}/payroll.csv", 401, 403, 403, 403, 200, 403); // shared
        row("GET /api/surplus/{id}/dividends/{pot}/members/{memberId}", 401, 200, 403, 403, 200, 200); // the member here's share
        row("GET /api/surplus/dividends/mine", 401, 200, 200, 200, 200, 200);
        row("GET /api/surplus/{id}/recount", 401, 200, 404, 200, 200, 200); // published: like the result it checks
        // Constituencies: anyone logged in reads them; admins change them.
        row("GET /api/constituencies", 401, 200, 200, 200, 200, 200);
        row("POST /api/constituencies", 401, 403, 403, 403, 400, 403);
        row("GET /api/constituencies/{id}", 401, 200, 200, 200, 200, 200);
        row("PUT /api/constituencies/{id}", 401, 403, 403, 403, 400, 403);
        row("DELETE /api/constituencies/{id}", 401, 403, 403, 403, 404, 403);
        row("POST /api/constituencies/{id}/retire", 401, 403, 403, 403, 404, 403);
        // The register: one's own record for anyone logged in; everyone's for admins only.
        row("POST /api/members", 401, 400, 400, 400, 400, 400);
        row("GET /api/members/me", 401, 200, 200, 404, 404, 404);
        row("PUT /api/members/me", 401, 400, 400, 400, 400, 400);
        row("POST /api/members/me/leave", 401, 200, 200, 404, 404, 404);
        row("POST /api/members/me/rejoin", 401, 200, 200, 404, 404, 404); // after leaving
        row("DELETE /api/members/me", 401, 204, 204, 404, 404, 404);
        row("GET /api/organisation", 200, 200, 200, 200, 200, 200); // the landing page's words, public
        row("GET /api/members", 401, 403, 403, 403, 200, 403);
        row("GET /api/members/counts", 401, 403, 403, 200, 200, 200);
        row("GET /api/members/export", 401, 403, 403, 403, 200, 403);
        row("POST /api/members/import", 401, 403, 403, 403, 422, 403);
        row("GET /api/members/{id}", 401, 403, 403, 403, 200, 403);
        row("DELETE /api/members/{id}", 401, 403, 403, 403, 404, 403);
        row("POST /api/members/{id}/approve", 401, 403, 403, 403, 404, 403);
        row("POST /api/members/{id}/reject", 401, 403, 403, 403, 400, 403);
        row("PUT /api/members/{id}/status", 401, 403, 403, 403, 400, 403);
        row("GET /api/me", 401, 200, 200, 200, 200, 200);
        // The portal's login link: a browser is sent to the provider; an API caller gets 401.
        row("GET /login", 302, 303, 303, 303, 303, 303);
        // Only in tests: web/ProblemProbeResource.
        row("POST /api/test-probe", 401, 400, 400, 400, 400, 400);
    }

    @Inject
    Fixtures fixtures;

    /** A change the member here made (201), to send again. */
    record Replay(String key, String token, String bodyType, Object body, String path) {
    }

    record Operation(String method, String path, String bodyType) {
        String key() {
            return method + " " + path;
        }

        /** Reads first, then the one real ballot, then other changes, then leaving, and erasing one's own record last. */
        int phase() {
            if (method.equals("GET")) {
                return 0;
            }
            if (path.endsWith("/ballots")) {
                return 1;
            }
            if (!path.startsWith("/api/members/me")) {
                return 2;
            }
            return method.equals("DELETE") ? 4 : 3;
        }
    }

    @Test
    void everyOperationAdmitsExactlyTheCallersInTheTable() {
        List<Operation> operations = operations();
        List<String> missing = new ArrayList<>();
        for (Operation op : operations) {
            if (!EXPECTED.containsKey(op.key())) {
                missing.add(op.key());
            }
        }
        // A world to call into: an open election in one constituency, a member on its roll, one elsewhere.
        long here = fixtures.constituency("Matrix here");
        long elsewhere = fixtures.constituency("Matrix elsewhere");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("member here", Tokens.accessToken("voter5"));
        tokens.put("member elsewhere", Tokens.accessToken("voter6"));
        tokens.put("board", Tokens.accessToken("bob"));
        tokens.put("admin", Tokens.accessToken("alice"));
        tokens.put("scrutineer", Tokens.accessToken("sam"));
        long memberHere = fixtures.activeMember("voter5", here);
        fixtures.activeMember("voter6", elsewhere);
        long election = ElectionTestSteps.create(here, 1, "fptp", null);
        long candidate = ElectionTestSteps.nominate(election, "Ada");
        ElectionTestSteps.nominate(election, "Bo");
        ElectionTestSteps.move(election, "nominations");
        ElectionTestSteps.move(election, "open");
        // Motion polls and surplus votes, one per operation in the state it is for (MatrixContests).
        long otherHere = fixtures.activeMember("voter7", here);
        Map<String, MatrixContests.Call> calls = MatrixContests.build(here, memberHere, "voter5", otherHere, "voter7");
        List<String> unset = operations.stream().map(Operation::key)
                .filter(k -> k.matches("\\S+ /api/(motions|surplus)/\\{id}.*") && !calls.containsKey(k)).toList();

        List<String> wrong = new ArrayList<>();
        List<Replay> replays = new ArrayList<>();
        operations.sort(Comparator.comparingInt(Operation::phase).thenComparing(Operation::key));
        int replayed = 0;
        for (Operation op : operations) {
            if (op.phase() >= 3 && replayed == 0) {
                replayed = replay(replays, wrong); // while the member here is still a member
            }
            int[] got = new int[CALLERS.size()];
            for (int i = 0; i < CALLERS.size(); i++) {
                RequestSpecification spec = given().redirects().follow(false);
                String caller = CALLERS.get(i);
                if (tokens.containsKey(caller)) {
                    spec = spec.auth().oauth2(tokens.get(caller));
                }
                MatrixContests.Call call = calls.get(op.key());
                if (call != null) {
                    String path = op.path().replace("{id}", String.valueOf(call.id()));
                    for (Map.Entry<String, String> p : call.parameters().entrySet()) {
                        path = path.replace("{" + p.getKey() + "}", p.getValue());
                    }
                    if (op.bodyType() != null) {
                        spec = spec.contentType(op.bodyType()).body(call.body() != null ? call.body() : op.bodyType().contains("json") ? "{}" : "x");
                    }
                    got[i] = spec.request(op.method(), path + call.query()).statusCode();
                    if (got[i] == 201 && caller.equals("member here")) {
                        replays.add(new Replay(op.key(), tokens.get(caller), op.bodyType(), call.body(), path + call.query()));
                    }
                    continue;
                }
                boolean real = op.method().equals("GET") || op.phase() == 1;
                String path = op.path().replace("{candidateId}", String.valueOf(real ? candidate : MISSING))
                        .replace("{tracker}", "0".repeat(64))
                        .replace("{id}", String.valueOf(!real ? MISSING
                                : op.path().startsWith("/api/constituencies") ? here
                                : op.path().startsWith("/api/members") ? memberHere : election))
                        .replaceAll("\\{[^}]+}", "unknown"); // any other parameter: a name that is not there
                if (op.bodyType() != null) {
                    spec = spec.contentType(op.bodyType());
                    if (op.phase() == 1) {
                        spec = spec.body("{\"choices\":[" + candidate + "]}");
                    } else {
                        spec = spec.body(op.bodyType().contains("json") ? "{}" : "x");
                    }
                }
                got[i] = spec.request(op.method(), path).statusCode();
            }
            int[] want = EXPECTED.get(op.key());
            if (want != null && !java.util.Arrays.equals(want, got)) {
                wrong.add(op.key() + ": expected " + java.util.Arrays.toString(want) + " but got " + java.util.Arrays.toString(got));
            }
            if (want == null) {
                missing.set(missing.indexOf(op.key()), "row(\"" + op.key() + "\", " + String.join(", ",
                        java.util.Arrays.stream(got).mapToObj(String::valueOf).toList()) + ");");
            }
        }
        assertTrue(replayed >= 3, "the member here's casts and appointment were not replayed: " + replays);
        List<String> stale = EXPECTED.keySet().stream().filter(k -> operations.stream().noneMatch(o -> o.key().equals(k))).toList();
        assertTrue(missing.isEmpty() && wrong.isEmpty() && stale.isEmpty() && unset.isEmpty(),
                "Callers in order " + CALLERS + ".\n"
                        + (unset.isEmpty() ? "" : "Motion and surplus operations with no contest set up for them in MatrixContests:\n  "
                                + String.join("\n  ", unset) + "\n")
                        + (missing.isEmpty() ? "" : "Operations missing from AuthorizationMatrixTest's table: add these rows (statuses seen"
                                + " now; check each is what the role should get before pasting):\n  " + String.join("\n  ", missing) + "\n")
                        + (wrong.isEmpty() ? "" : "Statuses that differ from the table:\n  " + String.join("\n  ", wrong) + "\n")
                        + (stale.isEmpty() ? "" : "Rows for operations that no longer exist:\n  " + String.join("\n  ", stale)));
    }

    /** The same requests again, word for word (a replay, or a double click): refused, nothing cast or appointed twice. */
    private static int replay(List<Replay> replays, List<String> wrong) {
        for (Replay r : replays) {
            int again = given().auth().oauth2(r.token()).contentType(r.bodyType()).body(r.body()).post(r.path()).statusCode();
            if (again != 409) {
                wrong.add(r.key() + " sent again by the member here: expected 409 but got " + again);
            }
        }
        return replays.size();
    }

    /** Every operation in the published OpenAPI document, with the media type of its body if it takes one. */
    @SuppressWarnings("unchecked")
    static List<Operation> operations() {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<Operation> ops = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, detail) -> {
            if (!(detail instanceof Map<?, ?> d) || method.equals("parameters")) {
                return;
            }
            String bodyType = null;
            if (d.get("requestBody") instanceof Map<?, ?> rb && rb.get("content") instanceof Map<?, ?> content && !content.isEmpty()) {
                bodyType = (String) content.keySet().iterator().next();
            }
            ops.add(new Operation(method.toUpperCase(java.util.Locale.ROOT), path, bodyType));
        }));
        return ops;
    }
}
