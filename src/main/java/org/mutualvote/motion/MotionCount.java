package org.mutualvote.motion;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.mutualvote.audit.AuditService;
import org.mutualvote.ballot.BallotBox.StoredBallot;
import org.mutualvote.ballot.BallotBox;
import org.mutualvote.ballot.SealedSet;
import org.mutualvote.contest.Contest;
import org.mutualvote.contest.ContestKind;
import org.mutualvote.contest.ContestLifecycle;
import org.mutualvote.contest.ContestRepository;
import org.mutualvote.contest.ContestResult;
import org.mutualvote.contest.ContestResultRepository;
import org.mutualvote.contest.ContestState;
import org.mutualvote.membership.ConstituencyRepository;
import org.mutualvote.motion.MotionDtos.ResultView;
import org.mutualvote.motion.Resolution.Outcome;
import org.mutualvote.security.Reader;
import org.mutualvote.web.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Counting a closed poll and showing it: the ballots are read in tracker order into the same
 * {@link PollFile} the bulletin board publishes, and decided by {@link PollFile#count}, exactly what
 * {@link MotionRecount} does with the downloaded file.
 */
@ApplicationScoped
class MotionCount {

    private final ContestRepository contests;
    private final ContestLifecycle lifecycle;
    private final MotionRepository motions;
    private final MotionService polls;
    private final ConstituencyRepository constituencies;
    private final ContestResultRepository results;
    private final BallotBox box;
    private final AuditService audit;
    private final ObjectMapper json;

    MotionCount(ContestRepository contests, ContestLifecycle lifecycle, MotionRepository motions, MotionService polls,
            ConstituencyRepository constituencies, ContestResultRepository results, BallotBox box, AuditService audit,
            ObjectMapper json) {
        this.contests = contests;
        this.lifecycle = lifecycle;
        this.motions = motions;
        this.polls = polls;
        this.constituencies = constituencies;
        this.results = results;
        this.box = box;
        this.audit = audit;
        this.json = json;
    }

    /** The published report: each motion's title and outcome. */
    record MotionResult(int position, String title, Outcome outcome) {
    }

    record Report(String answers, List<MotionResult> motions) {
    }

    @Transactional
    public void count(long id, String actor) {
        Contest c = lifecycle.lock(id, ContestKind.MOTION);
        if (c.state != ContestState.CLOSED) {
            throw ProblemException.conflict("The poll is " + c.state.key() + "; only a closed poll can be counted")
                    .coded("count-needs-closed", "state", c.state.key());
        }
        SealedSet sealed = new SealedSet(c);
        PollFile.Poll poll = poll(c, sealed::add);
        sealed.require();
        List<Outcome> outcomes = PollFile.count(poll);
        ContestResult r = new ContestResult();
        r.contestId = id;
        r.rule = "motions";
        r.onlineBallots = poll.ballots().size();
        r.report = report(poll, outcomes);
        r.countedAt = Instant.now();
        results.persist(r);
        lifecycle.move(c, ContestState.COUNTED, actor);
        audit.record(actor, "motion.result", "motion/" + id, Map.of("ballots", poll.ballots().size(),
                "outcomes", outcomes.stream().map(Outcome::reason).toList(), "ballotDigest", sealed.root()));
    }

    private String report(PollFile.Poll poll, List<Outcome> outcomes) {
        List<MotionResult> list = new ArrayList<>();
        for (int m = 0; m < outcomes.size(); m++) {
            list.add(new MotionResult(m + 1, poll.motions().get(m).title(), outcomes.get(m)));
        }
        try {
            return json.writeValueAsString(new Report(MotionService.ANSWERS, list));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public void publish(long id, String actor) {
        Contest c = lifecycle.lock(id, ContestKind.MOTION);
        lifecycle.move(c, ContestState.PUBLISHED, actor);
        results.findById(id).publishedAt = Instant.now();
    }

    /** Officials see a result once counted; members it was put to, and the board, once published. */
    @Transactional
    public ResultView result(long id, Reader reader) {
        Contest c = contests.ofKind(id, ContestKind.MOTION);
        if (!reader.seesAll() && !polls.putToMember(c, polls.poll(id), reader.subject())) {
            throw ProblemException.notFound("motion poll " + id);
        }
        boolean visible = reader.official() ? c.state == ContestState.COUNTED || c.state == ContestState.PUBLISHED
                : c.state == ContestState.PUBLISHED;
        if (!visible) {
            throw ProblemException.conflict("The result is not " + (reader.official() ? "counted" : "published") + " yet; the poll is "
                    + c.state.key())
                    .coded("result-not-ready");
        }
        ContestResult r = results.findById(id);
        return new ResultView(id, c.title, c.state.key(), c.rollSize, r.onlineBallots, c.ballotDigest, c.sealedBallots,
                audit.signedHead(), lifecycle.withholdsContents(c, reader.official()), r.countedAt, r.publishedAt, r.report,
                verdicts(id, r.report));
    }

    /**
     * Each motion's verdict, in the report's order: decided again from the report's own counts per class under the
     * motion's rule (pure and exact, so the same decision). A motion whose decision does not give the stored sentence
     * again gets null, and clients show the stored sentence.
     */
    private List<Resolution.Verdict> verdicts(long id, String report) {
        Map<Long, String> names = new HashMap<>();
        for (Long k : motions.constituenciesOf(id)) {
            names.put(k, constituencies.findById(k).name);
        }
        List<Motion> list = motions.ofPoll(id);
        List<MotionClass> parts = motions.classesOf(list.stream().map(m -> m.id).toList());
        List<Resolution.Verdict> verdicts = new ArrayList<>();
        try {
            for (JsonNode stored : json.readTree(report).path("motions")) {
                int position = stored.path("position").asInt();
                Motion m = list.stream().filter(x -> x.position == position).findFirst().orElse(null);
                JsonNode outcome = stored.path("outcome");
                if (m == null) {
                    verdicts.add(null);
                    continue;
                }
                List<Resolution.Count> counts = new ArrayList<>();
                for (JsonNode k : outcome.path("classes")) {
                    counts.add(new Resolution.Count(k.path("constituency").asText(), k.path("roll").asLong(), k.path("forVotes").asLong(),
                            k.path("against").asLong(), k.path("withheld").asLong()));
                }
                Resolution.Rule rule = MotionService.rule(m, parts, names);
                boolean same = Resolution.decide(rule, counts).reason().equals(outcome.path("reason").asText());
                verdicts.add(same ? Resolution.verdict(rule, counts) : null);
            }
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("a stored motion report is not JSON", unreadable);
        }
        return verdicts;
    }

    /** A recount: the poll file anyone can download, read back and decided again, and whether that gives the stored result. */
    public record Recounted(long contestId, int ballots, boolean matches, List<String> reasons) {
    }

    /**
     * Reads back the bulletin board's poll file and decides every motion again (what {@link MotionRecount} does),
     * then compares with the stored result. Whoever may read the result may have it recounted. It runs on this
     * server with this server's code: an independent recount is the file counted elsewhere.
     */
    @Transactional
    public Recounted recount(long id, Reader reader) {
        ResultView stored = result(id, reader);
        PollFile.Poll poll;
        try {
            // result() has checked that the caller may read the result; a recount shows no ballot, so it reads the whole file.
            poll = PollFile.read(new StringReader(fileOf(contests.ofKind(id, ContestKind.MOTION))));
        } catch (IOException impossible) {
            throw new IllegalStateException("the bulletin board wrote a poll file it cannot read", impossible);
        }
        List<Outcome> outcomes = PollFile.count(poll);
        boolean matches;
        try {
            matches = json.readTree(report(poll, outcomes)).equals(json.readTree(stored.report()));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        return new Recounted(id, poll.ballots().size(), matches, outcomes.stream().map(Outcome::reason).toList());
    }

    /** One ballot on the board; below the secrecy minimum, non-officials see its tracker only. */
    public record BoardBallot(String tracker, int[] row, String nonce) {
    }

    /**
     * One page of the board, as the election board: {@code next} is the tracker to ask after for the following page,
     * null at the end; {@code ballotDigest} fixed at close, {@code auditHead} the audit chain's head now, MACed;
     * {@code contentsWithheld}: the roll or turnout is below the secrecy minimum, so only officials see the rows.
     */
    public record Board(long contestId, String title, String state, String rowFormat, String trackerFormula, String ballotDigest,
            Integer sealedBallots, AuditService.SignedHead auditHead, boolean contentsWithheld, List<BoardBallot> ballots,
            String next) {
    }

    @Transactional
    public Board board(long id, String after, int limit, Reader reader) {
        Contest c = closed(id, reader);
        boolean withheld = lifecycle.withholdsContents(c, reader.official());
        List<BoardBallot> out = new ArrayList<>();
        box.page(id, after == null ? "" : after.toLowerCase(), limit, b -> out.add(withheld ? new BoardBallot(b.tracker(), null, null)
                : new BoardBallot(b.tracker(), b.ranking(), b.nonce())));
        String next = out.size() == limit ? out.get(out.size() - 1).tracker() : null;
        return new Board(id, c.title, c.state.key(),
                "class code (the voter's constituency, in the order of the poll file), then " + MotionService.ANSWERS,
                "sha256(\"mutualvote-ballot-v1\\n\" + contestId + \"\\n\" + channel + \"\\n\" + row joined by \",\" + \"\\n\" + nonce)",
                c.ballotDigest, c.sealedBallots, audit.signedHead(), withheld, out, next);
    }

    /** The recount file (format in {@link PollFile}), for whoever may read what the ballots say; 403 where they are withheld. */
    @Transactional
    public String file(long id, Reader reader) {
        Contest c = closed(id, reader);
        lifecycle.requireContents(c, reader.official());
        return fileOf(c);
    }

    private String fileOf(Contest c) {
        StringWriter out = new StringWriter();
        PollFile.write(poll(c, b -> { }), out);
        return out.toString();
    }

    @Transactional
    public StoredBallot lookup(long id, String tracker, Reader reader) {
        Contest c = closed(id, reader);
        StoredBallot b = box.byReceipt(id, tracker, "poll " + id);
        return lifecycle.withholdsContents(c, reader.official()) ? b.withoutContents() : b;
    }

    /**
     * The poll, if its board is open (voting closed) and the caller may read it: the board and officials, or a
     * member it was put to. Anyone else gets the same 404 as for the poll and its result, whatever its state.
     */
    private Contest closed(long id, Reader reader) {
        Contest c = contests.ofKind(id, ContestKind.MOTION);
        if (!reader.seesAll() && !polls.putToMember(c, polls.poll(id), reader.subject())) {
            throw ProblemException.notFound("motion poll " + id);
        }
        if (!c.state.afterVoting()) {
            throw ProblemException.conflict("The bulletin board opens when voting closes; the poll is " + c.state.key())
                    .coded("board-not-open");
        }
        return c;
    }

    /** The poll as its file states it, its ballots in tracker order; each stored ballot is also handed to {@code read}. */
    private PollFile.Poll poll(Contest c, Consumer<StoredBallot> read) {
        List<Long> put = motions.constituenciesOf(c.id);
        Map<Long, Long> rolls = motions.rollByConstituency(c.id);
        Map<Long, String> names = new HashMap<>();
        List<String> classes = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (Long k : put) {
            String name = constituencies.findById(k).name;
            names.put(k, name);
            classes.add(name);
            sizes.add(rolls.getOrDefault(k, 0L));
        }
        List<Motion> list = motions.ofPoll(c.id);
        List<MotionClass> parts = motions.classesOf(list.stream().map(m -> m.id).toList());
        List<PollFile.MotionSpec> specs = list.stream()
                .map(m -> new PollFile.MotionSpec(m.title, MotionService.rule(m, parts, names))).toList();
        List<PollFile.Ballot> ballots = new ArrayList<>();
        box.forEach(c.id, b -> {
            ballots.add(new PollFile.Ballot(b.tracker(), b.ranking()));
            read.accept(b);
        });
        return new PollFile.Poll(c.id, c.title, classes, sizes, specs, ballots);
    }
}
