package org.mutualvote.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;
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
        return audit.verify(null);
    }

    /** Verifies the chain and that it still holds a head published earlier (a file from {@code GET /api/audit/head}). */
    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    public AuditService.ChainReport verifyAgainst(@Valid @NotNull AuditService.SignedHead published) {
        return audit.verify(published);
    }

    /** The chain's head with its signature, as a file to keep outside the database. */
    @GET
    @Path("/head")
    public RestResponse<AuditService.SignedHead> head() {
        AuditService.SignedHead head = audit.signedHead();
        return RestResponse.ResponseBuilder.ok(head)
                .header("Content-Disposition", "attachment; filename=\"audit-head-" + head.seq() + ".json\"").build();
    }

    /**
     * The public key that signs every published head, for anyone to check a head with openssl. Public: members see
     * heads on bulletin boards, and a scrutineer should be able to fetch the key before signing in.
     */
    @GET
    @Path("/public-key")
    @PermitAll
    @Produces("application/x-pem-file")
    public RestResponse<String> publicKey() {
        return RestResponse.ResponseBuilder.ok(audit.publicKeyPem())
                .header("Content-Disposition", "attachment; filename=\"mutualvote-audit-key.pem\"").build();
    }
}
