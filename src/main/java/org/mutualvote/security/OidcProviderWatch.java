package org.mutualvote.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.mutualvote.web.MutualVoteConfig;
import org.mutualvote.web.Problem;
import org.mutualvote.web.ProblemMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Whether the OIDC provider is there, and what the API does while it is not (issue 12).
 *
 * <p><b>Down</b> means: the last check could not fetch, within 2 s each, both the provider's discovery document
 * (200 with a {@code jwks_uri}) and the signing keys it names (200). Without them no one can log in, no token can
 * be refreshed, and a key the provider has rotated out or revoked cannot be noticed: tokens would be accepted on
 * keys cached before the outage. The check runs on Quarkus's scheduler every {@code mutualvote.oidc-check} (5 s),
 * never on a request, so an outage costs requests nothing but a volatile read, and the API comes back by itself at
 * the first good check. Readiness reports the same last check (so /q/health/ready does not ask the provider either).
 *
 * <p><b>While down</b>, every /api call that presents credentials (an {@code Authorization} header, or the portal's
 * {@code q_session} cookie) answers 503 problem+json with {@code Retry-After}, before its token is read: nothing is
 * done on trust the provider cannot back. Calls with no credentials are left alone: the public reads
 * (GET /api/organisation, which the landing page shows) need no provider and keep working, and a protected route
 * still answers 401, which is true. A service that verifies tokens with a configured public key and names no
 * provider ({@code quarkus.oidc.auth-server-url} empty, as bench/ runs it) has nothing to watch and is always up.
 *
 * <p>The portal's "Log in" link ({@code /login}) would send the browser on to a provider that does not answer, so
 * while down it answers 503 with a page that says signing in is not available just now (in English and Welsh).
 *
 * <p>Quarkus's own OIDC readiness check ({@code quarkus.oidc.health.enabled}) is not used: it asks the provider
 * for the discovery document only, on every health request, and reports DOWN for a service with no provider.
 */
@ApplicationScoped
public class OidcProviderWatch {

    private static final Logger LOG = Logger.getLogger(OidcProviderWatch.class);
    private static final String NAME = "OIDC provider";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** The outcome of one check: what was asked and what it gave. */
    private record Seen(boolean up, String asked, String answer) {
    }

    private final Optional<String> authServerUrl;
    private final long retryAfterSeconds;
    private final ObjectMapper json;
    /** Vert.x's client, as Quarkus OIDC itself uses: it is in the native image (the JDK's java.net.http is not). */
    private final WebClient http;
    /** Up until the first check says otherwise: Quarkus OIDC itself reached the provider at start-up, or will retry. */
    private volatile Seen seen = new Seen(true, "", "not checked yet");

    // quarkus.oidc.* belongs to Quarkus, not to the service's own MutualVoteConfig.
    OidcProviderWatch(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl, MutualVoteConfig config,
            ObjectMapper json, Vertx vertx) {
        this.http = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) TIMEOUT.toMillis()));
        this.authServerUrl = authServerUrl.filter(u -> !u.isBlank());
        this.retryAfterSeconds = Math.max(1, (config.oidcCheck().toMillis() + 999) / 1000);
        this.json = json;
    }

    @Scheduled(every = "${mutualvote.oidc-check:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (authServerUrl.isEmpty()) {
            return;
        }
        Seen now = probe(authServerUrl.get().replaceAll("/+$", "") + "/.well-known/openid-configuration");
        if (now.up() != seen.up()) {
            if (now.up()) {
                LOG.infof("OIDC provider is back (%s); signed-in API calls are served again", now.asked());
            } else {
                LOG.warnf("OIDC provider is down (%s: %s); signed-in API calls answer 503 until it is back", now.asked(), now.answer());
            }
        }
        seen = now;
    }

    private Seen probe(String discovery) {
        String asked = discovery;
        try {
            HttpResponse<Buffer> d = get(discovery);
            if (d.statusCode() != 200) {
                return new Seen(false, asked, "status " + d.statusCode());
            }
            JsonNode keysAt = json.readTree(d.bodyAsString()).path("jwks_uri");
            if (!keysAt.isTextual()) {
                return new Seen(false, asked, "the discovery document names no jwks_uri");
            }
            asked = keysAt.asText();
            HttpResponse<Buffer> k = get(asked);
            return new Seen(k.statusCode() == 200, asked, "status " + k.statusCode());
        } catch (Exception e) {
            return new Seen(false, asked, e.getClass().getSimpleName());
        }
    }

    /** Runs on the scheduler's worker thread, so it may wait. */
    private HttpResponse<Buffer> get(String uri) {
        return http.getAbs(uri).timeout(TIMEOUT.toMillis()).send().await().atMost(TIMEOUT.plusSeconds(1));
    }

    /** Ready only while the last check found the provider (or there is none to check). */
    @Readiness
    HealthCheck readiness() {
        return () -> {
            Seen s = seen;
            if (authServerUrl.isEmpty()) {
                return HealthCheckResponse.named(NAME).up().withData("tokens", "verified with a configured key").build();
            }
            return HealthCheckResponse.named(NAME).status(s.up()).withData("asked", s.asked()).withData("answer", s.answer()).build();
        };
    }

    /**
     * Pre-matching, so it runs before routing and before any token is verified (authentication is lazy here). The
     * problem says nothing of the credentials sent: they may be anyone's.
     */
    @ServerRequestFilter(preMatching = true)
    public Optional<RestResponse<Problem>> refuseSignedInCallsWhileDown(ContainerRequestContext request) {
        if (seen.up()) {
            return Optional.empty();
        }
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        if (!path.startsWith("/api/") || !presentsCredentials(request)) {
            return Optional.empty();
        }
        return Optional.of(ProblemMapper.unavailable("The service cannot reach its login provider just now, so it cannot check"
                + " who you are; nothing was done. Try again shortly", path, retryAfterSeconds));
    }

    /**
     * Before the HTTP security policy on /login starts the code flow. The page is the portal's
     * {@code login-unavailable.html}, read once.
     */
    void gateLogin(@Observes Router router) throws IOException {
        String page;
        String type;
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("META-INF/resources/login-unavailable.html")) {
            page = in == null ? "Signing in is not available just now. Please try again in a few minutes."
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            type = in == null ? "text/plain; charset=utf-8" : "text/html; charset=utf-8";
        }
        router.route("/login").order(Integer.MIN_VALUE).handler(ctx -> {
            if (seen.up()) {
                ctx.next();
                return;
            }
            ctx.response().setStatusCode(503).putHeader("Content-Type", type).putHeader("Cache-Control", "no-store")
                    .putHeader("Retry-After", Long.toString(retryAfterSeconds)).end(page);
        });
    }

    private static boolean presentsCredentials(ContainerRequestContext request) {
        return request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || request.getCookies().keySet().stream().anyMatch(name -> name.startsWith("q_session"));
    }
}
