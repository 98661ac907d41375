/*
 * Load driver for casting ballots: a program, not a test. Run it through bench/cast.sh, which packages
 * and starts the app, then compares with pgbench on the same two inserts.
 *
 *   java bench/LoadDriver.java keygen DIR                 writes DIR/private.key and DIR/public.key
 *   java bench/LoadDriver.java cast BASE_URL DIR CONTEST_ID FIRST_VOTER VOTERS CONCURRENCY CANDIDATE_IDS
 *   java bench/LoadDriver.java setup BASE_URL DIR CONSTITUENCY_ID TITLE   prints the id of a new open election
 *   java bench/LoadDriver.java stv BASE_URL DIR CONSTITUENCY_ID RULE CANDIDATES SEATS   an open STV election; prints its id
 *   java bench/LoadDriver.java admin-token DIR              prints a bearer token of the admin (for curl)
 *   java bench/LoadDriver.java tokens DIR FIRST_VOTER VOTERS FILE    writes one voter bearer token per line (for wrk)
 *
 * Voters are load-voter-N; their bearer tokens are signed here with the key the app was started with.
 * Only the JDK is needed.
 */
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

public class LoadDriver {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "keygen" -> keygen(Path.of(args[1]));
            case "setup" -> setup(args[1], Path.of(args[2]), Long.parseLong(args[3]), args[4]);
            case "stv" -> stv(args[1], Path.of(args[2]), Long.parseLong(args[3]), args[4], Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]));
            case "admin-token" -> System.out.println(token(key(Path.of(args[1])), "load-admin", "admin"));
            case "tokens" -> tokens(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
            case "cast" -> cast(args[1], Path.of(args[2]), Long.parseLong(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]),
                    Arrays.stream(args[7].split(",")).mapToLong(Long::parseLong).toArray());
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static void keygen(Path dir) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("private.key"), Base64.getEncoder().encodeToString(kp.getPrivate().getEncoded()));
        Files.writeString(dir.resolve("public.key"), Base64.getEncoder().encodeToString(kp.getPublic().getEncoded()));
    }

    /** Creates an IRV election with five candidates as the admin, opens it and prints "id candidateIds". */
    static void setup(String base, Path dir, long constituencyId, String title) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String admin = token(key(dir), "load-admin", "admin");
        String created = post(http, base + "/api/elections", admin, """
                {"title":"%s","constituencyId":%d,"seats":1,"method":"irv"}""".formatted(title, constituencyId), 201);
        long id = firstLong(created, "\"id\":(\\d+)");
        List<String> candidates = new ArrayList<>();
        for (String name : List.of("Ash", "Birch", "Cedar", "Damson", "Elm")) {
            candidates.add(Long.toString(firstLong(post(http, base + "/api/elections/" + id + "/candidates", admin,
                    "{\"name\":\"" + name + "\"}", 201), "\"id\":(\\d+)")));
        }
        post(http, base + "/api/elections/" + id + "/open", admin, "", 200);
        System.out.println(id + " " + String.join(",", candidates));
    }

    /** Creates an STV election of CANDIDATES candidates under RULE as the admin, opens it and prints its id. */
    static void stv(String base, Path dir, long constituencyId, String rule, int candidates, int seats) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String admin = token(key(dir), "load-admin", "admin");
        long id = firstLong(post(http, base + "/api/elections", admin, """
                {"title":"Counted in the service","constituencyId":%d,"seats":%d,"method":"stv","stvRule":"%s"}"""
                .formatted(constituencyId, seats, rule), 201), "\"id\":(\\d+)");
        for (int c = 1; c <= candidates; c++) {
            post(http, base + "/api/elections/" + id + "/candidates", admin, "{\"name\":\"Candidate " + c + "\"}", 201);
        }
        post(http, base + "/api/elections/" + id + "/open", admin, "", 200);
        System.out.println(id);
    }

    /** Signs the voters' tokens ahead of the run, so the load generator (wrk) only sends them. */
    static void tokens(Path dir, int first, int voters, Path file) throws Exception {
        PrivateKey key = key(dir);
        List<String> tokens = IntStream.range(0, voters).parallel()
                .mapToObj(i -> token(key, "load-voter-" + (first + i), "member")).toList();
        Files.write(file, tokens);
    }

    static void cast(String base, Path dir, long contest, int first, int voters, int concurrency, long[] candidates)
            throws Exception {
        PrivateKey key = key(dir);
        System.err.printf("signing %d voter tokens...%n", voters);
        String[] tokens = IntStream.range(0, voters).parallel()
                .mapToObj(i -> token(key, "load-voter-" + (first + i), "member")).toArray(String[]::new);
        URI uri = URI.create(base);
        String path = "/api/contests/" + contest + "/ballots";
        long[] latencies = new long[voters];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                // One keep-alive connection per voter thread, spoken to directly: the driver must cost
                // far less CPU than the app it measures, and java.net.http costs too much here.
                try (KeepAlive conn = new KeepAlive(uri.getHost(), uri.getPort())) {
                    int i;
                    while ((i = next.getAndIncrement()) < voters) {
                        String body = "{\"choices\":" + randomRanking(candidates) + "}";
                        long t0 = System.nanoTime();
                        int status;
                        String answer;
                        try {
                            answer = conn.post(path, tokens[i], body);
                            status = Integer.parseInt(answer.substring(9, 12));
                        } catch (Exception e) {
                            status = -1;
                            answer = e.toString();
                        }
                        latencies[i] = System.nanoTime() - t0;
                        if (status != 201 && failures.incrementAndGet() <= 3) {
                            System.err.println("unexpected answer: " + answer);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        System.out.printf("ballots=%d concurrency=%d seconds=%.2f ballots_per_s=%.0f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f failures=%d%n",
                voters, concurrency, seconds, voters / seconds, latencies[voters / 2] / 1e6,
                latencies[(int) Math.min(voters - 1, Math.ceil(voters * 0.99) - 1)] / 1e6, latencies[voters - 1] / 1e6,
                failures.get());
        System.exit(failures.get() == 0 ? 0 : 1);
    }

    static String randomRanking(long[] candidates) {
        long[] c = candidates.clone();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = c.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            long t = c[i];
            c[i] = c[j];
            c[j] = t;
        }
        int n = 1 + r.nextInt(c.length);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(c[i]);
        }
        return sb.append(']').toString();
    }

    static PrivateKey key(Path dir) throws Exception {
        byte[] der = Base64.getDecoder().decode(Files.readString(dir.resolve("private.key")).trim());
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    static String token(PrivateKey key, String subject, String role) {
        try {
            long now = System.currentTimeMillis() / 1000;
            String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
            String claims = b64("""
                    {"sub":"%s","preferred_username":"%s","aud":"mutual-vote","iss":"load-driver","iat":%d,"exp":%d,"groups":["%s"]}"""
                    .formatted(subject, subject, now, now + 3600, role));
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.strip().getBytes(StandardCharsets.UTF_8));
    }

    static String post(HttpClient http, String url, String token, String json, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static long firstLong(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no match for " + regex + " in " + text);
        }
        return Long.parseLong(m.group(1));
    }

    /** A minimal HTTP/1.1 keep-alive client for one connection: POST JSON, read the whole answer. */
    static final class KeepAlive implements AutoCloseable {
        private final java.net.Socket socket;
        private final java.io.OutputStream out;
        private final java.io.BufferedInputStream in;
        private final String host;

        KeepAlive(String host, int port) throws java.io.IOException {
            this.host = host + ":" + port;
            socket = new java.net.Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new java.io.BufferedInputStream(socket.getInputStream());
        }

        /** Returns the status line and body. */
        String post(String path, String token, String json) throws java.io.IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = line();
            int length = -1;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            StringBuilder answer = new StringBuilder(status).append('\n');
            if (chunked) {
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    answer.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                    line();
                }
                line();
            } else if (length > 0) {
                answer.append(new String(in.readNBytes(length), StandardCharsets.UTF_8));
            }
            return answer.toString();
        }

        private String line() throws java.io.IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            if (c == -1 && sb.isEmpty()) {
                throw new java.io.EOFException("connection closed");
            }
            return sb.toString();
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
    }
}
