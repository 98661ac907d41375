package org.mutualvote.election.documents;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mutualvote.count.CountResult;
import org.mutualvote.count.Stage;
import org.mutualvote.election.documents.ElectionFacts.Nominee;
import org.mutualvote.election.rejected.RejectedPapersView;


/**
 * The documents of an election as printable XHTML pages, built from its data: what the model election rules ask the
 * returning officer to publish or sign. Plain code: the same page is served as HTML and laid out as PDF.
 */
final class DocumentPages {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    /** Stages per table of the count sheet, so a landscape A4 page holds them. */
    private static final int STAGES_PER_TABLE = 8;

    private DocumentPages() {
    }

    static String render(ElectionDocument document, ElectionFacts f) {
        return switch (document) {
            case NOTICE_OF_ELECTION -> noticeOfElection(f);
            case STATEMENT_OF_CANDIDATES -> statementOfCandidates(f);
            case NOTICE_OF_POLL -> noticeOfPoll(f);
            case COUNT_SHEET -> countSheet(f);
            case DECLARATION -> declaration(f);
        };
    }

    private static String noticeOfElection(ElectionFacts f) {
        Html h = page("Notice of election", f, false);
        h.el("p", "An election is to be held of " + seats(f) + " for the " + f.constituency() + " constituency of "
                + f.organisation() + ".");
        h.el("p", "Method of election: " + method(f) + ".");
        if (f.timetable() != null) {
            h.el("p", "Nomination forms may be obtained from the returning officer and must be delivered by "
                    + f.timetable().closingTime() + " on " + date(f.timetable().nominationsClose()) + ".");
            h.el("p", "Notices of withdrawal of candidature must be delivered by " + f.timetable().closingTime() + " on "
                    + date(f.timetable().withdrawalsClose()) + ".");
            h.el("p", "If the election is contested, the poll will close at " + f.timetable().closingTime() + " on "
                    + date(f.timetable().closeOfPoll()) + ".");
        } else {
            h.el("p", "The timetable of the election has not been set yet.");
        }
        return signed(h, f, f.timetable() == null ? null : f.timetable().noticeOfElection());
    }

    private static String statementOfCandidates(ElectionFacts f) {
        Html h = page("Statement of nominated candidates", f, false);
        h.el("p", "The following persons stand nominated for election to " + seats(f) + " for the " + f.constituency()
                + " constituency:");
        nominees(h, f.standing(), "Candidates standing");
        if (f.withdrawn().isEmpty()) {
            h.el("p", "No candidate has withdrawn.");
        } else {
            nominees(h, f.withdrawn(), "Candidates who have withdrawn (their names will not appear on the ballot)");
        }
        if (f.standing().size() <= f.seats()) {
            h.el("p", "As the number of candidates does not exceed the number of seats, the candidates standing are"
                    + " declared elected without a poll.");
        }
        return signed(h, f, f.timetable() == null ? null : f.timetable().statementOfCandidates());
    }

    private static String noticeOfPoll(ElectionFacts f) {
        Html h = page("Notice of poll", f, false);
        h.el("p", "A poll will be held for the election of " + seats(f) + " for the " + f.constituency()
                + " constituency of " + f.organisation() + ". The candidates, in the order they appear on the ballot, are:");
        nominees(h, f.standing(), "Candidates");
        h.el("p", "Method of election: " + method(f) + ". Rank the candidates in order of preference: 1 for your first"
                + (f.method().equals("stv") || f.method().equals("irv") ? " choice, 2 for your second, and so on." : " choice."));
        if (f.timetable() != null) {
            h.el("p", "Voting information will be sent to members on " + date(f.timetable().votingInformation())
                    + ". The poll closes at " + f.timetable().closingTime() + " on " + date(f.timetable().closeOfPoll())
                    + "; the count takes place on " + date(f.timetable().count()) + ".");
        }
        return signed(h, f, f.timetable() == null ? null : f.timetable().noticeOfPoll());
    }

