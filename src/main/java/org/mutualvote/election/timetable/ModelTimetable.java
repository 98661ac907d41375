package org.mutualvote.election.timetable;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.mutualvote.web.Phrase;
import org.mutualvote.web.Problem.FieldError;

/**
 * The election timetable of the model election rules that foundation trusts adopt, worked back from the close of
 * poll: each step has a latest day, a number of days before the close of poll, and those numbers vary between
 * constitutions, so they come from configuration ({@link Intervals}). In computing the periods, Saturdays, Sundays,
 * Christmas Day, Good Friday and bank holidays are disregarded, and no step falls on such a day. Plain code with
 * no framework, so its tests are plain JUnit.
 */
final class ModelTimetable {

    /** Working days before the close of poll by which each step must happen, and the count's working days after. */
    record Intervals(int noticeOfElection, int nominationsClose, int statementOfCandidates, int withdrawalsClose,
            int noticeOfPoll, int votingInformation, int countAfter) {
    }

    /** Every date of the timetable. */
    record Dates(LocalDate noticeOfElection, LocalDate nominationsClose, LocalDate statementOfCandidates,
            LocalDate withdrawalsClose, LocalDate noticeOfPoll, LocalDate votingInformation, LocalDate closeOfPoll,
            LocalDate count) {
    }

    private final Intervals intervals;
    private final Set<LocalDate> holidays;

    ModelTimetable(Intervals intervals, Set<LocalDate> holidays) {
        this.intervals = intervals;
        this.holidays = Set.copyOf(holidays);
    }

    /** Each step on its latest allowed day; a close of poll on a disregarded day moves back to the working day before. */
    Dates propose(LocalDate closeOfPoll) {
        LocalDate close = closeOfPoll;
        while (!workingDay(close)) {
            close = close.minusDays(1);
        }
        return new Dates(back(close, intervals.noticeOfElection()), back(close, intervals.nominationsClose()),
                back(close, intervals.statementOfCandidates()), back(close, intervals.withdrawalsClose()),
                back(close, intervals.noticeOfPoll()), back(close, intervals.votingInformation()), close,
                forward(close, intervals.countAfter()));
    }

    /** What breaks the rules, one error per date, naming the interval; empty when the timetable may be used. */
    List<FieldError> check(Dates d) {
        List<FieldError> errors = new ArrayList<>();
        Object[][] steps = {
            { "noticeOfElection", d.noticeOfElection(), "the notice of election" },
            { "nominationsClose", d.nominationsClose(), "the close of nominations" },
            { "statementOfCandidates", d.statementOfCandidates(), "the statement of nominated candidates" },
            { "withdrawalsClose", d.withdrawalsClose(), "the last day for withdrawals" },
            { "noticeOfPoll", d.noticeOfPoll(), "the notice of poll" },
            { "votingInformation", d.votingInformation(), "the issue of voting information" },
            { "closeOfPoll", d.closeOfPoll(), "the close of poll" },
            { "count", d.count(), "the count" },
        };
        for (Object[] s : steps) {
            if (s[1] == null) {
                errors.add(new FieldError((String) s[0], "is required", "not-null"));
            } else if (!workingDay((LocalDate) s[1])) {
                boolean holiday = holidays.contains(s[1]);
                errors.add(Phrase.of(holiday ? "timetable-bank-holiday" : "timetable-weekend", s[1] + " is a "
                        + (holiday ? "bank holiday" : "weekend") + " day, which the rules disregard: " + s[2] + " cannot fall on it",
                        "date", s[1]).at((String) s[0]));
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        LocalDate close = d.closeOfPoll();
        before(errors, "noticeOfElection", d.noticeOfElection(), close, intervals.noticeOfElection(), "the notice of election");
        before(errors, "nominationsClose", d.nominationsClose(), close, intervals.nominationsClose(), "nominations");
        before(errors, "statementOfCandidates", d.statementOfCandidates(), close, intervals.statementOfCandidates(),
                "the statement of nominated candidates");
        before(errors, "withdrawalsClose", d.withdrawalsClose(), close, intervals.withdrawalsClose(), "withdrawals");
        before(errors, "noticeOfPoll", d.noticeOfPoll(), close, intervals.noticeOfPoll(), "the notice of poll");
        before(errors, "votingInformation", d.votingInformation(), close, intervals.votingInformation(),
                "the voting information");
        // The steps follow each other: nothing can be stated before what it depends on has happened.
        order(errors, "nominationsClose", d.noticeOfElection(), d.nominationsClose(), "the notice of election", "notice-of-election");
        order(errors, "statementOfCandidates", d.nominationsClose(), d.statementOfCandidates(), "the close of nominations",
                "nominations-close");
        order(errors, "withdrawalsClose", d.statementOfCandidates(), d.withdrawalsClose(), "the statement of candidates",
                "statement-of-candidates");
        order(errors, "noticeOfPoll", d.withdrawalsClose(), d.noticeOfPoll(), "the last day for withdrawals", "withdrawals-close");
        order(errors, "votingInformation", d.withdrawalsClose(), d.votingInformation(), "the last day for withdrawals",
                "withdrawals-close");
        order(errors, "count", close, d.count(), "the close of poll", "close-of-poll");
        return errors;
    }

    private static String workingDays(long n) {
        return n + (n == 1 ? " working day" : " working days");
    }

    private void before(List<FieldError> errors, String field, LocalDate date, LocalDate close, int days, String what) {
        LocalDate latest = back(close, days);
        if (date.isAfter(latest)) {
            long actual = workingDaysBetween(date, close);
            errors.add(Phrase.of("timetable-too-late", "must be on or before " + latest + ": " + what + " must come at least " + days
                    + " working days before the close of poll (" + close + "); " + date + " is "
                    + workingDays(actual) + " before it",
                    "latest", latest, "days", days, "close", close, "date", date, "actual", actual).at(field));
        }
    }

    /** {@code step} names the earlier step in the error's code: "timetable-before-notice-of-election". */
    private static void order(List<FieldError> errors, String field, LocalDate earlier, LocalDate date, String what, String step) {
        if (date.isBefore(earlier)) {
            errors.add(Phrase.of("timetable-before-" + step, "must not be before " + what + " (" + earlier + ")", "earlier", earlier)
                    .at(field));
        }
    }

    boolean workingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(d);
    }

    /** The working day {@code days} working days before {@code d}. */
    LocalDate back(LocalDate d, int days) {
        LocalDate x = d;
        for (int i = 0; i < days; i++) {
            do {
                x = x.minusDays(1);
            } while (!workingDay(x));
        }
        return x;
    }

    private LocalDate forward(LocalDate d, int days) {
        LocalDate x = d;
        for (int i = 0; i < days; i++) {
            do {
                x = x.plusDays(1);
            } while (!workingDay(x));
        }
        return x;
    }

    /** Working days from {@code from} up to, not including, {@code to}; negative when {@code from} is later. */
    private int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        if (from.isAfter(to)) {
            for (LocalDate x = to; x.isBefore(from); x = x.plusDays(1)) {
                n -= workingDay(x) ? 1 : 0;
            }
            return n;
        }
        for (LocalDate x = from; x.isBefore(to); x = x.plusDays(1)) {
            n += workingDay(x) ? 1 : 0;
        }
        return n;
    }
}
