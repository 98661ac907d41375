package org.mutualvote.election;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.mutualvote.audit.AuditService;
import org.mutualvote.ballot.BallotBox;
import org.mutualvote.ballot.SealedSet;
import org.mutualvote.contest.Contest;
import org.mutualvote.contest.ContestKind;
import org.mutualvote.contest.ContestLifecycle;
import org.mutualvote.contest.ContestResult;
import org.mutualvote.contest.ContestResultRepository;
import org.mutualvote.contest.ContestState;
import org.mutualvote.contest.UncontestedRule;
import org.mutualvote.count.Ballot;
import org.mutualvote.count.Ballots;
import org.mutualvote.count.CountResult;
import org.mutualvote.count.Counter;
import org.mutualvote.count.Profile;
import org.mutualvote.web.ProblemException;

/**
 * Counting an election with the project's counting engine. The ballots are read in tracker order,
 * exactly as the bulletin board's BLT lists them, and the seed for any lot is derived from those
 * trackers, so nobody chooses it and anyone can recount the BLT with the published seed.
 */
@ApplicationScoped
class ElectionCount implements UncontestedRule {

    private final ContestLifecycle lifecycle;
    private final ElectionRepository elections;
    private final CandidateRepository candidates;
    private final ContestResultRepository results;
    private final BallotBox box;
    private final AuditService audit;

    ElectionCount(ContestLifecycle lifecycle, ElectionRepository elections, CandidateRepository candidates,
            ContestResultRepository results, BallotBox box, AuditService audit) {
        this.lifecycle = lifecycle;
        this.elections = elections;
        this.candidates = candidates;
        this.results = results;
        this.box = box;
        this.audit = audit;
    }

    @Transactional
    public ContestResult count(long id, String actor) {
        Contest c = lifecycle.lock(id, ContestKind.ELECTION);
        if (c.state != ContestState.CLOSED) {
            throw ProblemException.conflict("The election is " + c.state.key() + "; only a closed election can be counted")
                    .coded("count-needs-closed", "state", c.state.key());
        }
        Election e = elections.findById(id);
        List<Candidate> all = candidates.ofContest(id);
        Ballots ballots = new Ballots(Math.max(16, c.sealedBallots == null ? 0 : c.sealedBallots), 64);
        MessageDigest seedDigest = sha256();
        int[] channels = new int[2];
        SealedSet sealed = new SealedSet(c);
        box.forEach(id, b -> {
            ballots.add(Ballot.ofPositions(1, b.ranking()));
            seedDigest.update(b.tracker().getBytes(StandardCharsets.US_ASCII));
            channels["paper".equals(b.channel()) ? 1 : 0]++;
            sealed.add(b);
        });
        sealed.require();
        Profile input = profile(c, e, all, ballots);
        long seed = seedFrom(seedDigest.digest());
        CountResult counted = Counter.count(input, e.countRule(), seed);

        ContestResult r = new ContestResult();
        r.contestId = id;
        r.rule = e.countRule().key();
        r.seed = seed;
        r.onlineBallots = channels[0];
        r.paperBallots = channels[1];
        r.report = counted.toJson();
        r.countedAt = Instant.now();
        results.persist(r);
        lifecycle.move(c, ContestState.COUNTED, actor);
        audit.record(actor, "election.result", "election/" + id, Map.of("rule", r.rule, "seed", Long.toString(seed),
                "ballots", ballots.size(), "elected", counted.electedNames(), "ballotDigest", sealed.root()));
        return r;
    }

    @Transactional
    public ContestResult publish(long id, String actor) {
        Contest c = lifecycle.lock(id, ContestKind.ELECTION);
        lifecycle.move(c, ContestState.PUBLISHED, actor);
        ContestResult r = results.findById(id);
        r.publishedAt = Instant.now();
        return r;
    }

    /** The engine's view of an election: candidates in ballot order, withdrawn ones marked. */
    static Profile profile(Contest c, Election e, List<Candidate> all, List<Ballot> ballots) {
        List<String> names = all.stream().map(k -> k.name).toList();
        Set<Integer> withdrawn = new TreeSet<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).withdrawn) {
                withdrawn.add(i);
            }
        }
        return new Profile(c.title, names, e.seats, withdrawn, ballots);
    }

    @Override
    public ContestKind kind() {
        return ContestKind.ELECTION;
    }

    @Override
    public boolean isUncontested(Contest c) {
        return candidates.standing(c.id) <= elections.findById(c.id).seats;
    }

    /** Everyone standing is elected, in ballot order, with no poll and no roll. */
    @Override
    public void declare(Contest c) {
        Election e = elections.findById(c.id);
        CountResult declared = CountResult.uncontested(profile(c, e, candidates.ofContest(c.id), List.of()), e.countRule());
        ContestResult r = new ContestResult();
        r.contestId = c.id;
        r.rule = e.countRule().key();
        r.uncontested = true;
        r.report = declared.toJson();
        r.countedAt = Instant.now();
        results.persist(r);
    }

    /** The first 63 bits of SHA-256 over the trackers in order: fixed by the ballots, chosen by nobody. */
    private static long seedFrom(byte[] digest) {
        long seed = 0;
        for (int i = 0; i < 8; i++) {
            seed = (seed << 8) | (digest[i] & 0xff);
        }
        return seed & Long.MAX_VALUE;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
