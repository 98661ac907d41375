package org.mutualvote.election.timetable;

import java.time.LocalDate;

/** The dates a returning officer sets (local dates of the trust); each is checked against the rules' intervals. */
public record TimetableRequest(LocalDate noticeOfElection, LocalDate nominationsClose, LocalDate statementOfCandidates,
        LocalDate withdrawalsClose, LocalDate noticeOfPoll, LocalDate votingInformation, LocalDate closeOfPoll,
        LocalDate count) {

    ModelTimetable.Dates dates() {
        return new ModelTimetable.Dates(noticeOfElection, nominationsClose, statementOfCandidates, withdrawalsClose,
                noticeOfPoll, votingInformation, closeOfPoll, count);
    }
}
