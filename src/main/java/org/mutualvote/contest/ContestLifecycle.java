package org.mutualvote.contest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import org.mutualvote.audit.AuditService;
import org.mutualvote.web.MutualVoteConfig;
import org.mutualvote.web.ProblemException;

/** The one place a contest changes state: checks the move, freezes the roll, seals ballots, audits. */
@ApplicationScoped
public class ContestLifecycle {

    private final ContestRepository contests;
    private final VoterRoll roll;
    private final BallotSeal seal;
    private final AuditService audit;
    private final Instance<UncontestedRule> uncontestedRules;
    private final MutualVoteConfig config;
    private final BallotSetDigest digests;

    ContestLifecycle(ContestRepository contests, VoterRoll roll, BallotSeal seal, AuditService audit,
            Instance<UncontestedRule> uncontestedRules, MutualVoteConfig config, BallotSetDigest digests) {
        this.digests = digests;
        this.contests = contests;
        this.roll = roll;
        this.seal = seal;
        this.audit = audit;
        this.uncontestedRules = uncontestedRules;
        this.config = config;
    }

    /** The smallest roll whose ballots stay secret in the count (0: no minimum). */
    public int minimumRoll() {
        return config.secrecy().minimumRoll();
    }

    /**
     * Whether what a closed contest's ballots say is kept from this reader: the returning officer and scrutineers
     * ({@code official}) see it all; anyone else only once the roll and the turnout both reach the minimum, below
     * which one ballot's content could give a member's vote away. Trackers stay on the board either way.
     */
    public boolean withholdsContents(Contest c, boolean official) {
        int min = minimumRoll();
        return !official && min > 0 && ((c.rollSize != null && c.rollSize < min) || turnout(c) < min);
    }

    /**
     * The turnout of a closed contest: its sealed ballots, fixed at close and again when paper ballots join (one
     * participation each, so the same number), read from the contest instead of counting participations on every
     * board page; counted only for a contest sealed before that number was kept.
     */
    private long turnout(Contest c) {
        return c.sealedBallots != null ? c.sealedBallots : roll.voted(c.id);
    }

    /** As {@link #withholdsContents}, for a download of every ballot: 403 where the contents are withheld. */
    public void requireContents(Contest c, boolean official) {
        if (withholdsContents(c, official)) {
            throw ProblemException.forbidden("Too few members are on the roll or voted for the ballots to be shown without"
                    + " giving votes away; only the returning officer and scrutineers may download them").coded("contents-withheld");
        }
    }

    /** Loads and locks a contest of the given kind, or 404. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Contest lock(long id, ContestKind kind) {
        return contests.findForUpdate(id).filter(c -> c.kind == kind)
                .orElseThrow(() -> ProblemException.notFound(kind.key() + " " + id));
    }

    /**
     * Moves a locked contest on. Opening freezes the voter roll, or declares the result straight away
     * when the contest is uncontested; closing seals the ballots.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ContestState move(Contest c, ContestState to, String actor) {
        return move(c, to, actor, false);
    }

    /**
     * As {@link #move(Contest, ContestState, String)}; {@code allowSmallRoll} lets voting open on a roll
     * below the minimum, and the audit entry says so.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ContestState move(Contest c, ContestState to, String actor, boolean allowSmallRoll) {
        if (!c.state.next().contains(to)) {
            throw ProblemException.conflict("The " + c.kind.key() + " is " + c.state.key() + "; it cannot move to " + to.key()
                    + (c.state.next().isEmpty() ? "" : " (it can move to " + keys(c) + ")"))
                    .coded("state-cannot-move", "state", c.state.key(), "to", to.key());
        }
        ContestState from = c.state;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", from.key());
        if (to == ContestState.OPEN && uncontested(c)) {
            to = ContestState.COUNTED;
            details.put("uncontested", true);
        } else if (to == ContestState.OPEN) {
            seal.open(c.id);
            c.rollSize = roll.freeze(c);
            c.rollFrozenAt = Instant.now();
            details.put("rollSize", c.rollSize);
            if (c.rollSize < minimumRoll()) {
                if (!allowSmallRoll) {
                    // The exception rolls the frozen roll back with everything else.
                    throw ProblemException.conflict("The roll has " + c.rollSize + " members, fewer than the " + minimumRoll()
                            + " that keep a ballot secret in the count; open it with allowSmallRoll=true to override (audited)")
                            .coded("roll-too-small", "rollSize", c.rollSize, "minimum", minimumRoll());
                }
                details.put("smallRollOverride", true);
                details.put("minimumRoll", minimumRoll());
            }
        } else if (to == ContestState.CLOSED) {
            c.state = to; // the database functions seal only a contest that is closed
            seal.seal(c.id);
            details.put("votes", roll.voted(c.id));
            details.put("ballotDigest", fixDigest(c));
        }
        c.state = to;
        details.put("to", to.key());
        audit.record(actor, c.kind.key() + "." + to.key(), c.kind.key() + "/" + c.id, details);
        return to;
    }

    /**
     * Fixes the digest of a closed contest's ballot set on the contest and returns it: at close, and again
     * after paper ballots join the set before the count (their audit entry records the new digest).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String fixDigest(Contest c) {
        contests.flush();
        BallotSetDigest.Digest d = digests.of(c.id);
        c.ballotDigest = d.root();
        c.sealedBallots = Math.toIntExact(d.ballots());
        return d.root();
    }

    private boolean uncontested(Contest c) {
        for (UncontestedRule rule : uncontestedRules) {
            if (rule.kind() == c.kind && rule.isUncontested(c)) {
                rule.declare(c);
                return true;
            }
        }
        return false;
    }

    /** Applies the timetable: moves a contest whose stated time has come. Returns the new state. */
    @Transactional
    public ContestState advanceOnTimetable(long id, Instant now) {
        Contest c = contests.findForUpdate(id).orElse(null);
        if (c == null) {
            return null;
        }
        if (c.state == ContestState.OPEN && reached(c.votingCloseAt, now)) {
            return move(c, ContestState.CLOSED, "timetable");
        }
        if (c.state.beforeVoting() && reached(c.votingOpenAt, now)) {
            return move(c, ContestState.OPEN, "timetable");
        }
        if (c.state == ContestState.DRAFT && reached(c.nominationsOpenAt, now)) {
            return move(c, ContestState.NOMINATIONS, "timetable");
        }
        return c.state;
    }

    private static boolean reached(Instant at, Instant now) {
        return at != null && !at.isAfter(now);
    }

    private static String keys(Contest c) {
        return String.join(" or ", c.state.next().stream().map(ContestState::key).toList());
    }
}
