package org.mutualvote.election.rejected;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.mutualvote.security.CurrentUser;
import org.mutualvote.security.Roles;

/**
 * Spoilt and doubtful paper ballots rejected at the count, as numbers per reason of rule 46(1). Separate from the
 * paper-ballot entry (which records counted papers against the marked register).
 */
@Path("/api/elections/{id}/rejected-papers")
@Produces(MediaType.APPLICATION_JSON)
public class RejectedPapersResource {

    /** {@code {"papers": {"no-first-preference": 3, "voter-identifiable": 1}}}. */
    public record RejectedPapersRequest(@NotNull Map<String, Integer> papers) {
    }

    private final RejectedPapersService rejected;
    private final CurrentUser user;

    RejectedPapersResource(RejectedPapersService rejected, CurrentUser user) {
        this.rejected = rejected;
        this.user = user;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SCRUTINEER })
    public RejectedPapersView get(@PathParam("id") long id) {
        return rejected.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public RejectedPapersView record(@PathParam("id") long id, @Valid @NotNull RejectedPapersRequest request) {
        return rejected.record(id, request.papers(), user.actor());
    }
}
