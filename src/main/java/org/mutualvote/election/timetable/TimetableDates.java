package org.mutualvote.election.timetable;

import java.time.LocalDate;

/**
 * An election's model-rules timetable as the API shows and takes it: local dates of the trust. Nominations and
 * the poll close at {@code closingTime} on their day.
 */
public record TimetableDates(LocalDate noticeOfElection, LocalDate nominationsClose, LocalDate statementOfCandidates,
        LocalDate withdrawalsClose, LocalDate noticeOfPoll, LocalDate votingInformation, LocalDate closeOfPoll,
        LocalDate count, String closingTime, String zone) {

    static TimetableDates from(ModelTimetable.Dates d, String closingTime, String zone) {
        return new TimetableDates(d.noticeOfElection(), d.nominationsClose(), d.statementOfCandidates(),
                d.withdrawalsClose(), d.noticeOfPoll(), d.votingInformation(), d.closeOfPoll(), d.count(), closingTime, zone);
    }

    static TimetableDates from(ElectionTimetable t, String closingTime, String zone) {
        return new TimetableDates(t.noticeOfElection, t.nominationsClose, t.statementOfCandidates, t.withdrawalsClose,
                t.noticeOfPoll, t.votingInformation, t.closeOfPoll, t.count, closingTime, zone);
    }
}
