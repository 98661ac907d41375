package org.mutualvote.motion;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.mutualvote.ballot.CastAnswer;
import org.mutualvote.ballot.CastOutcome;
import org.mutualvote.ballot.Tracker;
import org.mutualvote.contest.ContestState;
import org.mutualvote.motion.MotionDtos.MyProxies;
import org.mutualvote.motion.MotionDtos.PollRequest;
import org.mutualvote.motion.MotionDtos.PollView;
import org.mutualvote.motion.MotionDtos.ProxyCast;
import org.mutualvote.motion.MotionDtos.ProxyRequest;
import org.mutualvote.motion.MotionDtos.ProxyView;
import org.mutualvote.motion.MotionDtos.ResultView;
import org.mutualvote.motion.MotionDtos.Timetable;
import org.mutualvote.security.CurrentUser;
import org.mutualvote.security.Roles;
import org.mutualvote.web.ProblemException;

import io.quarkus.security.Authenticated;

/**
 * Polls of motions. The board drafts, edits and gives notice; the returning officer (admin) sets the
 * timetable, opens, closes, counts and publishes; members vote through /api/contests/{id}/ballots.
 */
@Path("/api/motions")
@Produces(MediaType.APPLICATION_JSON)
public class MotionResource {


    private final MotionService polls;
    private final ProxyService proxies;
    private final MotionCount count;
    private final CurrentUser user;

    MotionResource(MotionService polls, ProxyService proxies, MotionCount count, CurrentUser user) {
        this.polls = polls;
        this.proxies = proxies;
        this.count = count;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD)
    public RestResponse<PollView> draft(@Valid @NotNull PollRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, polls.create(request, user.actor()));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD)
    public PollView edit(@PathParam("id") long id, @Valid @NotNull PollRequest request) {
        return polls.update(id, request, user.actor());
    }

    /** Gives notice of the poll to the members it is put to; its motions are fixed from then on. */
    @POST
    @Path("/{id}/notice")
    @RolesAllowed(Roles.BOARD)
    public PollView giveNotice(@PathParam("id") long id) {
        return polls.giveNotice(id, user.actor());
    }

    @GET
    @Authenticated
    public List<PollView> list() {
        return polls.list(user.subject(), user.reader().seesAll());
    }

    @GET
    @Path("/{id}")
    @Authenticated
    public PollView get(@PathParam("id") long id) {
        return polls.view(id, user.subject(), user.reader().seesAll());
    }

    @PUT
    @Path("/{id}/timetable")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public PollView timetable(@PathParam("id") long id, @NotNull Timetable timetable) {
        return polls.timetable(id, timetable, user.actor());
    }

    @POST
    @Path("/{id}/open")
    @RolesAllowed(Roles.ADMIN)
    public PollView open(@PathParam("id") long id, @QueryParam("allowSmallRoll") boolean allowSmallRoll) {
        return polls.move(id, ContestState.OPEN, user.actor(), allowSmallRoll);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.ADMIN)
    public PollView close(@PathParam("id") long id) {
        return polls.move(id, ContestState.CLOSED, user.actor());
    }

    @POST
    @Path("/{id}/count")
    @RolesAllowed(Roles.ADMIN)
    public ResultView count(@PathParam("id") long id) {
        count.count(id, user.actor());
        return count.result(id, user.reader());
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.ADMIN)
    public ResultView publish(@PathParam("id") long id) {
        count.publish(id, user.actor());
        return count.result(id, user.reader());
    }

    @GET
    @Path("/{id}/result")
    @Authenticated
    public ResultView result(@PathParam("id") long id) {
        return count.result(id, user.reader());
    }

    /** Decides every motion again from the published poll file and says whether that gives the stored result. */
    @GET
    @Path("/{id}/recount")
    @Authenticated
    public MotionCount.Recounted recount(@PathParam("id") long id) {
        return count.recount(id, user.reader());
    }

    @GET
    @Path("/{id}/bulletin")
    @Authenticated
    public MotionCount.Board board(@PathParam("id") long id,
            @QueryParam("after") @Pattern(regexp = Tracker.FORMAT, message = "{tracker-format}") String after,
            @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(10000) int limit) {
        return count.board(id, after, limit, user.reader());
    }

    /** The poll file that MotionRecount counts (format in README, "Motions and resolutions"). */
    @GET
    @Path("/{id}/bulletin.txt")
    @Produces(MediaType.TEXT_PLAIN)
    @Authenticated
    public RestResponse<String> boardFile(@PathParam("id") long id) {
        return RestResponse.ResponseBuilder.ok(count.file(id, user.reader()))
                .header("Content-Disposition", "attachment; filename=\"motions-" + id + ".txt\"").build();
    }

    @GET
    @Path("/{id}/bulletin/{tracker}")
    @Authenticated
    public StoredBallot lookup(@PathParam("id") long id,
            @PathParam("tracker") @Pattern(regexp = Tracker.RECEIPT_FORMAT, message = "{receipt-format}") String tracker) {
        return count.lookup(id, tracker, user.reader());
    }

    /** The caller's own appointment and the ones they hold. */
    @GET
    @Path("/{id}/proxy")
    @RolesAllowed(Roles.MEMBER)
    public MyProxies myProxies(@PathParam("id") long id) {
        return proxies.mine(id, user.subject());
    }

    @POST
    @Path("/{id}/proxy")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    public RestResponse<ProxyView> appoint(@PathParam("id") long id, @Valid @NotNull ProxyRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, proxies.appoint(id, user.subject(), user.actor(), request));
    }

    @DELETE
    @Path("/{id}/proxy")
    @RolesAllowed(Roles.MEMBER)
    public ProxyView revoke(@PathParam("id") long id) {
        return proxies.revoke(id, user.subject(), user.actor());
    }

    /** Every appointment, for the returning officer and scrutineers. */
    @GET
    @Path("/{id}/proxies")
    @RolesAllowed({ Roles.ADMIN, Roles.SCRUTINEER })
    public List<ProxyView> allProxies(@PathParam("id") long id) {
        return proxies.all(id);
    }

    /** The holder casts one appointer's ballot; the receipt is the appointer's, for the holder to hand on. */
    @POST
    @Path("/{id}/proxies/{appointment}/ballot")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    public RestResponse<CastOutcome.Receipt> castAsProxy(@PathParam("id") long id, @PathParam("appointment") long appointment,
            @Valid @NotNull ProxyCast request) {
        return new CastAnswer("This member's ballot has already been cast",
                "The appointing member is not on the roll of this poll (fixed when voting opened)", "the poll",
                "motion poll " + id).to(proxies.castFor(id, appointment, user.subject(), request.choices()));
    }
}
