package org.mutualvote.hardening;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

/**
 * A minimal OIDC provider (discovery document and signing keys) that a test can take down and bring back:
 * {@link #takeDown()} closes its port, so the service finds nothing listening, as when the provider's host is gone;
 * {@link #breakKeys()} keeps the discovery document but answers 503 for the key set. Tokens are signed here
 * with the provider's key ({@link #token}), so they are good whether it is up or not.
 */
public class CuttableOidcProvider implements QuarkusTestResourceLifecycleManager {

    static final String KEY_ID = "outage-test-key";
    private static final String REALM = "/realms/outage";

    private static KeyPair keys;
    private static volatile HttpServer server;
    private static volatile int port;
    private static volatile boolean keysBroken;
    /** Discovery and key-set requests answered, so a test can see how often the service asks. */
    static final AtomicInteger DISCOVERY_HITS = new AtomicInteger();
    static final AtomicInteger KEY_SET_HITS = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            keys = g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        port = 0;
        bringBack();
        return Map.of("quarkus.oidc.auth-server-url", issuer(), "%test.quarkus.oidc.auth-server-url", issuer());
    }

    @Override
    public void stop() {
        takeDown();
    }

    static String issuer() {
        return "http://127.0.0.1:" + port + REALM;
    }

    /** The provider goes away: its port refuses connections. */
    public static synchronized void takeDown() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** The provider answers its discovery document but its key set fails with 503. */
    public static void breakKeys() {
        keysBroken = true;
    }

    /** The provider is back, on the same port, with the same keys. */
    public static synchronized void bringBack() {
        keysBroken = false;
        if (server != null) {
            return;
        }
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            s.createContext(REALM + "/.well-known/openid-configuration", x -> {
                DISCOVERY_HITS.incrementAndGet();
                String base = issuer();
                answer(x, 200, "{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base + "/certs\",\"authorization_endpoint\":\"" + base
                        + "/auth\",\"token_endpoint\":\"" + base + "/token\",\"end_session_endpoint\":\"" + base + "/logout\","
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
            });
            s.createContext(REALM + "/certs", x -> {
                KEY_SET_HITS.incrementAndGet();
                if (keysBroken) {
                    answer(x, 503, "{\"error\":\"unavailable\"}");
                    return;
                }
                RSAPublicKey k = (RSAPublicKey) keys.getPublic();
                answer(x, 200, "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                        + b64(k.getModulus()) + "\",\"e\":\"" + b64(k.getPublicExponent()) + "\"}]}");
            });
            s.start();
            server = s;
            port = s.getAddress().getPort();
        } catch (IOException e) {
            throw new IllegalStateException("could not listen on port " + port, e);
        }
    }

    /** A bearer token from this provider for {@code subject} holding {@code roles}. */
    public static String token(String subject, String... roles) {
        return Jwt.issuer(issuer()).subject(subject).groups(Set.of(roles)).expiresIn(600).jws().keyId(KEY_ID).sign(keys.getPrivate());
    }

    private static String b64(BigInteger n) {
        byte[] bytes = n.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0; // the sign byte is not part of the value
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOfRange(bytes, skip, bytes.length));
    }

    private static void answer(HttpExchange x, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }
}
