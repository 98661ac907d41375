package org.mutualvote.election.timetable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mutualvote.web.Problem.FieldError;

/** The model rules' timetable worked out by hand on a calendar (working days: weekends and bank holidays skipped). */
class ModelTimetableTest {

    /** The defaults: 40, 28, 27, 25, 15 and 15 working days before the close of poll; the count one after. */
    private static final ModelTimetable RULES = new ModelTimetable(new ModelTimetable.Intervals(40, 28, 27, 25, 15, 15, 1),
            Set.of(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-03-26"), LocalDate.parse("2027-03-29")));

    /**
     * Close of poll Thursday 18 March 2027; no bank holiday falls between 21 January and then, so 5 working days are
     * a calendar week: 15 back = 3 weeks = Thu 25 Feb; 25 = 5 weeks = Thu 11 Feb; 27 = Tue 9 Feb; 28 = Mon 8 Feb;
     * 40 = 8 weeks = Thu 21 Jan. The count goes to the next working day, Friday 19 March.
     */
    @Test
    void everyDateIsProposedOnItsLatestDay() {
        ModelTimetable.Dates d = RULES.propose(LocalDate.parse("2027-03-18"));
        assertEquals(LocalDate.parse("2027-01-21"), d.noticeOfElection());
        assertEquals(LocalDate.parse("2027-02-08"), d.nominationsClose());
        assertEquals(LocalDate.parse("2027-02-09"), d.statementOfCandidates());
        assertEquals(LocalDate.parse("2027-02-11"), d.withdrawalsClose());
        assertEquals(LocalDate.parse("2027-02-25"), d.noticeOfPoll());
        assertEquals(LocalDate.parse("2027-02-25"), d.votingInformation());
        assertEquals(LocalDate.parse("2027-03-18"), d.closeOfPoll());
        assertEquals(LocalDate.parse("2027-03-19"), d.count());
        assertEquals(List.of(), RULES.check(d), "the proposal keeps every interval");
    }

    /**
     * Close of poll Thursday 8 April 2027, after Easter: counting back 15 working days skips the weekends and Good
     * Friday (26 March) and Easter Monday (29 March): 7, 6, 5, 2, 1 April, 31, 30, 25, 24, 23, 22, 19, 18, 17, 16 March.
     */
    @Test
    void bankHolidaysAreDisregarded() {
        assertEquals(LocalDate.parse("2027-03-16"), RULES.propose(LocalDate.parse("2027-04-08")).noticeOfPoll());
    }

    /** A close of poll chosen on Sunday 21 March 2027 moves back to the working day before, Friday 19 March. */
    @Test
    void aCloseOfPollOnADisregardedDayMovesBack() {
        assertEquals(LocalDate.parse("2027-03-19"), RULES.propose(LocalDate.parse("2027-03-21")).closeOfPoll());
    }

    /**
     * A notice of election on Thursday 28 January 2027 is only 35 working days before the close of poll on 18 March
     * (40 less the 5 of the week moved): refused, naming the interval and the latest day allowed.
     */
    @Test
    void aTimetableBreakingAnIntervalIsRefusedNamingIt() {
        ModelTimetable.Dates ok = RULES.propose(LocalDate.parse("2027-03-18"));
        ModelTimetable.Dates late = new ModelTimetable.Dates(LocalDate.parse("2027-01-28"), ok.nominationsClose(),
                ok.statementOfCandidates(), ok.withdrawalsClose(), ok.noticeOfPoll(), ok.votingInformation(),
                ok.closeOfPoll(), ok.count());
        List<FieldError> errors = RULES.check(late);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("noticeOfElection", errors.get(0).field());
        assertTrue(errors.get(0).message().contains("must be on or before 2027-01-21"), errors.get(0).message());
        assertTrue(errors.get(0).message().contains("at least 40 working days before the close of poll"), errors.get(0).message());
        assertTrue(errors.get(0).message().contains("is 35 working days before it"), errors.get(0).message());
    }

    @Test
    void stepsOutOfOrderOrOnADisregardedDayAreRefused() {
        ModelTimetable.Dates ok = RULES.propose(LocalDate.parse("2027-03-18"));
        ModelTimetable.Dates countFirst = new ModelTimetable.Dates(ok.noticeOfElection(), ok.nominationsClose(),
                ok.statementOfCandidates(), ok.withdrawalsClose(), ok.noticeOfPoll(), ok.votingInformation(),
                ok.closeOfPoll(), LocalDate.parse("2027-03-17"));
        assertEquals(List.of("count"), RULES.check(countFirst).stream().map(FieldError::field).toList());
        ModelTimetable.Dates saturday = new ModelTimetable.Dates(ok.noticeOfElection(), ok.nominationsClose(),
                ok.statementOfCandidates(), ok.withdrawalsClose(), ok.noticeOfPoll(), ok.votingInformation(),
                ok.closeOfPoll(), LocalDate.parse("2027-03-20"));
        FieldError weekend = RULES.check(saturday).get(0);
        assertEquals("count", weekend.field());
        assertTrue(weekend.message().contains("weekend"), weekend.message());
        ModelTimetable.Dates goodFriday = new ModelTimetable.Dates(ok.noticeOfElection(), ok.nominationsClose(),
                ok.statementOfCandidates(), ok.withdrawalsClose(), ok.noticeOfPoll(), ok.votingInformation(),
                ok.closeOfPoll(), LocalDate.parse("2027-03-26"));
        assertTrue(RULES.check(goodFriday).get(0).message().contains("bank holiday"));
    }
}