    /** One column per stage, one row per candidate, the non-transferable votes, then what each stage did. */
    private static String countSheet(ElectionFacts f) {
        Html h = page("Count sheet", f, true);
        CountResult r = f.report();
        List<String> names = r.candidates();
        h.el("p", "Method of election: " + method(f) + ". Seats: " + f.seats() + ". Valid ballots: " + f.validBallots()
                + " (online " + f.onlineBallots() + ", paper " + f.paperBallots() + "). Quota: "
                + (r.stages().isEmpty() ? "-" : r.format(r.quota())) + ". Seed for any lot: " + r.seed() + ".");
        List<Stage> stages = r.stages();
        if (stages.isEmpty()) {
            h.el("p", "No poll was held: no more candidates stood than there were seats.");
        }
        for (int from = 0; from < stages.size(); from += STAGES_PER_TABLE) {
            int to = Math.min(stages.size(), from + STAGES_PER_TABLE);
            h.open("table", "sheet").open("thead").open("tr").el("th", "Candidate");
            for (int s = from; s < to; s++) {
                h.el("th", "num", "Stage " + stages.get(s).number());
            }
            h.close("tr").close("thead").open("tbody");
            for (int c = 0; c < names.size(); c++) {
                h.open("tr").el("td", names.get(c));
                for (int s = from; s < to; s++) {
                    Stage st = stages.get(s);
                    String mark = st.elected().contains(c) ? " elected" : st.excluded().contains(c) ? " excluded" : "";
                    h.el("td", "num", r.format(st.votes()[c]) + mark);
                }
                h.close("tr");
            }
            h.open("tr").el("td", "Non-transferable");
            for (int s = from; s < to; s++) {
                h.el("td", "num", r.format(stages.get(s).nonTransferable()));
            }
            h.close("tr").close("tbody").close("table");
        }
        h.el("h2", "Stages");
        h.open("ol");
        for (Stage st : stages) {
            StringBuilder line = new StringBuilder(st.action());
            appendNames(line, ". Elected: ", st.elected(), names);
            appendNames(line, ". Excluded: ", st.excluded(), names);
            if (st.note() != null) {
                line.append(" (").append(st.note()).append(')');
            }
            h.el("li", line);
        }
        h.close("ol");
        h.el("p", "Elected, in order of election: " + String.join(", ", r.electedNames()) + ".");
        h.el("p", "I certify that this is a true record of the count, which anyone may repeat from the published"
                + " ballots with the rule and seed above.");
        return signed(h, f, f.countedAt() == null ? null : f.countedAt().atZone(ZoneOffset.UTC).toLocalDate());
    }

