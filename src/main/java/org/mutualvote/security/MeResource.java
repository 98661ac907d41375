package org.mutualvote.security;

import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {

    private final CurrentUser user;

    public MeResource(CurrentUser user) {
        this.user = user;
    }

    @GET
    public Me me() {
        return new Me(user.subject(), user.actor(), user.displayName(), user.email(), user.roles(), null);
    }

    /** Who the caller is; {@code member} is their member record, null until they join. */
    public record Me(String subject, String username, String name, String email, Set<String> roles, Object member) {
    }
}
