package org.mutualvote.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * CSRF protection for every state-changing API route (DESIGN.md, "Security settings that are easy to miss").
 * SameSite=Strict stops other sites, not a sibling origin of the same site (another port or subdomain).
 * A browser request that rides on the session cookie must come from the portal's own origin: browsers
 * send {@code Origin} on every POST, PUT, PATCH and DELETE and a page cannot forge it. Bearer-token
 * clients are not at risk (a page cannot make the browser attach a token) and are not checked.
 * And a body must say what it is: a body without Content-Type is no longer read as JSON, and a route that
 * takes no body refuses the form and text types a plain HTML form or a no-cors fetch can send.
 *
 * <p>What a route takes is read from the route RESTEasy Reactive matched: the media types of its {@code @Consumes},
 * which Quarkus records when it builds the application, the same list it matches Content-Type against itself (and
 * answers 415 for). Nothing here reads an annotation by reflection, so the JVM and the native executable decide
 * alike (PackageRulesTest keeps it so).
 */
public class CrossSiteGuard {

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** What a cross-origin page can send without a CORS preflight. */
    private static final Set<String> SIMPLE_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    private final List<String> trustedOrigins;

    public CrossSiteGuard(MutualVoteConfig config) {
        this.trustedOrigins = config.web().origins().orElse(List.of()).stream().map(CrossSiteGuard::normalise).toList();
    }

    @ServerRequestFilter
    public Optional<RestResponse<Problem>> check(ResteasyReactiveContainerRequestContext request) {
        if (!UNSAFE.contains(request.getMethod())) {
            return Optional.empty();
        }
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        if (!bearer && request.getHeaderString(HttpHeaders.COOKIE) != null) {
            String origin = request.getHeaderString("Origin");
            String fetchSite = request.getHeaderString("Sec-Fetch-Site");
            String own = normalise(request.getUriInfo().getBaseUri().toString());
            boolean sameOrigin = origin != null && !normalise(origin).isEmpty()
                    && (normalise(origin).equals(own) || trustedOrigins.contains(normalise(origin)));
            if (!sameOrigin || (fetchSite != null && !fetchSite.equals("same-origin"))) {
                // The headers sent are not echoed back: they are the attacker's words.
                return refuse(403, "Cross-site request refused", "A change made with the portal's session cookie must come from"
                        + " the portal's own pages; this request came from another origin, or did not say its origin", path);
            }
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (!hasBody(request)) {
            return Optional.empty();
        }
        if (type == null || type.isBlank()) {
            return refuse(415, "Unsupported Media Type", "A request body needs a Content-Type (application/json here)", path);
        }
        if (!consumes(request, type)) {
            String base = baseType(type);
            if (SIMPLE_TYPES.contains(base)) {
                return refuse(415, "Unsupported Media Type", "This endpoint does not take a body of type " + base, path);
            }
        }
        return Optional.empty();
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }

    /**
     * Whether the matched route declares it takes this media type. Body-less routes declare nothing; every body
     * route here declares what it takes.
     */
    private static boolean consumes(ResteasyReactiveContainerRequestContext request, String contentType) {
        RuntimeResource route = request.getServerRequestContext() instanceof ResteasyReactiveRequestContext rr ? rr.getTarget() : null;
        if (route == null || route.getConsumes() == null) {
            return false;
        }
        String base = baseType(contentType);
        for (MediaType declared : route.getConsumes()) {
            if (declared.isWildcardType() || (declared.getType() + "/" + declared.getSubtype()).equalsIgnoreCase(base)
                    || (declared.isWildcardSubtype() && base.startsWith(declared.getType().toLowerCase(Locale.ROOT) + "/"))) {
                return true;
            }
        }
        return false;
    }

    private static String baseType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** scheme://host:port, or "" for anything that is not an origin (such as the literal "null"). */
    private static String normalise(String origin) {
        URI u;
        try {
            u = URI.create(origin.trim());
        } catch (IllegalArgumentException e) {
            return "";
        }
        if (u.getHost() == null) {
            return "";
        }
        int port = u.getPort();
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (port == -1) {
            port = "https".equals(scheme) ? 443 : 80;
        }
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    private static Optional<RestResponse<Problem>> refuse(int status, String title, String detail, String path) {
        Problem p = Problem.of(status, title, detail).withInstance(path);
        return Optional.of(RestResponse.ResponseBuilder.<Problem> create(status).entity(p).type(Problem.MEDIA_TYPE).build());
    }
}
