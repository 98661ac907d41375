package org.mutualvote.election;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.mutualvote.audit.AuditService;
import org.mutualvote.ballot.BallotBox.StoredBallot;
import org.mutualvote.ballot.BallotBox;
import org.mutualvote.ballot.BallotService;
import org.mutualvote.contest.Contest;
import org.mutualvote.contest.ContestKind;
import org.mutualvote.contest.ContestLifecycle;
import org.mutualvote.contest.ContestRepository;
import org.mutualvote.contest.ContestResult;
import org.mutualvote.contest.ContestResultRepository;
import org.mutualvote.contest.ContestState;
import org.mutualvote.count.Ballot;
import org.mutualvote.count.BallotSet;
import org.mutualvote.count.Ballots;
import org.mutualvote.count.Blt;
import org.mutualvote.count.BltFormatException;
import org.mutualvote.count.CountResult;
import org.mutualvote.count.Counter;
import org.mutualvote.count.Profile;
import org.mutualvote.security.Reader;
import org.mutualvote.web.Phrase;
import org.mutualvote.web.Problem.FieldError;
import org.mutualvote.web.ProblemException;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bulletin board of a closed election: every ballot by tracker, as JSON or as a BLT file that the
 * project's Recount command counts to the published result. Also where paper ballots come in.
 */
@ApplicationScoped
class ElectionBulletin {

    private final ContestRepository contests;
    private final ContestLifecycle lifecycle;
    private final ElectionRepository elections;
    private final CandidateRepository candidates;
    private final BallotBox box;
    private final AuditService audit;
    private final ElectionService service;
    private final BallotService ballots;
    private final ContestResultRepository results;
    private final ObjectMapper json;

    ElectionBulletin(ContestRepository contests, ContestLifecycle lifecycle, ElectionRepository elections,
            CandidateRepository candidates, BallotBox box, AuditService audit, ElectionService service,
            BallotService ballots, ContestResultRepository results, ObjectMapper json) {
        this.ballots = ballots;
        this.contests = contests;
        this.lifecycle = lifecycle;
        this.elections = elections;
        this.candidates = candidates;
        this.box = box;
        this.audit = audit;
        this.service = service;
        this.results = results;
        this.json = json;
    }

    /** A recount's outcome: the count of the published BLT with the published seed, and whether it matches the result. */
    public record Recounted(long contestId, String rule, String seed, int ballots, List<String> elected, boolean matches,
            @JsonRawValue String report) {
    }