    private static String declaration(ElectionFacts f) {
        Html h = page("Declaration of result of poll", f, false);
        h.el("p", "I, " + f.returningOfficer() + ", being the returning officer at the election of " + seats(f)
                + " for the " + f.constituency() + " constituency of " + f.organisation() + ", held by " + method(f)
                + ", give notice that:");
        RejectedPapersView rejected = f.rejected();
        long cast = f.voted() + rejected.total();
        h.open("table", "facts").open("tbody");
        row(h, "Members entitled to vote (the voter roll)", f.rollSize() == null ? "-" : f.rollSize().toString());
        row(h, "Valid votes counted", f.validBallots() + " (online " + f.onlineBallots() + ", paper " + f.paperBallots() + ")");
        row(h, "Ballot papers rejected", Integer.toString(rejected.total()));
        row(h, "Votes cast, rejected papers included", Long.toString(cast));
        row(h, "Turnout in the " + f.constituency() + " constituency", turnout(cast, f.rollSize()));
        h.close("tbody").close("table");
        h.el("h2", "Ballot papers rejected (rule 46)");
        h.open("table", "facts").open("tbody");
        for (RejectedPapersView.Line line : rejected.lines()) {
            row(h, line.words(), Integer.toString(line.papers()));
        }
        row(h, "Total", Integer.toString(rejected.total()));
        h.close("tbody").close("table");
        h.el("h2", "Elected");
        h.open("ol");
        f.report().electedNames().forEach(n -> h.el("li", n));
        h.close("ol");
        h.el("p", "and I declare the candidates named above duly elected.");
        return signed(h, f, f.countedAt() == null ? null : f.countedAt().atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** Percent of the roll to one decimal place, rounded half up, in integers. */
    static String turnout(long cast, Integer rollSize) {
        if (rollSize == null || rollSize == 0) {
            return "-";
        }
        long tenths = (cast * 1000 * 2 + rollSize) / (2L * rollSize);
        return (tenths / 10) + "." + (tenths % 10) + "% (" + cast + " of " + rollSize + ")";
    }

    private static Html page(String heading, ElectionFacts f, boolean landscape) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"/>");
        h.open("title").text(heading + ": " + f.title()).close("title");
        h.raw("<style>")
                .raw("@page { size: A4" + (landscape ? " landscape" : "") + "; margin: 16mm; }")
                .raw("body { font-family: sans-serif; font-size: " + (landscape ? "9pt" : "11pt") + "; line-height: 1.4; }")
                .raw("h1 { font-size: 16pt; margin: 0 0 4pt 0; } h2 { font-size: 12pt; margin: 12pt 0 4pt 0; }")
                .raw(".org { font-size: 10pt; margin: 0; }")
                .raw("table { border-collapse: collapse; margin: 6pt 0 10pt 0; }")
                .raw("th, td { border: 0.5pt solid #444; padding: 2pt 5pt; text-align: left; vertical-align: top; }")
                .raw(".num { text-align: right; } .sign { margin-top: 28pt; }")
                .raw("</style></head><body>");
        h.el("p", "org", f.organisation());
        h.el("h1", heading);
        h.el("p", "org", f.title() + ": " + f.constituency() + " constituency");
        return h;
    }

    private static String signed(Html h, ElectionFacts f, LocalDate on) {
        h.open("div", "sign");
        h.el("p", "Signed: ______________________________");
        h.el("p", f.returningOfficer().toLowerCase(Locale.ROOT).contains("returning officer") ? f.returningOfficer()
                : f.returningOfficer() + ", Returning Officer");
        h.el("p", "Date: " + (on == null ? "____________________" : date(on)));
        h.close("div");
        return h.raw("</body></html>").toString();
    }

    private static void nominees(Html h, List<Nominee> list, String caption) {
        h.open("table", "facts").open("thead").open("tr").el("th", "No.").el("th", caption).close("tr").close("thead").open("tbody");
        for (Nominee n : list) {
            h.open("tr").el("td", "num", n.position()).el("td", n.name()).close("tr");
        }
        h.close("tbody").close("table");
    }

    private static void row(Html h, String label, String value) {
        h.open("tr").el("th", label).el("td", "num", value).close("tr");
    }

    private static String seats(ElectionFacts f) {
        return f.seats() == 1 ? "1 member" : f.seats() + " members";
    }

    private static final Map<String, String> RULES = Map.of(
            "ni85", "the single transferable vote, counted under the Northern Ireland local election rules of 1985",
            "scotland", "the single transferable vote, counted under the Scottish local government election rules",
            "ers97", "the single transferable vote, counted under the Electoral Reform Society's 1997 rules",
            "meek", "the single transferable vote, counted by Meek's method",
            "irv", "the alternative vote (instant runoff)",
            "fptp", "first past the post");

    private static String method(ElectionFacts f) {
        return RULES.getOrDefault(f.rule(), f.rule());
    }

    private static String date(LocalDate d) {
        return d.format(LONG_DATE);
    }

    private static void appendNames(StringBuilder line, String label, List<Integer> who, List<String> names) {
        if (!who.isEmpty()) {
            line.append(label).append(String.join(", ", who.stream().map(names::get).toList()));
        }
    }
}
