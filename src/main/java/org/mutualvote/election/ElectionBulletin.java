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
import org.mutualvote.ballot.BallotBox;
import org.mutualvote.ballot.BallotBox.StoredBallot;
import org.mutualvote.ballot.Tracker;
import org.mutualvote.contest.Contest;
import org.mutualvote.contest.ContestKind;
import org.mutualvote.contest.ContestLifecycle;
import org.mutualvote.contest.ContestRepository;
import org.mutualvote.contest.ContestResult;
import org.mutualvote.contest.ContestResultRepository;
import org.mutualvote.contest.ContestState;
import org.mutualvote.count.Ballot;
import org.mutualvote.count.Blt;
import org.mutualvote.count.BltFormatException;
import org.mutualvote.count.CountResult;
import org.mutualvote.count.Counter;
import org.mutualvote.count.Profile;
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

    static final int MAX_PAPER_BALLOTS = 2_000_000;

    private final ContestRepository contests;
    private final ContestLifecycle lifecycle;
    private final ElectionRepository elections;
    private final CandidateRepository candidates;
    private final BallotBox box;
    private final AuditService audit;
    private final ContestResultRepository results;
    private final ObjectMapper json;

    ElectionBulletin(ContestRepository contests, ContestLifecycle lifecycle, ElectionRepository elections,
            CandidateRepository candidates, BallotBox box, AuditService audit, ContestResultRepository results, ObjectMapper json) {
        this.contests = contests;
        this.lifecycle = lifecycle;
        this.elections = elections;
        this.candidates = candidates;
        this.box = box;
        this.audit = audit;
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
    public Recounted recount(long id, boolean official) {
        Contest c = contests.ofKind(id, ContestKind.ELECTION);
        if (!(c.state == ContestState.PUBLISHED || (official && c.state == ContestState.COUNTED))) {
            throw ProblemException.conflict("A recount checks a counted result; this election is " + c.state.key());
        }
        ContestResult stored = results.findById(id);
        if (stored.uncontested) {
            throw ProblemException.conflict("This election was uncontested: its candidates were declared elected without a poll");
        }
        Election e = elections.findById(id);
        Profile input;
        try {
            input = Blt.read(new StringReader(blt(id)));
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

    public record BoardBallot(String tracker, String channel, List<String> ranking, int[] positions, String nonce) {
    }

    /** One page of the board; {@code next} is the tracker to ask after for the following page, null at the end. */
    public record Board(long contestId, String title, String state, int seats, List<String> candidates,
            String trackerFormula, List<BoardBallot> ballots, String next) {
    }

    @Transactional
    public Board board(long id, String after, int limit) {
        Contest c = closed(id);
        List<String> names = candidates.ofContest(id).stream().map(k -> k.name).toList();
        List<BoardBallot> ballots = new ArrayList<>();
        box.page(id, after == null ? "" : after.toLowerCase(), limit, b -> ballots.add(new BoardBallot(b.tracker(), b.channel(),
                Arrays.stream(Ballot.ofPositions(1, b.ranking()).ranking()).mapToObj(names::get).toList(), b.ranking(), b.nonce())));
        String next = ballots.size() == limit ? ballots.get(ballots.size() - 1).tracker() : null;
        return new Board(id, c.title, c.state.key(), elections.findById(id).seats, names,
                "sha256(\"mutualvote-ballot-v1\\n\" + contestId + \"\\n\" + channel + \"\\n\" + positions joined by \",\" + \"\\n\" + nonce)",
                ballots, next);
    }

    /** A ballot by its full tracker, or by the short code on the voter's receipt (the tracker's first 12 digits). */
    @Transactional
    public StoredBallot lookup(long id, String tracker) {
        closed(id);
        String digits = Tracker.shortCodeDigits(tracker);
        if (digits == null) {
            return box.byTracker(id, tracker.toLowerCase())
                    .orElseThrow(() -> ProblemException.notFound("A ballot with tracker " + tracker + " in election " + id));
        }
        List<StoredBallot> found = box.byTrackerPrefix(id, digits, 2);
        if (found.isEmpty()) {
            throw ProblemException.notFound("A ballot with receipt code " + tracker + " in election " + id);
        }
        if (found.size() > 1) {
            throw ProblemException.conflict("More than one ballot starts with receipt code " + tracker
                    + "; enter the full tracker from your receipt");
        }
        return found.get(0);
    }

    /** The BLT of every ballot (online and paper), one per line in tracker order, withdrawn candidates marked. */
    @Transactional
    public String blt(long id) {
        Contest c = closed(id);
        Election e = elections.findById(id);
        List<Ballot> ballots = new ArrayList<>();
        box.forEach(id, b -> ballots.add(Ballot.ofPositions(1, b.ranking())));
        StringWriter out = new StringWriter();
        try {
            Blt.write(ElectionCount.profile(c, e, candidates.ofContest(id), ballots), out);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return out.toString();
    }

    /** Adds paper or postal ballots, given as BLT, to a closed election before it is counted. */
    @Transactional
    public int addPaper(long id, String bltText, String actor) {
        Contest c = lifecycle.lock(id, ContestKind.ELECTION);
        if (c.state != ContestState.CLOSED) {
            throw ProblemException.conflict("Paper ballots can be added only to a closed election before its count; this one is "
                    + c.state.key());
        }
        Profile paper;
        try {
            paper = Blt.read(new StringReader(bltText));
        } catch (BltFormatException bad) {
            throw ProblemException.unprocessable("The BLT file is malformed: " + bad.getMessage());
        }
        List<Candidate> standing = candidates.ofContest(id);
        List<FieldError> errors = new ArrayList<>();
        if (paper.candidates().size() != standing.size()) {
            errors.add(new FieldError("candidates", "the file lists " + paper.candidates().size()
                    + " candidates; this election has " + standing.size()));
        } else {
            for (int i = 0; i < standing.size(); i++) {
                if (!standing.get(i).name.equalsIgnoreCase(paper.candidates().get(i).strip())) {
                    errors.add(new FieldError("candidates[" + (i + 1) + "]", "the file names '" + paper.candidates().get(i)
                            + "' where this election has '" + standing.get(i).name + "'"));
                }
            }
        }
        List<int[]> rankings = new ArrayList<>();
        long total = 0;
        for (Ballot b : paper.ballots()) {
            total += b.weight();
            if (total > MAX_PAPER_BALLOTS) {
                throw ProblemException.unprocessable("The file holds more than " + MAX_PAPER_BALLOTS + " ballots");
            }
            for (int idx : b.ranking()) {
                if (idx >= 0 && idx < standing.size() && standing.get(idx).withdrawn) {
                    errors.add(new FieldError("ballots", "a ballot marks " + standing.get(idx).name + ", who withdrew"));
                }
            }
            int[] positions = b.positions();
            for (long w = 0; w < b.weight(); w++) {
                rankings.add(positions);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The paper ballots do not fit this election", errors.stream().distinct().toList());
        }
        int added = box.putAll(id, "paper", rankings);
        audit.record(actor, "election.paper-ballots", "election/" + id, Map.of("ballots", added));
        return added;
    }

    private Contest closed(long id) {
        Contest c = contests.ofKind(id, ContestKind.ELECTION);
        if (!c.state.afterVoting()) {
            throw ProblemException.conflict("The bulletin board opens when voting closes; the election is " + c.state.key());
        }
        return c;
    }
}
