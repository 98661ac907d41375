package org.mutualvote.election.documents;

import java.time.Instant;
import java.util.List;

import org.mutualvote.count.CountResult;
import org.mutualvote.election.rejected.RejectedPapersView;
import org.mutualvote.election.timetable.TimetableDates;


/**
 * Everything an election's documents print, read in one transaction: the election, its candidates, its timetable
 * (null until set), and after the count the engine's report, the turnout figures and the rejected papers.
 */
record ElectionFacts(long id, String organisation, String returningOfficer, String title, String constituency,
        int seats, String method, String rule, List<Nominee> candidates, TimetableDates timetable, String state,
        Integer rollSize, long voted, int onlineBallots, int paperBallots, RejectedPapersView rejected,
        CountResult report, Instant countedAt) {

    record Nominee(int position, String name, boolean withdrawn) {
    }

    List<Nominee> standing() {
        return candidates.stream().filter(n -> !n.withdrawn()).toList();
    }

    List<Nominee> withdrawn() {
        return candidates.stream().filter(Nominee::withdrawn).toList();
    }

    boolean counted() {
        return report != null;
    }

    int validBallots() {
        return onlineBallots + paperBallots;
    }
}
