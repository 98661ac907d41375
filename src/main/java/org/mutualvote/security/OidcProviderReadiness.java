package org.mutualvote.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the OIDC provider answers its discovery document: without it no one can log in, and
 * new signing keys cannot be fetched. (Quarkus's own OIDC health check reports DOWN for a service that
 * verifies tokens with a configured public key and has no provider to ask; this one says UP then.)
 */
@Readiness
@ApplicationScoped
public class OidcProviderReadiness implements HealthCheck {

    private static final String NAME = "OIDC provider";

    private final Optional<String> authServerUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    // quarkus.oidc.* belongs to Quarkus, not to the service's own MutualVoteConfig.
    public OidcProviderReadiness(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl) {
        this.authServerUrl = authServerUrl.filter(u -> !u.isBlank());
    }

    @Override
    public HealthCheckResponse call() {
        if (authServerUrl.isEmpty()) {
            return HealthCheckResponse.named(NAME).up().withData("tokens", "verified with a configured key").build();
        }
        String discovery = authServerUrl.get().replaceAll("/+$", "") + "/.well-known/openid-configuration";
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(discovery)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return HealthCheckResponse.named(NAME).status(r.statusCode() == 200).withData("discovery", discovery)
                    .withData("status", r.statusCode()).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return HealthCheckResponse.named(NAME).down().withData("discovery", discovery)
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
