package org.mutualvote.hardening;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Rule 7 under fire: at least 10,000 generated bad requests across every operation that takes input
 * (path, query or body), sent by a caller holding every role so the input is what gets judged. Every
 * answer must be a 4xx problem+json (never a 5xx, never a bare body) and the database must be exactly as
 * before (every table's row count and content checksum; rate_window, a counter of attempts, aside).
 * The generator is seeded: set -Dhostile.seed=N to replay a run; -Dhostile.requests=N to send more.
 */
@QuarkusTest
class HostileInputTest {

    private static final long SEED = Long.getLong("hostile.seed", 20261123L);
    private static final int REQUESTS = Integer.getInteger("hostile.requests", 10_000);
    private static final int HUGE_BODIES = 4;

    @Inject
    DataSource db;

    record Operation(String method, String path, String bodyType, Map<String, String> fields, List<String> query) {
    }

    @Test
    @TestSecurity(user = "hostile", roles = { "member", "board", "admin", "scrutineer" })
    void tenThousandBadRequestsGetProblemsAndChangeNothing() throws Exception {
        List<Operation> operations = operations();
        assertTrue(operations.size() >= 15, "operations that take input: " + operations.size());
        List<Operation> withBody = operations.stream().filter(o -> o.bodyType() != null).toList();
        Map<String, String> before = snapshot();

        Random random = new Random(SEED);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", String.class);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(4);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long started = System.nanoTime();
        for (int n = 0; n < REQUESTS; n++) {
            // The first few are 10 MB bodies, so they go to operations that take a body.
            List<Operation> targets = n < HUGE_BODIES ? withBody : operations;
            Operation op = targets.get(random.nextInt(targets.size()));
            Attack attack = attack(op, random, n < HUGE_BODIES);
            inFlight.acquire();
            int number = n;
            pool.execute(() -> {
                try {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + attack.pathAndQuery()))
                            .timeout(Duration.ofSeconds(60))
                            .method(op.method(), attack.body() == null ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(attack.body()));
                    if (attack.contentType() != null) {
                        b.header("Content-Type", attack.contentType());
                    }
                    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                    statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                    String type = r.headers().firstValue("Content-Type").orElse("");
                    if (r.statusCode() >= 500 || r.statusCode() < 400 || !type.startsWith("application/problem+json")) {
                        failures.add("#" + number + " " + op.method() + " " + attack.pathAndQuery() + " [" + attack.what() + ", "
                                + attack.contentType() + "] -> " + r.statusCode() + " " + type + " "
                                + r.body().substring(0, Math.min(200, r.body().length())));
                    }
                } catch (Exception e) {
                    failures.add("#" + number + " " + op.method() + " " + op.path() + " [" + attack.what() + "] -> " + e);
                } finally {
                    inFlight.release();
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.printf("HostileInputTest: %d requests over %d operations in %d s, seed %d, statuses %s, failures %d%n",
                REQUESTS, operations.size(), seconds, SEED, new TreeMap<>(statuses), failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " answers were not a 4xx problem (seed " + SEED + "), first ones:\n"
                + String.join("\n", failures.stream().limit(15).toList()));
        assertEquals(before, snapshot(), "the database changed");
    }

    record Attack(String pathAndQuery, String contentType, byte[] body, String what) {
    }

    private static final String[] BAD_IDS = { "-1", "0", "999999999999", "99999999999999999999999", "abc", "1.5", "%00", "%20",
            "1e3", "0x10", "%E2%80%AE1", "%FF", "9223372036854775808", "-9223372036854775809", "NaN", "null" };
    private static final String[] BAD_QUERY = { "1", "yes", "on", "maybe", "-1", "99999999999999999999", "%00", "%FF", "abc",
            "1.5", "true%00", "%E2%80%AE", "%5B%5D", "%7B%7D" };
    private static final String[] POISON_QUERY = { "%00", "a%00b", "%E2%80%AE", "x%07" };
    /** Values each guaranteed to be refused for any field: a wrong JSON type for every field type there is, or text no field takes. */
    private static final String[] POISON = { "\"A\\u0000B\"", "\"\\u202Eevil\"", "\"\\u200B\\u200B\"", "\"\\u0007\"", "\"\\uD800\"" };
    private static final String[] NUMBERS = { "1e400", "-1e400", "1e-400", "99999999999999999999999999", "-99999999999999999999", "1.5",
            "0.0000001", "NaN", "Infinity" };

    /** One bad request for an operation: the malformation is chosen at random, and is always one that must be refused. */
    static Attack attack(Operation op, Random random, boolean huge) {
        String path = op.path();
        while (path.contains("{")) {
            int open = path.indexOf('{');
            path = path.substring(0, open) + BAD_IDS[random.nextInt(BAD_IDS.length)] + path.substring(path.indexOf('}', open) + 1);
        }
        boolean pathIsBad = !op.path().equals(path);
        // Each parameter at most once (with several, the first counts). When only the query is input, one
        // parameter holds what no parameter may (NUL, a direction override, a bell).
        String poisoned = op.bodyType() == null && !pathIsBad ? op.query().get(random.nextInt(op.query().size())) : null;
        StringBuilder query = new StringBuilder();
        for (String q : op.query()) {
            if (q.equals(poisoned)) {
                query.append(query.isEmpty() ? "?" : "&").append(q).append('=').append(POISON_QUERY[random.nextInt(POISON_QUERY.length)]);
            } else if (random.nextInt(3) == 0) {
                query.append(query.isEmpty() ? "?" : "&").append(q).append('=').append(BAD_QUERY[random.nextInt(BAD_QUERY.length)]);
            }
        }
        String target = path + query;
        if (op.bodyType() == null) {
            // Path and query are the input; refuse bodies here too (a form post to a bodyless route).
            return op.method().equals("GET") || random.nextBoolean() ? new Attack(target, null, null, "bad path/query")
                    : new Attack(target, "application/x-www-form-urlencoded", "a=1&b=%00".getBytes(StandardCharsets.UTF_8), "form to bodyless");
        }
        String json = op.bodyType().contains("json") ? op.bodyType() : null;
        if (huge) {
            byte[] big = new byte[10 * 1024 * 1024];
            java.util.Arrays.fill(big, (byte) '[');
            return new Attack(target, op.bodyType(), big, "10 MB body");
        }
        if (json == null) {
            // A text upload (CSV, BLT): bad bytes, NUL, wrong content types. A dry run at most, or a missing election.
            return switch (random.nextInt(4)) {
                case 0 -> new Attack(target, op.bodyType(), new byte[] { (byte) 0xff, (byte) 0xfe, 0, 0x41, '\n' }, "bad UTF-8");
                case 1 -> new Attack(target, op.bodyType(), "name,email\nA\u0000,B\n".getBytes(StandardCharsets.UTF_8), "NUL");
                case 2 -> new Attack(target, "application/json", "{}".getBytes(StandardCharsets.UTF_8), "wrong content type");
                default -> new Attack(target, null, "x".getBytes(StandardCharsets.UTF_8), "no content type");
            };
        }
        int kind = random.nextInt(pathIsBad ? 12 : 10);
        String body = switch (kind) {
            case 0 -> mutated(op, random, POISON[random.nextInt(POISON.length)]);
            case 1 -> mutated(op, random, wrongType(op, random));
            case 2 -> duplicateKey(op, random);
            case 3 -> "[".repeat(2000 + random.nextInt(20000)) + "]".repeat(random.nextInt(3));
            case 4 -> "{\"a\":" .repeat(1500 + random.nextInt(5000)) + "1" + "}".repeat(random.nextInt(10));
            case 5 -> mutated(op, random, NUMBERS[random.nextInt(NUMBERS.length)]).replace("\"seats\":", "\"seats\":");
            case 6 -> "{\"" + random.nextInt() + "\":" + "\"\\u0000\"}";
            case 7 -> random.nextBoolean() ? "" : random.nextBoolean() ? "null" : "{\"unterminated\":\"";
            case 8 -> "[" + mutated(op, random, "{}") + "]";
            case 9 -> mutated(op, random, POISON[random.nextInt(POISON.length)]).substring(0, 1 + random.nextInt(5));
            default -> mutated(op, random, "\"ok\""); // only the path is bad (kinds 10-11 exist only then)
        };
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (kind == 6 && random.nextBoolean()) {
            bytes = ("{\"name\":\"" + "\u00e9").getBytes(StandardCharsets.UTF_8);
            bytes = java.util.Arrays.copyOf(bytes, bytes.length + 3);
            bytes[bytes.length - 3] = (byte) 0xc3; // a lead byte without its continuation: not UTF-8
            bytes[bytes.length - 2] = '"';
            bytes[bytes.length - 1] = '}';
        }
        String[] types = { json, json, json, json, "text/plain", "application/x-www-form-urlencoded", "application/xml", null,
                "application/json; charset=latin1" };
        String type = types[random.nextInt(types.length)];
        return new Attack(target, type, bytes, "json kind " + kind);
    }

    /** The operation's own fields with plausible values, one (or more) replaced by {@code poison}. */
    private static String mutated(Operation op, Random random, String poison) {
        if (op.fields().isEmpty()) {
            return poison;
        }
        List<String> names = new ArrayList<>(op.fields().keySet());
        String victim = names.get(random.nextInt(names.size()));
        StringBuilder sb = new StringBuilder("{");
        for (String name : names) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(name).append("\":").append(name.equals(victim) ? poison : plausible(op.fields().get(name), name));
        }
        return sb.append('}').toString();
    }

    /** A value of another JSON type than the field's (for the field the mutation hits: all fields share a type list). */
    private static String wrongType(Operation op, Random random) {
        Set<String> types = new HashSet<>(op.fields().values());
        List<String> wrong = new ArrayList<>();
        if (!types.contains("object")) {
            wrong.add("{\"x\":1}");
        }
        if (!types.contains("array")) {
            wrong.add("[[1]]");
            wrong.add("[\"1\"]");
        }
        if (!types.contains("boolean")) {
            wrong.add("true");
        }
        if (!types.contains("string")) {
            wrong.add("\"text\"");
        }
        if (!types.contains("integer") && !types.contains("number")) {
            wrong.add("12345");
        }
        if (!types.contains("number")) {
            wrong.add("1.5");
        }
        return wrong.isEmpty() ? "\"\\u0000\"" : wrong.get(random.nextInt(wrong.size()));
    }

    private static String duplicateKey(Operation op, Random random) {
        String body = mutated(op, random, "\"\\u0000\"");
        String name = op.fields().isEmpty() ? "x" : new ArrayList<>(op.fields().keySet()).get(random.nextInt(op.fields().size()));
        return body.substring(0, body.length() - 1) + (body.length() > 2 ? "," : "") + "\"" + name + "\":1,\"" + name + "\":2}";
    }

    private static String plausible(String type, String name) {
        return switch (type) {
            case "integer", "number" -> "0"; // an id that is never there, a count that is never enough
            case "boolean" -> "true";
            case "array" -> "[1]";
            case "object" -> "{}";
            default -> name.toLowerCase(Locale.ROOT).contains("date") ? "\"1980-01-01\"" : name.equals("email") ? "\"a@example.org\"" : "\"x\"";
        };
    }

    /** Operations with any input (a body, a path parameter or a query parameter), from the published OpenAPI document. */
    @SuppressWarnings("unchecked")
    static List<Operation> operations() {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        Map<String, Object> schemas = doc.getMap("components.schemas");
        List<Operation> ops = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, detail) -> {
            if (!(detail instanceof Map<?, ?> d) || method.equals("parameters")) {
                return;
            }
            String bodyType = null;
            Map<String, String> fields = new LinkedHashMap<>();
            if (d.get("requestBody") instanceof Map<?, ?> rb && rb.get("content") instanceof Map<?, ?> content && !content.isEmpty()) {
                bodyType = (String) content.keySet().iterator().next();
                if (content.get(bodyType) instanceof Map<?, ?> media && media.get("schema") instanceof Map<?, ?> schema
                        && schema.get("$ref") instanceof String ref
                        && schemas.get(ref.substring(ref.lastIndexOf('/') + 1)) instanceof Map<?, ?> s
                        && s.get("properties") instanceof Map<?, ?> props) {
                    props.forEach((k, v) -> fields.put((String) k, v instanceof Map<?, ?> p && p.get("type") instanceof String t ? t : "object"));
                }
            }
            List<String> query = new ArrayList<>();
            if (d.get("parameters") instanceof List<?> params) {
                for (Object p : params) {
                    if (p instanceof Map<?, ?> pm && "query".equals(pm.get("in"))) {
                        query.add((String) pm.get("name"));
                    }
                }
            }
            if (bodyType != null || path.contains("{") || !query.isEmpty()) {
                ops.add(new Operation(method.toUpperCase(Locale.ROOT), path, bodyType, fields, query));
            }
        }));
        return ops;
    }

    /** Row count and an md5 of every row of every table, so any write shows. */
    private Map<String, String> snapshot() throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = current_schema()"
                    + " and table_type = 'BASE TABLE' and table_name not in ('rate_window', 'flyway_schema_history')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(x::text, ',' order by x::text)), '')"
                        + " from \"" + t + "\" x")) {
                    rs.next();
                    out.put(t, rs.getString(1));
                }
            }
        }
        return out;
    }
}
