package org.mutualvote.surplus;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
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
import org.mutualvote.security.Reader;
import org.mutualvote.surplus.SurplusDtos.Board;
import org.mutualvote.surplus.SurplusDtos.BoardBallot;
import org.mutualvote.surplus.SurplusDtos.PotResult;
import org.mutualvote.surplus.SurplusDtos.Recounted;
import org.mutualvote.surplus.SurplusDtos.ResultView;
import org.mutualvote.web.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Counting, publishing and showing a surplus vote, and its bulletin board. The count reads the ballots
 * in tracker order, exactly as the published ballot file lists them, and hands them to
 * {@link SurplusCount}, as the {@link SurplusRecount} command does with that file.
 */
@ApplicationScoped
class SurplusResults {

    private final ContestRepository contests;
    private final ContestLifecycle lifecycle;
    private final ContestResultRepository results;
    private final SurplusRepository surplus;
    private final SurplusService service;
    private final BallotBox box;
    private final AuditService audit;
    private final ObjectMapper json;

    SurplusResults(ContestRepository contests, ContestLifecycle lifecycle, ContestResultRepository results, SurplusRepository surplus,
            SurplusService service, BallotBox box, AuditService audit, ObjectMapper json) {
        this.contests = contests;
        this.lifecycle = lifecycle;
        this.results = results;
        this.surplus = surplus;
        this.service = service;
        this.box = box;
        this.audit = audit;
        this.json = json;
    }

    @Transactional
    public void count(long id, String actor) {
        Contest c = lifecycle.lock(id, ContestKind.SURPLUS);
        if (c.state != ContestState.CLOSED) {
            throw ProblemException.conflict("The surplus vote is " + c.state.key() + "; only a closed vote can be counted")
                    .coded("count-needs-closed", "state", c.state.key());
        }
        SealedSet sealed = new SealedSet(c);
        SurplusCount.Input profile = profile(c, sealed::add);
        sealed.require();
        if (profile.ballots().isEmpty()) {
            throw ProblemException.conflict("No ballots were cast, so there is nothing to count").coded("no-ballots-to-count");
        }
        SurplusCount.Outcome o = SurplusCount.count(profile);
        ContestResult r = new ContestResult();
        r.contestId = id;
        r.rule = SurplusCount.PROPOSALS.equals(profile.form()) ? "irv" : profile.rule();
        r.seed = o.seed();
        r.onlineBallots = o.ballots();
        r.paperBallots = 0; // surplus votes are cast online only
        r.report = o.json();
        r.countedAt = Instant.now();
        results.persist(r);
        lifecycle.move(c, ContestState.COUNTED, actor);
        audit.record(actor, "surplus.result", "surplus/" + id, Map.of("rule", r.rule, "seed", Long.toString(o.seed()),
                "ballots", o.ballots(), "pence", java.util.Arrays.toString(o.pence()), "limitRepairs", o.repairs(),
                "ballotDigest", sealed.root()));
    }

    @Transactional
    public void publish(long id, String actor) {
        Contest c = lifecycle.lock(id, ContestKind.SURPLUS);
        lifecycle.move(c, ContestState.PUBLISHED, actor);
        results.findById(id).publishedAt = Instant.now();
    }

    /** Officials see a result once counted; members of the constituency and the board once published. */
    @Transactional
    public ResultView result(long id, Reader reader) {
        Contest c = contests.ofKind(id, ContestKind.SURPLUS);
        if (!reader.seesAll() && !service.inMembersConstituency(c, reader.subject())) {
            throw ProblemException.notFound("surplus " + id);
        }
        boolean visible = reader.official() ? c.state == ContestState.COUNTED || c.state == ContestState.PUBLISHED
                : c.state == ContestState.PUBLISHED;
        if (!visible) {
            throw ProblemException.conflict("The result is not " + (reader.official() ? "counted" : "published") + " yet; the surplus vote is "
                    + c.state.key()).coded("result-not-ready");
        }
        ContestResult r = results.findById(id);
        SurplusVote v = surplus.findById(id);
        JsonNode report = report(r);
        List<PotResult> pots = new ArrayList<>();
        for (JsonNode p : report.path("pots")) {
            long pence = p.path("pence").asLong();
            pots.add(new PotResult(p.path("position").asInt(), p.path("name").asText(), p.path("kind").asText(), p.path("share").asText(),
                    p.path("sharePercent").asText(), pence, Pence.pounds(pence)));
        }
        List<String> repairs = new ArrayList<>();
        report.path("limitRepairs").forEach(s -> repairs.add(s.asText()));
        Integer winner = report.path("winningProposal").isNumber() ? report.path("winningProposal").asInt() : null;
        return new ResultView(id, c.title, c.state.key(), v.form, r.rule, v.surplusPence, Long.toString(r.seed),
                r.onlineBallots + r.paperBallots, c.rollSize, winner, pots, repairs,
                repairs.stream().map(Limits::phrase).toList(), c.ballotDigest, c.sealedBallots,
                audit.signedHead(), lifecycle.withholdsContents(c, reader.official()), r.countedAt, r.publishedAt, r.report);
    }

