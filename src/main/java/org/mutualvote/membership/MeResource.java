package org.mutualvote.membership;

import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.mutualvote.membership.MemberDtos.MemberView;
import org.mutualvote.security.CurrentUser;

import io.quarkus.security.Authenticated;

/**
 * The caller and their member record. It lives with membership, not security, so that security stays at
 * the bottom of the package graph and imports no feature.
 */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {

    private final CurrentUser user;
    private final MemberService members;

    public MeResource(CurrentUser user, MemberService members) {
        this.user = user;
        this.members = members;
    }

    @GET
    public Me me() {
        return new Me(user.subject(), user.actor(), user.displayName(), user.email(), user.roles(),
                members.mine(user.subject()).orElse(null));
    }

    /** Who the caller is; {@code member} is their member record, null until they join. */
    public record Me(String subject, String username, String name, String email, Set<String> roles, MemberView member) {
    }
}
