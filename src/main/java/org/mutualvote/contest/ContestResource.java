package org.mutualvote.contest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.mutualvote.security.CurrentUser;
import org.mutualvote.security.Roles;

@Path("/api/contests")
@Produces(MediaType.APPLICATION_JSON)
public class ContestResource {

    private final ContestQueries queries;
    private final CurrentUser user;

    ContestResource(ContestQueries queries, CurrentUser user) {
        this.queries = queries;
        this.user = user;
    }

    /** The contests the caller may vote in now, and whether they already have. */
    @GET
    @Path("/mine")
    @RolesAllowed(Roles.MEMBER)
    public List<ContestQueries.MyContest> mine() {
        return queries.openFor(user.subject());
    }

    @GET
    @Path("/turnout")
    @RolesAllowed({ Roles.ADMIN, Roles.BOARD, Roles.SCRUTINEER })
    public List<ContestQueries.ConstituencyTurnout> turnout() {
        return queries.turnout();
    }
}
