package org.mutualvote.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

/** Test-only endpoint that triggers each class of error, so the mapping is checked in one place. */
@Path("/api/test-probe")
@Authenticated
public class ProblemProbeResource {

    public record Probe(@NotBlank String name, @NotNull @Min(1) Integer seats) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Probe echo(@Valid @NotNull Probe probe) {
        if ("taken".equals(probe.name())) {
            throw ProblemException.conflict("The name 'taken' is already in use");
        }
        if ("boom".equals(probe.name())) {
            throw new IllegalStateException("secret internal detail");
        }
        return probe;
    }
}
