package org.mutualvote.ballot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import org.mutualvote.contest.ContestKind;
import org.mutualvote.contest.ContestLocks;
import org.mutualvote.contest.ContestState;
import org.mutualvote.web.ProblemException;

/**
 * Casting. The participation row and the ballot row are written in one transaction: the primary key
 * of participation makes a second vote impossible, and the answer leaves only after the commit.
 * This is the hot path, so it speaks JDBC on the transaction's own connection: three short statements.
 */
@ApplicationScoped
public class BallotService {

    /**
     * Participation and ballot in one statement: the ballot row is written only if the participation
     * row was (its primary key refuses a second vote), in the same transaction.
     */
    static final String CAST = """
            with voted as (
                insert into participation (contest_id, member_id) values (?, ?) on conflict do nothing returning contest_id)
            insert into ballot (id, contest_id, channel, ranking, nonce, tracker)
            select ?, contest_id, ?, cast(? as integer[]), ?, ? from voted""";

    /** The contest's state and whether the voter (by subject; by member id for a proxy cast) is an active member on its roll. */
    static final String VOTER = """
            select c.state, c.voting_close_at, c.kind, m.id,
                   exists (select 1 from voter_roll r where r.contest_id = c.id and r.member_id = m.id)
            from contest c left join member m on m.subject = ? and m.status = 'active'
            where c.id = ?""";

    static final String VOTER_BY_ID = VOTER.replace("m.subject = ?", "m.id = ?");

    // Plain JDBC on the DataSource, the one place outside bulk ballot reads that skips Hibernate: a cast is
    // one lock and one statement with no entity to load or flush, and README's "Casting speed" figures
    // (1,264-1,647 ballots/s at 32 concurrent voters) were measured on this path.
    private final DataSource db;
    private final Instance<BallotForm> forms;

    BallotService(DataSource db, Instance<BallotForm> forms) {
        this.db = db;
        this.forms = forms;
    }

    @Transactional
    public CastOutcome cast(long contestId, String subject, List<Long> choices) {
        return cast(contestId, subject, null, choices);
    }

    /**
     * Casts the ballot of member {@code memberId} for them, as their proxy holder: an ordinary secret
     * ballot with its own receipt; participation records the member, never who cast it. The caller
     * has checked the appointment in this transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CastOutcome castOnBehalf(long contestId, long memberId, List<Long> choices) {
        return cast(contestId, null, memberId, choices);
    }

    /** By the voter's subject, or (subject null) for the member with that id, cast by their proxy. */
    private CastOutcome cast(long contestId, String subject, Long byProxyFor, List<Long> choices) {
        try (Connection c = db.getConnection()) {
            // A shared lock that close waits for: no ballot slips in while a contest is being closed.
            ContestLocks.shareForCasting(c, contestId);
            String state;
            String kind;
            Instant closesAt;
            Long memberId = null;
            boolean onRoll;
            try (PreparedStatement ps = c.prepareStatement(byProxyFor == null ? VOTER : VOTER_BY_ID)) {
                if (byProxyFor == null) {
                    ps.setString(1, subject);
                } else {
                    ps.setLong(1, byProxyFor);
                }
                ps.setLong(2, contestId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new CastOutcome.NoSuchContest();
                    }
                    state = rs.getString(1);
                    Timestamp close = rs.getTimestamp(2);
                    closesAt = close == null ? null : close.toInstant();
                    kind = rs.getString(3);
                    long id = rs.getLong(4);
                    memberId = rs.wasNull() ? null : id;
                    onRoll = rs.getBoolean(5);
                }
            }
            boolean pastClose = closesAt != null && !Instant.now().isBefore(closesAt);
            if (!ContestState.OPEN.key().equals(state) || pastClose) {
                return new CastOutcome.NotOpen(pastClose ? "closed" : state);
            }
            if (memberId == null || !onRoll) {
                return new CastOutcome.NotOnRoll();
            }
            int[] ranking = form(ContestKind.valueOf(kind.toUpperCase())).ranking(c, contestId, memberId, byProxyFor != null, choices);
            String nonce = Tracker.newNonce();
            String tracker = Tracker.of(contestId, "online", ranking, nonce);
            try (PreparedStatement ps = c.prepareStatement(CAST)) {
                ps.setLong(1, contestId);
                ps.setLong(2, memberId);
                ps.setObject(3, java.util.UUID.randomUUID());
                ps.setString(4, "online");
                ps.setString(5, BallotBox.arrayLiteral(ranking));
                ps.setString(6, nonce);
                ps.setString(7, tracker);
                if (ps.executeUpdate() == 0) {
                    return new CastOutcome.AlreadyVoted();
                }
            }
            return new CastOutcome.Accepted(new CastOutcome.Receipt(contestId, tracker, Tracker.shortCode(tracker)));
        } catch (SQLException e) {
            throw new IllegalStateException("casting failed in the database", e);
        }
    }

    /** Whether the caller has voted: a member may confirm that, never what. */
    @Transactional
    public boolean hasVoted(long contestId, String subject) {
        // No row at all: there is no such contest (404), rather than "you have not voted" in it.
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select exists (select 1 from participation p join member m on m.id = p.member_id
                               where p.contest_id = k.id and m.subject = ?)
                from contest k where k.id = ?""")) {
            ps.setString(1, subject);
            ps.setLong(2, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("contest " + contestId);
                }
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private BallotForm form(ContestKind kind) {
        for (BallotForm form : forms) {
            if (form.kind() == kind) {
                return form;
            }
        }
        throw new IllegalStateException("no ballot form for " + kind);
    }
}
