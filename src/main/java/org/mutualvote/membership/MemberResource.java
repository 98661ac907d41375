package org.mutualvote.membership;

import java.io.InputStream;
import java.net.URI;

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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.mutualvote.membership.MemberDtos.Application;
import org.mutualvote.membership.MemberDtos.Counts;
import org.mutualvote.membership.MemberDtos.DetailsUpdate;
import org.mutualvote.membership.MemberDtos.MemberPage;
import org.mutualvote.membership.MemberDtos.MemberView;
import org.mutualvote.membership.MemberDtos.Rejection;
import org.mutualvote.membership.MemberDtos.StatusChange;
import org.mutualvote.security.CurrentUser;
import org.mutualvote.security.Roles;
import org.mutualvote.web.MutualVoteConfig;
import org.mutualvote.web.PlainText;
import org.mutualvote.web.RateLimiter;
import org.mutualvote.web.ProblemException;

@Path("/api/members")
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {

    private final MemberService service;
    private final MemberImport importer;
    private final CurrentUser user;
    private final MutualVoteConfig config;
    private final RateLimiter limiter;

    public MemberResource(MemberService service, MemberImport importer, CurrentUser user, MutualVoteConfig config,
            RateLimiter limiter) {
        this.service = service;
        this.limiter = limiter;
        this.importer = importer;
        this.user = user;
        this.config = config;
    }

    /**
     * Sign-up by anyone logged in who has no member record yet. Identities are cheap to make at an open
     * provider, so sign-ups are limited per client address and in all (429 with Retry-After beyond).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("**")
    public Response signUp(@Valid @NotNull Application application, @Context HttpServerRequest http) {
        MutualVoteConfig.Web web = config.web();
        if (!limiter.admit("sign-up:" + http.remoteAddress().hostAddress(), web.signUpsPerAddressPerMinute())
                || !limiter.admit("sign-up", web.signUpsPerMinute())) {
            throw RateLimiter.tooMany("sign-ups");
        }
        SignUp outcome = service.signUp(user.subject(), user.actor(), user.verifiedEmail(), application);
        if (outcome instanceof SignUp.Joined joined) {
            return Response.created(URI.create("/api/members/me")).entity(joined.member()).build();
        }
        if (outcome instanceof SignUp.Linked linked) {
            return Response.ok(linked.member()).build();
        }
        if (outcome instanceof SignUp.AlreadyMember) {
            throw ProblemException.conflict("You already have a member record; see /api/members/me").coded("already-member");
        }
        if (outcome instanceof SignUp.EmailTaken) {
            throw ProblemException.conflict("The email " + application.email().trim() + " is already used by another member")
                    .coded("email-taken");
        }
        throw MemberService.problemFor(((SignUp.NotEligible) outcome).why());
    }

    @GET
    @Path("/me")
    @RolesAllowed("**")
    public MemberView me() {
        return service.mine(user.subject()).orElseThrow(() -> ProblemException.notFound("A member record for you")
                .coded("no-member-record"));
    }

    @PUT
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("**")
    public MemberView updateMe(@Valid @NotNull DetailsUpdate update) {
        return service.updateMine(user.subject(), user.actor(), update);
    }

    /** Leave: the membership lapses; the record stays until erasure is asked for. */
    @POST
    @Path("/me/leave")
    @RolesAllowed("**")
    public MemberView leave() {
        return service.leave(user.subject(), user.actor());
    }

    /** Rejoin after leaving: eligibility is checked again. */
    @POST
    @Path("/me/rejoin")
    @RolesAllowed("**")
    public MemberView rejoin() {
        return service.rejoin(user.subject(), user.actor());
    }

    /** Erasure: personal data removed, the anonymous row stays so no count changes. */
    @DELETE
    @Path("/me")
    @RolesAllowed("**")
    @ResponseStatus(204)
    public void erase() {
        service.erase(user.subject(), user.actor());
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public MemberPage search(@QueryParam("name") @PlainText String name, @QueryParam("email") @PlainText String email,
            @QueryParam("constituencyId") Long constituencyId, @QueryParam("status") @PlainText String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        MemberStatus s;
        try {
            s = status == null || status.isBlank() ? null : MemberStatus.parse(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage()).coded("member-status-unknown", "value", status);
        }
        return service.search(name, email, constituencyId, s, page, size);
    }

    /** Counts per constituency and status: no personal data. */
    @GET
    @Path("/counts")
    @RolesAllowed({ Roles.ADMIN, Roles.SCRUTINEER, Roles.BOARD })
    public Counts counts() {
        return service.counts();
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed(Roles.ADMIN)
    public Response export() {
        return Response.ok(service.export(user.actor()), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"members.csv\"").build();
    }

    /**
     * Dry run unless {@code dryRun=false}; the real run writes every row or none. Rows that would give a
     * self-signed-up login a register record need {@code confirmLinks=true}. Both take only true or false:
     * a typo must never start a real import.
     */
    @POST
    @Path("/import")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    @RolesAllowed(Roles.ADMIN)
    public MemberImport.ImportReport importCsv(
            @QueryParam("dryRun") @DefaultValue("true") @Pattern(regexp = "true|false", message = "{true-or-false}") String dryRun,
            @QueryParam("confirmLinks") @DefaultValue("false") @Pattern(regexp = "true|false", message = "{true-or-false}") String confirmLinks,
            @HeaderParam("Content-Length") Long contentLength, InputStream body) {
        long limit = config.membership().importMaxBytes();
        if (contentLength != null && contentLength > limit) {
            throw MemberImport.tooLarge(limit);
        }
        return importer.run(user.actor(), MemberImport.readLimited(body, limit), Boolean.parseBoolean(dryRun),
                Boolean.parseBoolean(confirmLinks));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public MemberView get(@PathParam("id") long id) {
        return service.get(id);
    }

    /** Erasure on a member's request made by other means: the same as their own, audited as the admin's. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @ResponseStatus(204)
    public void eraseOnRequest(@PathParam("id") long id) {
        service.eraseById(id, user.actor());
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.ADMIN)
    public MemberView approve(@PathParam("id") long id) {
        return service.approve(user.actor(), id);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public MemberView reject(@PathParam("id") long id, @Valid @NotNull Rejection rejection) {
        return service.reject(user.actor(), id, rejection.reason());
    }

    @PUT
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public MemberView changeStatus(@PathParam("id") long id, @Valid @NotNull StatusChange change) {
        return service.changeStatus(user.actor(), id, change);
    }
}
