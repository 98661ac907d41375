package org.mutualvote.election.timetable;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.mutualvote.security.CurrentUser;
import org.mutualvote.security.Roles;
import org.mutualvote.web.ProblemException;

/** The model election rules' timetable of an election: proposed from a close of poll, checked, set. */
@Path("/api/elections/{id}/timetable")
@Produces(MediaType.APPLICATION_JSON)
public class ElectionTimetableResource {

    private final ElectionTimetableService timetables;
    private final CurrentUser user;

    ElectionTimetableResource(ElectionTimetableService timetables, CurrentUser user) {
        this.timetables = timetables;
        this.user = user;
    }

    /** The timetable set for the election (404 until one is set). */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SCRUTINEER, Roles.BOARD })
    public TimetableDates get(@PathParam("id") long id) {
        return timetables.get(id).orElseThrow(() -> ProblemException.notFound("a timetable for election " + id));
    }

    /** Every date the rules require for a poll closing on {@code closeOfPoll} (an ISO date), each on its latest day. */
    @GET
    @Path("/proposal")
    @RolesAllowed(Roles.ADMIN)
    public TimetableDates propose(@PathParam("id") long id, @QueryParam("closeOfPoll") String closeOfPoll) {
        return timetables.propose(id, date(closeOfPoll));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public TimetableDates set(@PathParam("id") long id, @Valid @NotNull TimetableRequest request) {
        return timetables.set(id, request, user.actor());
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("closeOfPoll is required, as a date such as 2027-03-18").coded("close-of-poll-needed");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("closeOfPoll must be a date such as 2027-03-18, not '" + value + "'")
                    .coded("close-of-poll-not-a-date", "value", value);
        }
    }
}
