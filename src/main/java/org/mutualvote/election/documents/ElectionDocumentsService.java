package org.mutualvote.election.documents;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.mutualvote.contest.Contest;
import org.mutualvote.contest.ContestKind;
import org.mutualvote.contest.ContestRepository;
import org.mutualvote.contest.ContestResult;
import org.mutualvote.contest.ContestResultRepository;
import org.mutualvote.contest.VoterRoll;
import org.mutualvote.count.CountResult;
import org.mutualvote.election.CandidateRepository;
import org.mutualvote.election.Election;
import org.mutualvote.election.ElectionRepository;
import org.mutualvote.election.rejected.RejectedPapersService;
import org.mutualvote.election.timetable.ElectionTimetableService;
import org.mutualvote.web.MutualVoteConfig;
import org.mutualvote.web.ProblemException;


/** Renders an election's documents from its data, as XHTML pages or PDF. */
@ApplicationScoped
public class ElectionDocumentsService {

    /** A rendered document: its bytes and media type. */
    public record Rendered(String fileName, String mediaType, byte[] body) {
    }

    private final ContestRepository contests;
    private final ElectionRepository elections;
    private final CandidateRepository candidates;
    private final ContestResultRepository results;
    private final VoterRoll roll;
    private final ElectionTimetableService timetables;
    private final RejectedPapersService rejected;
    private final MutualVoteConfig.Documents names;

    ElectionDocumentsService(ContestRepository contests, ElectionRepository elections, CandidateRepository candidates,
            ContestResultRepository results, VoterRoll roll, ElectionTimetableService timetables,
            RejectedPapersService rejected, MutualVoteConfig config) {
        this.contests = contests;
        this.elections = elections;
        this.candidates = candidates;
        this.results = results;
        this.roll = roll;
        this.timetables = timetables;
        this.rejected = rejected;
        this.names = config.documents();
    }

    /**
     * The document {@code name} of election {@code id} as {@code html} or {@code pdf}: 404 for an unknown document,
     * 409 for the count sheet or declaration before the count.
     */
    @Transactional
    public Rendered render(long id, String name, String format) {
        ElectionDocument document = ElectionDocument.of(name);
        if (document == null) {
            throw ProblemException.notFound("document '" + name + "' (the documents are " + ElectionDocument.names() + ")");
        }
        ElectionFacts facts = facts(id);
        if (document.needsCount() && !facts.counted()) {
            throw ProblemException.conflict("The election is " + facts.state() + "; the " + document.key().replace('-', ' ')
                    + " exists once the votes are counted")
                    .coded("document-needs-count", "document", document.key(), "state", facts.state());
        }
        String page = DocumentPages.render(document, facts);
        String file = "election-" + id + "-" + document.key();
        return format.equals("pdf") ? new Rendered(file + ".pdf", "application/pdf", Pdf.render(page))
                : new Rendered(file + ".html", "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    private ElectionFacts facts(long id) {
        Contest c = contests.ofKind(id, ContestKind.ELECTION);
        Election e = elections.findById(id);
        List<ElectionFacts.Nominee> nominees = candidates.ofContest(id).stream()
                .map(k -> new ElectionFacts.Nominee(k.position, k.name, k.withdrawn)).toList();
        ContestResult r = results.findByIdOptional(id).orElse(null);
        CountResult report = r == null ? null : CountResult.fromJson(r.report);
        return new ElectionFacts(id, names.organisation(), names.returningOfficer(), c.title, c.constituency.name, e.seats,
                e.method.key(), e.countRule().key(), nominees, timetables.get(id).orElse(null), c.state.key(), c.rollSize,
                roll.voted(id), r == null ? 0 : r.onlineBallots, r == null ? 0 : r.paperBallots, rejected.get(id), report,
                r == null ? null : r.countedAt);
    }
}
