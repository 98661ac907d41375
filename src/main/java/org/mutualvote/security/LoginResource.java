package org.mutualvote.security;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

/**
 * The portal's "Log in" link. The HTTP policy on /login makes an anonymous browser go through the
 * OIDC code flow first; once it is back with a session, it lands on the portal.
 */
@Path("/login")
public class LoginResource {

    @GET
    @Authenticated
    public Response login() {
        return Response.seeOther(URI.create("/")).build();
    }
}
