package org.mutualvote.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.mutualvote.security.Roles;
import org.mutualvote.web.PlainText;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.SCRUTINEER })
public class AuditResource {

    private final AuditService audit;

    public AuditResource(AuditService audit) {
        this.audit = audit;
    }

    /** Newest first. */
    @GET
    public AuditService.AuditPage page(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
            @QueryParam("action") @PlainText String action) {
        return audit.page(page, size, action);
    }

    @GET
    @Path("/verify")
    public AuditService.ChainReport verify() {
        return audit.verify();
    }
}