    /**
     * Counts the published ballot file again (what {@link SurplusRecount} does) and says whether its report is the
     * stored one byte for byte. Whoever may read the result may have it recounted; it runs with this server's code.
     */
    @Transactional
    public Recounted recount(long id, Reader reader) {
        ResultView stored = result(id, reader);
        SurplusCount.Outcome again;
        try {
            // result() has checked that the caller may read the result; a recount shows no ballot, so it reads the whole file.
            String file = SurplusFile.write(profile(contests.ofKind(id, ContestKind.SURPLUS), b -> { }));
            again = SurplusCount.count(SurplusFile.read(new StringReader(file)));
        } catch (IOException impossible) {
            throw new IllegalStateException("the bulletin board wrote a ballot file it cannot read", impossible);
        }
        long[] pence = again.pence();
        List<String> pots = new ArrayList<>();
        for (int i = 0; i < pence.length && i < stored.pots().size(); i++) {
            pots.add(stored.pots().get(i).name() + ": " + Pence.pounds(pence[i]));
        }
        return new Recounted(id, again.ballots(), again.json().equals(results.findById(id).report), Long.toString(again.seed()), pots);
    }

    /** The pence a published result gave each pot, in pot order. */
    long[] potPence(long id) {
        ContestResult r = results.findById(id);
        List<Long> out = new ArrayList<>();
        report(r).path("pots").forEach(p -> out.add(p.path("pence").asLong()));
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    @Transactional
    public Board board(long id, String after, int limit, Reader reader) {
        Contest c = closed(id, reader);
        boolean withheld = lifecycle.withholdsContents(c, reader.official());
        SurplusVote v = surplus.findById(id);
        List<BoardBallot> ballots = new ArrayList<>();
        box.page(id, after == null ? "" : after.toLowerCase(), limit, b -> ballots.add(withheld
                ? new BoardBallot(b.tracker(), b.channel(), null, null)
                : new BoardBallot(b.tracker(), b.channel(), b.ranking(), b.nonce())));
        String next = ballots.size() == limit ? ballots.get(ballots.size() - 1).tracker() : null;
        return new Board(id, c.title, c.state.key(), v.form, service.question(v).names(),
                "sha256(\"mutualvote-ballot-v1\\n\" + contestId + \"\\n\" + channel + \"\\n\" + values joined by \",\" + \"\\n\" + nonce)",
                c.ballotDigest, c.sealedBallots, audit.signedHead(), withheld, ballots, next);
    }

    @Transactional
    public StoredBallot lookup(long id, String tracker, Reader reader) {
        Contest c = closed(id, reader);
        StoredBallot b = box.byReceipt(id, tracker, "surplus vote " + id);
        return lifecycle.withholdsContents(c, reader.official()) ? b.withoutContents() : b;
    }

    /** The ballot file ({@link SurplusFile}) that SurplusRecount counts, for whoever may read what the ballots say; 403 where withheld. */
    @Transactional
    public String file(long id, Reader reader) {
        Contest c = closed(id, reader);
        lifecycle.requireContents(c, reader.official());
        return SurplusFile.write(profile(c, b -> { }));
    }

    /** The vote as its ballot file states it, ballots in tracker order; each stored ballot is also handed to {@code read}. */
    private SurplusCount.Input profile(Contest c, Consumer<StoredBallot> read) {
        SurplusVote v = surplus.findById(c.id);
        Question q = service.question(v);
        List<String> trackers = new ArrayList<>();
        List<int[]> ballots = new ArrayList<>();
        box.forEach(c.id, b -> {
            trackers.add(b.tracker());
            ballots.add(b.ranking());
            read.accept(b);
        });
        List<int[]> proposals = q.proposals().stream().map(Question.Proposal::percents).toList();
        return new SurplusCount.Input(c.title, v.surplusPence, v.form, v.rule, q.names(), q.kinds(), q.limits(), proposals,
                trackers, ballots);
    }

    /**
     * The vote, if its board is open (voting closed) and the caller may read it: the board and officials, or a member
     * of its constituency. Anyone else gets the same 404 as for the vote and its result, whatever its state.
     */
    private Contest closed(long id, Reader reader) {
        Contest c = contests.ofKind(id, ContestKind.SURPLUS);
        if (!reader.seesAll() && !service.inMembersConstituency(c, reader.subject())) {
            throw ProblemException.notFound("surplus " + id);
        }
        if (!c.state.afterVoting()) {
            throw ProblemException.conflict("The bulletin board opens when voting closes; the surplus vote is " + c.state.key())
                    .coded("board-not-open");
        }
        return c;
    }

    private JsonNode report(ContestResult r) {
        try {
            return json.readTree(r.report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored surplus report is not JSON", e);
        }
    }
}
