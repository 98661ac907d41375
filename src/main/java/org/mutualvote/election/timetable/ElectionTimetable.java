package org.mutualvote.election.timetable;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The dates of an election's model-rules timetable, as the returning officer set them. Shares the contest's id. */
@Entity
@Table(name = "election_timetable")
public class ElectionTimetable {

    @Id
    @Column(name = "contest_id")
    public Long contestId;

    @Column(name = "notice_of_election", nullable = false)
    public LocalDate noticeOfElection;

    @Column(name = "nominations_close", nullable = false)
    public LocalDate nominationsClose;

    @Column(name = "statement_of_candidates", nullable = false)
    public LocalDate statementOfCandidates;

    @Column(name = "withdrawals_close", nullable = false)
    public LocalDate withdrawalsClose;

    @Column(name = "notice_of_poll", nullable = false)
    public LocalDate noticeOfPoll;

    @Column(name = "voting_information", nullable = false)
    public LocalDate votingInformation;

    @Column(name = "close_of_poll", nullable = false)
    public LocalDate closeOfPoll;

    @Column(name = "count_day", nullable = false)
    public LocalDate count;
}
