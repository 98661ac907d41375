/*
 * The crash and two-instance checks of issue 12: a program, not a test. Run it through bench/crash.sh,
 * which starts the packaged app (twice), kills it with SIGKILL in the middle of casting and restarts it.
 *
 *   java bench/CrashDriver.java cast BASE DIR CONTEST FIRST VOTERS CONCURRENCY CANDIDATES ACKS
 *        casts until done or the app dies; appends the tracker of every 201 to ACKS (one per line, flushed)
 *   java bench/CrashDriver.java verify BASE DIR CONTEST ACKS
 *        closes the election, reads the whole bulletin board and the audit chain: exits 1 unless every
 *        acknowledged tracker is on the board and the chain is intact
 *   java bench/CrashDriver.java token DIR SUBJECT ROLE       prints a bearer token
 *   java bench/CrashDriver.java race BASE_A BASE_B DIR CONTEST FIRST VOTERS CANDIDATES
 *        each voter casts on both instances at the same instant: exits 1 unless exactly one of each pair is 201
 *
 * Tokens are signed with bench/LoadDriver.java's key (keygen), as the app was started with its public key.
 */
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class CrashDriver {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "cast" -> cast(args[1], Path.of(args[2]), Long.parseLong(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]), args[7], Path.of(args[8]));
            case "verify" -> verify(args[1], Path.of(args[2]), Long.parseLong(args[3]), Path.of(args[4]));
            case "race" -> race(args[1], args[2], Path.of(args[3]), Long.parseLong(args[4]), Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]), args[7]);
            case "token" -> System.out.println(token(key(Path.of(args[1])), args[2], args[3]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static void cast(String base, Path dir, long contest, int first, int voters, int concurrency, String candidates, Path acks)
            throws Exception {
        PrivateKey key = key(dir);
        String[] choices = candidates.split(",");
        AtomicInteger next = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try (BufferedWriter out = Files.newBufferedWriter(acks, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    int i;
                    int consecutiveFailures = 0;
                    while ((i = next.getAndIncrement()) < voters && consecutiveFailures < 20) {
                        String body = "{\"choices\":[" + choices[i % choices.length] + "]}";
                        try {
                            HttpResponse<String> r = post(base + "/api/contests/" + contest + "/ballots",
                                    token(key, "load-voter-" + (first + i), "member"), body);
                            if (r.statusCode() == 201) {
                                String tracker = first(r.body(), "\"tracker\":\"([0-9a-f]{64})\"");
                                synchronized (out) {
                                    out.write(tracker);
                                    out.newLine();
                                    out.flush();
                                }
                                acknowledged.incrementAndGet();
                                consecutiveFailures = 0;
                            } else {
                                refused.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet(); // the app is gone: the answer never came, so nothing was acknowledged
                            consecutiveFailures++;
                            Thread.sleep(50);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        }
        pool.shutdown();
        System.out.printf("acknowledged=%d refused=%d no_answer=%d%n", acknowledged.get(), refused.get(), failed.get());
    }

    static void verify(String base, Path dir, long contest, Path acks) throws Exception {
        String admin = token(key(dir), "load-admin", "admin");
        HttpResponse<String> closed = post(base + "/api/elections/" + contest + "/close", admin, null);
        if (closed.statusCode() != 200) {
            throw new IllegalStateException("close answered " + closed.statusCode() + ": " + closed.body());
        }
        Set<String> board = new HashSet<>();
        String after = null;
        do {
            HttpResponse<String> page = get(base + "/api/elections/" + contest + "/bulletin?limit=10000" + (after == null ? "" : "&after=" + after), admin);
            Matcher m = Pattern.compile("\"tracker\":\"([0-9a-f]{64})\"").matcher(page.body());
            while (m.find()) {
                board.add(m.group(1));
            }
            Matcher n = Pattern.compile("\"next\":\"([0-9a-f]{64})\"").matcher(page.body());
            after = n.find() ? n.group(1) : null;
        } while (after != null);
        List<String> acknowledged = Files.readAllLines(acks).stream().filter(s -> !s.isBlank()).toList();
        long missing = acknowledged.stream().filter(t -> !board.contains(t)).count();
        String chain = get(base + "/api/audit/verify", admin).body();
        boolean intact = chain.contains("\"intact\":true");
        System.out.printf("acknowledged=%d on_board=%d acknowledged_missing=%d audit_chain_intact=%s%n",
                acknowledged.size(), board.size(), missing, intact);
        System.exit(missing == 0 && intact && board.size() >= acknowledged.size() ? 0 : 1);
    }

    static void race(String baseA, String baseB, Path dir, long contest, int first, int voters, String candidates) throws Exception {
        PrivateKey key = key(dir);
        String choice = candidates.split(",")[0];
        int exactlyOne = 0;
        int both = 0;
        int none = 0;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int i = 0; i < voters; i++) {
            String token = token(key, "load-voter-" + (first + i), "member");
            CountDownLatch go = new CountDownLatch(1);
            Future<Integer> a = pool.submit(() -> {
                go.await();
                return post(baseA + "/api/contests/" + contest + "/ballots", token, "{\"choices\":[" + choice + "]}").statusCode();
            });
            Future<Integer> b = pool.submit(() -> {
                go.await();
                return post(baseB + "/api/contests/" + contest + "/ballots", token, "{\"choices\":[" + choice + "]}").statusCode();
            });
            go.countDown();
            int sa = a.get();
            int sb = b.get();
            if ((sa == 201) != (sb == 201) && (sa == 409 || sb == 409)) {
                exactlyOne++;
            } else if (sa == 201 && sb == 201) {
                both++;
            } else {
                none++;
                System.err.println("voter " + (first + i) + ": " + sa + " and " + sb);
            }
        }
        pool.shutdown();
        System.out.printf("race_voters=%d exactly_one_ballot=%d two_ballots=%d other=%d%n", voters, exactlyOne, both, none);
        System.exit(exactlyOne == voters ? 0 : 1);
    }

    static HttpResponse<String> post(String url, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        b = json == null ? b.POST(HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no match for " + regex + " in " + text);
        }
        return m.group(1);
    }

    static PrivateKey key(Path dir) throws Exception {
        byte[] der = Base64.getDecoder().decode(Files.readString(dir.resolve("private.key")).trim());
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** The same token as bench/LoadDriver.java signs (issuer load-driver, audience mutual-vote). */
    static String token(PrivateKey key, String subject, String role) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = b64("{\"sub\":\"%s\",\"preferred_username\":\"%s\",\"aud\":\"mutual-vote\",\"iss\":\"load-driver\",\"iat\":%d,\"exp\":%d,\"groups\":[\"%s\"]}"
                .formatted(subject, subject, now, now + 3600, role));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
