package org.mutualvote.election;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;
import org.mutualvote.ballot.BallotBox.StoredBallot;
import org.mutualvote.ballot.Tracker;
import org.mutualvote.contest.ContestState;
import org.mutualvote.election.ElectionDtos.CandidateRequest;
import org.mutualvote.election.ElectionDtos.CandidateView;
import org.mutualvote.election.ElectionDtos.ElectionRequest;
import org.mutualvote.election.ElectionDtos.ElectionView;
import org.mutualvote.election.ElectionDtos.Turnout;
import org.mutualvote.security.CurrentUser;
import org.mutualvote.security.Roles;

import io.quarkus.security.Authenticated;

@Path("/api/elections")
@Produces(MediaType.APPLICATION_JSON)
public class ElectionResource {

    private final ElectionService elections;
    private final ElectionCount count;
    private final ElectionBulletin bulletin;
    private final ElectionResults results;
    private final CurrentUser user;

    ElectionResource(ElectionService elections, ElectionCount count, ElectionBulletin bulletin, ElectionResults results,
            CurrentUser user) {
        this.elections = elections;
        this.count = count;
        this.bulletin = bulletin;
        this.results = results;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public RestResponse<ElectionView> create(@Valid @NotNull ElectionRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, elections.create(request, user.actor()));
    }

    @GET
    @Authenticated
    public List<ElectionView> list() {
        return elections.list(user.subject(), user.reader().seesAll());
    }

    @GET
    @Path("/{id}")
    @Authenticated
    public ElectionView get(@PathParam("id") long id) {
        return elections.view(id, user.subject(), user.reader().seesAll());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public ElectionView update(@PathParam("id") long id, @Valid @NotNull ElectionRequest request) {
        return elections.update(id, request, user.actor());
    }

    @POST
    @Path("/{id}/candidates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public RestResponse<CandidateView> nominate(@PathParam("id") long id, @Valid @NotNull CandidateRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, elections.nominate(id, request, user.actor()));
    }

    @POST
    @Path("/{id}/candidates/{candidateId}/withdraw")
    @RolesAllowed(Roles.ADMIN)
    public CandidateView withdraw(@PathParam("id") long id, @PathParam("candidateId") long candidateId) {
        return elections.withdraw(id, candidateId, user.actor());
    }

    @POST
    @Path("/{id}/nominations")
    @RolesAllowed(Roles.ADMIN)
    public ElectionView openNominations(@PathParam("id") long id) {
        return elections.move(id, ContestState.NOMINATIONS, user.actor());
    }

    /** Opens voting and freezes the roll; an uncontested election is declared instead (state counted). */
    @POST
    @Path("/{id}/open")
    @RolesAllowed(Roles.ADMIN)
    public ElectionView open(@PathParam("id") long id, @QueryParam("allowSmallRoll") boolean allowSmallRoll) {
        return elections.move(id, ContestState.OPEN, user.actor(), allowSmallRoll);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.ADMIN)
    public ElectionView close(@PathParam("id") long id) {
        return elections.move(id, ContestState.CLOSED, user.actor());
    }

    @POST
    @Path("/{id}/paper-ballots")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public PaperAdded addPaperBallots(@PathParam("id") long id, @Valid @NotNull ElectionDtos.PaperBatch batch) {
        return new PaperAdded(id, bulletin.addPaper(id, batch, user.actor()));
    }

    @POST
    @Path("/{id}/count")
    @RolesAllowed(Roles.ADMIN)
    public ElectionResults.ResultView count(@PathParam("id") long id) {
        count.count(id, user.actor());
        return results.result(id, user.reader());
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.ADMIN)
    public ElectionResults.ResultView publish(@PathParam("id") long id) {
        count.publish(id, user.actor());
        return results.result(id, user.reader());
    }

    @GET
    @Path("/{id}/result")
    @Authenticated
    public ElectionResults.ResultView result(@PathParam("id") long id) {
        return results.result(id, user.reader());
    }

    @GET
    @Path("/{id}/turnout")
    @RolesAllowed({ Roles.ADMIN, Roles.BOARD, Roles.SCRUTINEER })
    public Turnout turnout(@PathParam("id") long id) {
        return results.turnout(id);
    }

    @GET
    @Path("/{id}/bulletin")
    @Authenticated
    public ElectionBulletin.Board board(@PathParam("id") long id,
            @QueryParam("after") @Pattern(regexp = Tracker.FORMAT, message = "{tracker-format}") String after,
            @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(10000) int limit) {
        return bulletin.board(id, after, limit, user.reader());
    }

    @GET
    @Path("/{id}/bulletin.blt")
    @Produces(MediaType.TEXT_PLAIN)
    @Authenticated
    public RestResponse<String> boardBlt(@PathParam("id") long id) {
        return attachment(bulletin.blt(id, user.reader()), "election-" + id + ".blt");
    }

    /** Every ballot with its tracker and nonce, for {@code Recount --bulletin FILE --digest HEX}. */
    @GET
    @Path("/{id}/bulletin.txt")
    @Produces(MediaType.TEXT_PLAIN)
    @Authenticated
    public RestResponse<String> boardFile(@PathParam("id") long id) {
        return attachment(bulletin.bulletinFile(id, user.reader()), "election-" + id + "-bulletin.txt");
    }

    /** Counts the bulletin board's BLT again with the published seed and says whether it gives the published result. */
    @GET
    @Path("/{id}/recount")
    @Authenticated
    public ElectionBulletin.Recounted recount(@PathParam("id") long id) {
        return bulletin.recount(id, user.reader());
    }

    @GET
    @Path("/{id}/bulletin/{tracker}")
    @Authenticated
    public StoredBallot lookup(@PathParam("id") long id,
            @PathParam("tracker") @Pattern(regexp = Tracker.RECEIPT_FORMAT, message = "{receipt-format}") String tracker) {
        return bulletin.lookup(id, tracker, user.reader());
    }

    private static RestResponse<String> attachment(String body, String filename) {
        return RestResponse.ResponseBuilder.ok(body).header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    public record PaperAdded(long contestId, int added) {
    }
}
