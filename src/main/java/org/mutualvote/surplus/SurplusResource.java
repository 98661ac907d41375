package org.mutualvote.surplus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;
import org.mutualvote.ballot.BallotBox.StoredBallot;
import org.mutualvote.ballot.BallotService;
import org.mutualvote.ballot.CastAnswer;
import org.mutualvote.ballot.CastOutcome;
import org.mutualvote.ballot.Tracker;
import org.mutualvote.contest.ContestState;
import org.mutualvote.security.CurrentUser;
import org.mutualvote.security.Roles;
import org.mutualvote.surplus.SurplusDtos.Board;
import org.mutualvote.surplus.SurplusDtos.DividendReport;
import org.mutualvote.surplus.SurplusDtos.MyDividend;
import org.mutualvote.surplus.SurplusDtos.Recounted;
import org.mutualvote.surplus.SurplusDtos.ResultView;
import org.mutualvote.surplus.SurplusDtos.SurplusBallot;
import org.mutualvote.surplus.SurplusDtos.SurplusRequest;
import org.mutualvote.surplus.SurplusDtos.SurplusView;
import org.mutualvote.web.Phrase;
import org.mutualvote.web.ProblemException;

import io.quarkus.security.Authenticated;

@Path("/api/surplus")
@Produces(MediaType.APPLICATION_JSON)
public class SurplusResource {


    private final SurplusService surplus;
    private final SurplusResults results;
    private final DividendService dividends;
    private final BallotService ballots;
    private final CurrentUser user;

    SurplusResource(SurplusService surplus, SurplusResults results, DividendService dividends, BallotService ballots, CurrentUser user) {
        this.surplus = surplus;
        this.results = results;
        this.dividends = dividends;
        this.ballots = ballots;
        this.user = user;
    }

