package org.mutualvote.membership;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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

import org.jboss.resteasy.reactive.ResponseStatus;
import org.mutualvote.membership.ConstituencyDtos.ConstituencyRequest;
import org.mutualvote.membership.ConstituencyDtos.ConstituencyView;
import org.mutualvote.security.CurrentUser;
import org.mutualvote.security.Roles;
import org.mutualvote.web.ProblemException;

@Path("/api/constituencies")
@Produces(MediaType.APPLICATION_JSON)
public class ConstituencyResource {

    private final ConstituencyService service;
    private final CurrentUser user;

    public ConstituencyResource(ConstituencyService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    /** Anyone logged in: the open constituencies and their rules, to see where they would fit. */
    @GET
    @RolesAllowed("**")
    public List<ConstituencyView> list(@QueryParam("includeRetired") @DefaultValue("false")
            @Pattern(regexp = "true|false", message = "{true-or-false}") String includeRetired) {
        boolean retiredToo = Boolean.parseBoolean(includeRetired);
        if (retiredToo && !user.hasRole(Roles.ADMIN)) {
            throw ProblemException.forbidden("Only admins see retired constituencies");
        }
        return service.list(retiredToo);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("**")
    public ConstituencyView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @ResponseStatus(201)
    public ConstituencyView create(@Valid @NotNull ConstituencyRequest request) {
        return service.create(user.actor(), request);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public ConstituencyView update(@PathParam("id") long id, @Valid @NotNull ConstituencyRequest request) {
        return service.update(user.actor(), id, request);
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed(Roles.ADMIN)
    public ConstituencyView retire(@PathParam("id") long id) {
        return service.retire(user.actor(), id);
    }

    /** Only a constituency that never had a member; otherwise 409: retire it. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @ResponseStatus(204)
    public void delete(@PathParam("id") long id) {
        service.delete(user.actor(), id);
    }
}
