package org.mutualvote.ballot;

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

import org.jboss.resteasy.reactive.RestResponse;
import org.mutualvote.security.CurrentUser;
import org.mutualvote.security.Roles;

@Path("/api/contests/{id}/ballots")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
public class BallotResource {

    private final BallotService ballots;
    private final CurrentUser user;

    public BallotResource(BallotService ballots, CurrentUser user) {
        this.ballots = ballots;
        this.user = user;
    }

    /** Casts the caller's one ballot; the answer is the receipt, sent only once the ballot is committed. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<CastOutcome.Receipt> cast(@PathParam("id") long id, @Valid @NotNull CastRequest request) {
        return CastAnswer.forOwnBallot("contest", "contest " + id).to(ballots.cast(id, user.subject(), request.choices()));
    }

    /** Whether the caller has voted here, never what they voted. */
    @GET
    @Path("/mine")
    public Voted mine(@PathParam("id") long id) {
        return new Voted(id, ballots.hasVoted(id, user.subject()));
    }

    public record Voted(long contestId, boolean voted) {
    }
}