    /**
     * The board drafts a surplus vote: the surplus in pence, the pots, the limits and (for proposals) the proposals.
     * Only the board (DESIGN.md's roles): the returning officer runs the vote the board put, as for motions.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD)
    public RestResponse<SurplusView> create(@Valid @NotNull SurplusRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, surplus.create(request, user.actor()));
    }

    @GET
    @Authenticated
    public List<SurplusView> list() {
        return surplus.list(user.subject(), user.reader().seesAll());
    }

    @GET
    @Path("/{id}")
    @Authenticated
    public SurplusView get(@PathParam("id") long id) {
        return surplus.view(id, user.subject(), user.reader().seesAll());
    }

    /** Replaces a draft; 409 once voting has opened. */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD)
    public SurplusView update(@PathParam("id") long id, @Valid @NotNull SurplusRequest request) {
        return surplus.update(id, request, user.actor());
    }

    @POST
    @Path("/{id}/open")
    @RolesAllowed(Roles.ADMIN)
    public SurplusView open(@PathParam("id") long id, @QueryParam("allowSmallRoll") boolean allowSmallRoll) {
        return surplus.move(id, ContestState.OPEN, user.actor(), allowSmallRoll);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.ADMIN)
    public SurplusView close(@PathParam("id") long id) {
        return surplus.move(id, ContestState.CLOSED, user.actor());
    }

    @POST
    @Path("/{id}/count")
    @RolesAllowed(Roles.ADMIN)
    public ResultView count(@PathParam("id") long id) {
        results.count(id, user.actor());
        return results.result(id, user.reader());
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.ADMIN)
    public ResultView publish(@PathParam("id") long id) {
        results.publish(id, user.actor());
        return results.result(id, user.reader());
    }

    /**
     * Casts the caller's ballot through the shared ballot box (one member one vote, secret, receipted):
     * {@code percents} for a split, {@code ranking} for proposals. Fractions are refused, never rounded.
     */
    @POST
    @Path("/{id}/ballots")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    public RestResponse<CastOutcome.Receipt> cast(@PathParam("id") long id, @Valid @NotNull SurplusBallot ballot) {
        if ((ballot.percents() == null) == (ballot.ranking() == null)) {
            throw ProblemException.unprocessable("Send either percents (a split) or ranking (proposals)",
                    List.of(Phrase.of("percents-or-ranking", "give percents for a split, or ranking for proposals, not both").at("percents")))
                            .coded("ballot-invalid");
        }
        List<Long> choices = new ArrayList<>();
        if (ballot.percents() != null) {
            List<Splits.Fault> faults = Splits.wholeNumbers("percents", ballot.percents(), choices);
            if (!faults.isEmpty()) {
                throw ProblemException.unprocessable("This split cannot be accepted",
                        faults.stream().map(Splits.Fault::error).toList()).coded("ballot-invalid");
            }
        } else {
            choices.addAll(ballot.ranking());
        }
        if (choices.isEmpty()) {
            throw ProblemException.unprocessable("An empty ballot cannot be accepted").coded("ballot-invalid");
        }
        return CastAnswer.forOwnBallot("surplus vote", "surplus " + id).to(ballots.cast(id, user.subject(), choices));
    }

    @GET
    @Path("/{id}/result")
    @Authenticated
    public ResultView result(@PathParam("id") long id) {
        return results.result(id, user.reader());
    }

    /** Counts the published ballot file again and says whether it gives the stored result exactly. */
    @GET
    @Path("/{id}/recount")
    @Authenticated
    public Recounted recount(@PathParam("id") long id) {
        return results.recount(id, user.reader());
    }

    @GET
    @Path("/{id}/bulletin")
    @Authenticated
    public Board board(@PathParam("id") long id,
            @QueryParam("after") @Pattern(regexp = Tracker.FORMAT, message = "{tracker-format}") String after,
            @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(10000) int limit) {
        return results.board(id, after, limit, user.reader());
    }

    /** Every ballot as the file the SurplusRecount command reads. */
    @GET
    @Path("/{id}/bulletin.txt")
    @Produces(MediaType.TEXT_PLAIN)
    @Authenticated
    public RestResponse<String> boardFile(@PathParam("id") long id) {
        return RestResponse.ResponseBuilder.ok(results.file(id, user.reader()))
                .header("Content-Disposition", "attachment; filename=\"surplus-" + id + ".txt\"").build();
    }

    @GET
    @Path("/{id}/bulletin/{tracker}")
    @Authenticated
    public StoredBallot lookup(@PathParam("id") long id,
            @PathParam("tracker") @Pattern(regexp = Tracker.RECEIPT_FORMAT, message = "{receipt-format}") String tracker) {
        return results.lookup(id, tracker, user.reader());
    }

    /**
     * Shares a dividend pot of a published result. Figures for hours, pay or trade come as a CSV body
     * (member_id or external_id, and the basis); equal and membership need none. Dry run first.
     */
    @POST
    @Path("/{id}/dividends/{pot}")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN, MediaType.WILDCARD })
    @RolesAllowed(Roles.ADMIN)
    public DividendReport dividend(@PathParam("id") long id, @PathParam("pot") int pot, @QueryParam("basis") String basis,
            @QueryParam("constituency") List<Long> constituencies, @QueryParam("recordDate") LocalDate recordDate,
            @QueryParam("dryRun") @DefaultValue("true") boolean dryRun, byte[] csv) {
        return dividends.calculate(id, pot, basis, constituencies, recordDate, csv, dryRun, user.actor());
    }

    @GET
    @Path("/{id}/dividends/{pot}/payroll.csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.ADMIN)
    public RestResponse<String> payroll(@PathParam("id") long id, @PathParam("pot") int pot) {
        return RestResponse.ResponseBuilder.ok(dividends.payroll(id, pot))
                .header("Content-Disposition", "attachment; filename=\"dividend-" + id + "-pot-" + pot + ".csv\"").build();
    }

    /** One member's share: theirs to see, or an admin's or scrutineer's; anyone else gets 403. */
    @GET
    @Path("/{id}/dividends/{pot}/members/{memberId}")
    @Authenticated
    public MyDividend memberDividend(@PathParam("id") long id, @PathParam("pot") int pot, @PathParam("memberId") long memberId) {
        return dividends.one(id, pot, memberId, user.subject(), user.reader().official());
    }

    /** The caller's own dividends, each with how it was worked out. */
    @GET
    @Path("/dividends/mine")
    @Authenticated
    public List<MyDividend> myDividends() {
        return dividends.mine(user.subject());
    }
}
