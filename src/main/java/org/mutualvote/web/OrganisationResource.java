package org.mutualvote.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The portal's landing page reads who runs it and where to get help (mutualvote.organisation.*). */
@Path("/api/organisation")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class OrganisationResource {

    private final MutualVoteConfig config;

    public OrganisationResource(MutualVoteConfig config) {
        this.config = config;
    }

    @GET
    public Organisation organisation() {
        MutualVoteConfig.Organisation o = config.organisation();
        return new Organisation(o.name(), o.purpose().orElse(null), o.helpEmail().orElse(null), o.helpPhone().orElse(null),
                o.helpUrl().orElse(null));
    }

    /** Absent values are null: the portal then uses its own words. */
    public record Organisation(String name, String purpose, String helpEmail, String helpPhone, String helpUrl) {
    }
}