    /**
     * Recounts what anyone can download: the bulletin board's BLT, read back by the BLT reader and counted
     * by the counting engine with the published seed (what the Recount command does), then compared stage
     * by stage with the stored result. It runs on this server with this server's code: an independent recount
     * is the BLT counted elsewhere.
     */
    @Transactional
    public Recounted recount(long id, Reader reader) {
        // Whoever may read the result may have it recounted; the recount shows no individual ballot.
        Contest c = service.readableBy(id, reader.subject(), reader.seesAll());
        boolean official = reader.official();
        if (!(c.state == ContestState.PUBLISHED || (official && c.state == ContestState.COUNTED))) {
            throw ProblemException.conflict("A recount checks a counted result; this election is " + c.state.key())
                    .coded("recount-needs-count", "state", c.state.key());
        }
        ContestResult stored = results.findById(id);
        if (stored.uncontested) {
            throw ProblemException.conflict("This election was uncontested: its candidates were declared elected without a poll")
                    .coded("recount-uncontested");
        }
        Election e = elections.findById(id);
        Profile input;
        try {
            input = Blt.read(new StringReader(bltOf(c)));
        } catch (BltFormatException impossible) {
            throw new IllegalStateException("the bulletin board wrote a BLT it cannot read", impossible);
        }
        CountResult again = Counter.count(input, e.countRule(), stored.seed);
        String report = again.toJson();
        boolean matches;
        try {
            matches = json.readTree(report).equals(json.readTree(stored.report));
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return new Recounted(id, e.countRule().key(), Long.toString(stored.seed), input.ballots().stream().mapToInt(b -> (int) b.weight()).sum(),
                again.electedNames(), matches, report);
    }

    /** One ballot on the board; below the secrecy minimum, non-officials see its tracker and channel only. */
    public record BoardBallot(String tracker, String channel, List<String> ranking, int[] positions, String nonce) {
        static BoardBallot trackerOnly(String tracker, String channel) {
            return new BoardBallot(tracker, channel, null, null, null);
        }
    }

    /**
     * One page of the board; {@code next} is the tracker to ask after for the following page, null at the end.
     * {@code ballotDigest}: the digest of the ballot set fixed at close; {@code auditHead}: the audit chain's
     * head now, MACed, to keep and check later with {@code POST /api/audit/verify}.
     * {@code contentsWithheld}: the roll or turnout is below the secrecy minimum, so only officials see contents.
     */
    public record Board(long contestId, String title, String state, int seats, List<String> candidates,
            String trackerFormula, String ballotDigest, Integer sealedBallots, AuditService.SignedHead auditHead,
            boolean contentsWithheld, List<BoardBallot> ballots, String next) {
    }

    @Transactional
    public Board board(long id, String after, int limit, Reader reader) {
        Contest c = closed(id, reader);
        boolean withheld = withheld(c, reader);
        List<String> names = candidates.ofContest(id).stream().map(k -> k.name).toList();
        List<BoardBallot> ballots = new ArrayList<>();
        box.page(id, after == null ? "" : after.toLowerCase(), limit, b -> ballots.add(withheld
                ? BoardBallot.trackerOnly(b.tracker(), b.channel())
                : new BoardBallot(b.tracker(), b.channel(),
                        Arrays.stream(Ballot.ofPositions(1, b.ranking()).ranking()).mapToObj(names::get).toList(), b.ranking(), b.nonce())));
        String next = ballots.size() == limit ? ballots.get(ballots.size() - 1).tracker() : null;
        return new Board(id, c.title, c.state.key(), elections.findById(id).seats, names,
                "sha256(\"mutualvote-ballot-v1\\n\" + contestId + \"\\n\" + channel + \"\\n\" + positions joined by \",\" + \"\\n\" + nonce)",
                c.ballotDigest, c.sealedBallots, audit.signedHead(), withheld, ballots, next);
    }

    /** A ballot by its full tracker, or by the short code on the voter's receipt (the tracker's first 12 digits). */
    @Transactional
    public StoredBallot lookup(long id, String tracker, Reader reader) {
        Contest c = closed(id, reader);
        StoredBallot b = box.byReceipt(id, tracker, "election " + id);
        return withheld(c, reader) ? b.withoutContents() : b;
    }

    /** The BLT of every ballot (online and paper), one per line in tracker order, withdrawn candidates marked. */
    @Transactional
    public String blt(long id, Reader reader) {
        return bltOf(withContents(id, reader));
    }

    private String bltOf(Contest c) {
        long id = c.id;
        Election e = elections.findById(id);
        Ballots ballots = new Ballots();
        box.forEach(id, b -> ballots.add(Ballot.ofPositions(1, b.ranking())));
        StringWriter out = new StringWriter();
        try {
            Blt.write(ElectionCount.profile(c, e, candidates.ofContest(id), ballots), out);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return out.toString();
    }

    /** The bulletin file that the Recount command checks against the digest (format in {@link BallotSet}). */
    @Transactional
    public String bulletinFile(long id, Reader reader) {
        Contest c = withContents(id, reader);
        List<BallotSet.Line> lines = new ArrayList<>();
        box.forEach(id, b -> lines.add(new BallotSet.Line(b.tracker(), b.channel(), b.ranking(), b.nonce())));
        StringWriter out = new StringWriter();
        try {
            BallotSet.write(id, lines, out);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return out.toString();
    }

    /**
     * Adds a batch of paper or postal ballots, given as BLT with the marked register (the member each paper
     * was issued to, one per ballot), to an election that is open or closed and not yet counted. The batch
     * is refused whole if it does not fit; the audit entry keeps the digest of what was sent.
     */
    @Transactional
    public int addPaper(long id, ElectionDtos.PaperBatch batch, String actor) {
        Contest c = lifecycle.lock(id, ContestKind.ELECTION);
        if (c.state != ContestState.OPEN && c.state != ContestState.CLOSED) {
            throw ProblemException.conflict("Paper ballots can be added only while voting is open or closed before the count; this election is "
                    + c.state.key()).coded("paper-ballots-window", "state", c.state.key());
        }
        Profile paper;
        try {
            paper = Blt.read(new StringReader(batch.blt()));
        } catch (BltFormatException bad) {
            // The reason stays the counter's English, under the field, below a heading the portal says in Welsh.
            throw ProblemException.unprocessable("The BLT file is malformed: " + bad.getMessage(),
                    List.of(new FieldError("blt", bad.getMessage(), "blt-malformed"))).coded("paper-blt-malformed");
        }
        List<Candidate> standing = candidates.ofContest(id);
        List<FieldError> errors = new ArrayList<>();
        if (paper.candidates().size() != standing.size()) {
            errors.add(Phrase.of("paper-candidate-count", "the file lists " + paper.candidates().size()
                    + " candidates; this election has " + standing.size(), "listed", paper.candidates().size(),
                    "standing", standing.size()).at("candidates"));
        } else {
            for (int i = 0; i < standing.size(); i++) {
                if (!standing.get(i).name.equalsIgnoreCase(paper.candidates().get(i).strip())) {
                    errors.add(Phrase.of("paper-candidate-name", "the file names '" + paper.candidates().get(i)
                            + "' where this election has '" + standing.get(i).name + "'", "given", paper.candidates().get(i),
                            "standing", standing.get(i).name).at("candidates[" + (i + 1) + "]"));
                }
            }
        }
        List<int[]> rankings = new ArrayList<>();
        long total = 0;
        for (Ballot b : paper.ballots()) {
            total += b.weight();
            if (total > batch.issuedTo().size()) {
                throw ProblemException.unprocessable("The file holds more ballots than the " + batch.issuedTo().size()
                        + " members it names as issued a paper; each paper comes with its member")
                        .coded("paper-more-ballots-than-issued", "issued", batch.issuedTo().size());
            }
            for (int idx : b.ranking()) {
                if (idx >= 0 && idx < standing.size() && standing.get(idx).withdrawn) {
                    errors.add(Phrase.of("paper-marks-withdrawn", "a ballot marks " + standing.get(idx).name + ", who withdrew",
                            "name", standing.get(idx).name).at("ballots"));
                }
            }
            int[] positions = b.positions();
            for (long w = 0; w < b.weight(); w++) {
                rankings.add(positions);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The paper ballots do not fit this election", errors.stream().distinct().toList())
                    .coded("paper-ballots-do-not-fit");
        }
        int added = ballots.castPapers(id, batch.issuedTo(), rankings);
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("ballots", added);
        details.put("batchDigest", batch.digest());
        if (c.state == ContestState.CLOSED) {
            // The set sealed at close grows by this batch: its new digest is fixed and audited with it.
            details.put("ballotDigest", lifecycle.fixDigest(c));
        }
        audit.record(actor, "election.paper-ballots", "election/" + id, details);
        return added;
    }

    private boolean withheld(Contest c, Reader reader) {
        return lifecycle.withholdsContents(c, reader.official());
    }

    /** A closed election whose ballots the reader may download in full, or 403. */
    private Contest withContents(long id, Reader reader) {
        Contest c = closed(id, reader);
        lifecycle.requireContents(c, reader.official());
        return c;
    }

    private Contest closed(long id, Reader reader) {
        Contest c = service.readableBy(id, reader.subject(), reader.seesAll());
        if (!c.state.afterVoting()) {
            throw ProblemException.conflict("The bulletin board opens when voting closes; the election is " + c.state.key())
                    .coded("board-not-open");
        }
        return c;
    }
}
