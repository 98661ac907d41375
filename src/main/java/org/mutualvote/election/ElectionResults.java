package org.mutualvote.election;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.mutualvote.audit.AuditService;
import org.mutualvote.ballot.BallotBox;
import org.mutualvote.contest.Contest;
import org.mutualvote.contest.ContestKind;
import org.mutualvote.contest.ContestLifecycle;
import org.mutualvote.contest.ContestRepository;
import org.mutualvote.contest.ContestResult;
import org.mutualvote.contest.ContestResultRepository;
import org.mutualvote.contest.ContestState;
import org.mutualvote.contest.VoterRoll;
import org.mutualvote.count.CountResult;
import org.mutualvote.security.Reader;
import org.mutualvote.web.ProblemException;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** Reading results and turnout: who may see what, and when. */
@ApplicationScoped
class ElectionResults {

    private final ContestRepository contests;
    private final ContestResultRepository results;
    private final VoterRoll roll;
    private final ElectionService elections;
    private final AuditService audit;
    private final ContestLifecycle lifecycle;

    ElectionResults(ContestRepository contests, ContestResultRepository results, VoterRoll roll,
            ElectionService elections, AuditService audit, ContestLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.contests = contests;
        this.results = results;
        this.roll = roll;
        this.elections = elections;
        this.audit = audit;
    }

    /**
     * {@code ballotDigest}: the digest of the {@code sealedBallots} ballots fixed at close; {@code auditHead}: the audit
     * chain's head now, MACed, to keep and check later with {@code POST /api/audit/verify}. {@code contentsWithheld}: the
     * bulletin board shows this reader trackers but not what the ballots say (too small a roll or turnout), and its
     * files are not theirs to download.
     */
    public record ResultView(long contestId, String title, String state, String rule, String seed, boolean uncontested,
            Integer rollSize, int onlineBallots, int paperBallots, String ballotDigest, Integer sealedBallots,
            AuditService.SignedHead auditHead, boolean contentsWithheld, List<String> elected, Instant countedAt, Instant publishedAt,
            @JsonRawValue String report) {
    }

    /** Officials see a result once counted; members of the constituency and the board once published. */
    @Transactional
    public ResultView result(long id, Reader reader) {
        Contest c = elections.readableBy(id, reader.subject(), reader.seesAll());
        boolean visible = reader.official() ? c.state == ContestState.COUNTED || c.state == ContestState.PUBLISHED
                : c.state == ContestState.PUBLISHED;
        if (!visible) {
            throw ProblemException.conflict("The result is not " + (reader.official() ? "counted" : "published") + " yet; the election is "
                    + c.state.key()).coded("result-not-ready");
        }
        ContestResult r = results.findById(id);
        return new ResultView(id, c.title, c.state.key(), r.rule, Long.toString(r.seed), r.uncontested, c.rollSize,
                r.onlineBallots, r.paperBallots, c.ballotDigest, c.sealedBallots, audit.signedHead(),
                lifecycle.withholdsContents(c, reader.official()), CountResult.fromJson(r.report).electedNames(), r.countedAt, r.publishedAt, r.report);
    }

    @Transactional
    public ElectionDtos.Turnout turnout(long id) {
        Contest c = contests.ofKind(id, ContestKind.ELECTION);
        long voted = roll.voted(id);
        return new ElectionDtos.Turnout(id, c.constituency.id, c.state.key(), c.rollSize, voted, percent(voted, c.rollSize));
    }

    /** One decimal place, rounded half up, computed exactly in integers. */
    static String percent(long voted, Integer rollSize) {
        if (rollSize == null || rollSize == 0) {
            return null;
        }
        long tenths = (voted * 1000 * 2 + rollSize) / (2L * rollSize);
        return (tenths / 10) + "." + (tenths % 10);
    }
}
