package org.mutualvote.ballot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import org.mutualvote.contest.ContestKind;
import org.mutualvote.web.Phrase;
import org.mutualvote.web.Problem.FieldError;
import org.mutualvote.web.ProblemException;

/**
 * Casting. The participation row and the ballot row are written in one transaction: the primary key
 * of participation makes a second vote impossible, and the answer leaves only after the commit.
 * This is the hot path, so it speaks JDBC, and a ballot whose form needs no more than the contest
 * (an election's, a surplus vote's) is one statement, {@code cast_ballot}, that is its own transaction.
 */
@ApplicationScoped
public class BallotService {

    /**
     * The database function {@code cast_ballot} (V91): it takes the contest's shared lock (closing takes it
     * exclusively), checks after it that voting is open and the voter an active member on the roll, and writes
     * the participation row and, only if that was new (its primary key refuses a second vote), the ballot row.
     * With no ranking it only checks. The service's login may not write either table itself, nor read ballots.
     */
    static final String CAST = "select answer, contest_state, voter from cast_ballot(?, ?, ?, ?, ?, ?, ?, ?, ?)";

    // Plain JDBC on the DataSource, the one place outside bulk ballot reads that skips Hibernate: a cast has
    // no entity to load or flush; README's "Casting speed" figures were measured on this path.
    private final DataSource db;
    private final Instance<BallotForm> forms;

    /** Contests' kinds, read once each: a kind never changes. Bounded; another instance keeps its own. */
    private final Map<Long, ContestKind> kinds = new ConcurrentHashMap<>();

    BallotService(DataSource db, Instance<BallotForm> forms) {
        this.db = db;
        this.forms = forms;
    }

    /** Outside any transaction: the cast statement is its own. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
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

    /**
     * By the voter's subject, or (subject null) for the member with that id, cast by their proxy. A voter who may
     * not vote here at all hears that before any fault in their ballot: the check runs first where the form needs
     * the member, and otherwise only once the form has refused the ballot.
     */
    private CastOutcome cast(long contestId, String subject, Long byProxyFor, List<Long> choices) {
        try (Connection c = db.getConnection()) {
            ContestKind kind = kindOf(c, contestId);
            if (kind == null) {
                return new CastOutcome.NoSuchContest();
            }
            BallotForm form = form(kind);
            Instant now = Instant.now();
            Long memberId = byProxyFor;
            if (form.needsVoter() && memberId == null) {
                Answer may = send(c, contestId, subject, null, now, null);
                if (!may.answer().equals("may-vote")) {
                    return may.outcome();
                }
                memberId = may.voter();
            }
            int[] ranking;
            try {
                ranking = form.ranking(c, contestId, memberId == null ? 0 : memberId, byProxyFor != null, choices);
            } catch (ProblemException refused) {
                Answer may = send(c, contestId, subject, byProxyFor, now, null);
                if (!may.answer().equals("may-vote")) {
                    return may.outcome();
                }
                throw refused;
            }
            String nonce = Tracker.newNonce();
            String tracker = Tracker.of(contestId, "online", ranking, nonce);
            Answer cast = send(c, contestId, subject, byProxyFor, now, new Ballot(ranking, nonce, tracker));
            if (!cast.answer().equals("cast")) {
                return cast.outcome();
            }
            return new CastOutcome.Accepted(new CastOutcome.Receipt(contestId, tracker, Tracker.shortCode(tracker)));
        } catch (SQLException e) {
            throw new IllegalStateException("casting failed in the database", e);
        }
    }

    private record Ballot(int[] ranking, String nonce, String tracker) {
    }

    /** What {@link #CAST} answered, with the contest's state and the voter's member id where it got that far. */
    private record Answer(String answer, String contestState, Long voter) {

        CastOutcome outcome() {
            return switch (answer) {
                case "voted" -> new CastOutcome.AlreadyVoted();
                case "not-open" -> new CastOutcome.NotOpen(contestState);
                case "not-on-roll" -> new CastOutcome.NotOnRoll();
                case "no-contest" -> new CastOutcome.NoSuchContest();
                default -> throw new IllegalStateException("cast_ballot answered " + answer);
            };
        }
    }

    /** Sends {@link #CAST}: the ballot, or with none only the check. */
    private static Answer send(Connection c, long contestId, String subject, Long member, Instant now, Ballot ballot)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CAST)) {
            ps.setLong(1, contestId);
            ps.setString(2, subject);
            ps.setObject(3, member, Types.BIGINT);
            ps.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setObject(5, ballot == null ? null : UUID.randomUUID(), Types.OTHER);
            ps.setString(6, "online");
            ps.setString(7, ballot == null ? null : BallotBox.arrayLiteral(ballot.ranking()));
            ps.setString(8, ballot == null ? null : ballot.nonce());
            ps.setString(9, ballot == null ? null : ballot.tracker());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long voter = rs.getLong(3);
                return new Answer(rs.getString(1), rs.getString(2), rs.wasNull() ? null : voter);
            }
        }
    }

    /** The contest's kind, or null when there is no such contest. */
    private ContestKind kindOf(Connection c, long contestId) throws SQLException {
        ContestKind kind = kinds.get(contestId);
        if (kind != null) {
            return kind;
        }
        try (PreparedStatement ps = c.prepareStatement("select kind from contest where id = ?")) {
            ps.setLong(1, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                kind = ContestKind.valueOf(rs.getString(1).toUpperCase());
            }
        }
        if (kinds.size() >= 10_000) {
            kinds.clear();
        }
        kinds.put(contestId, kind);
        return kind;
    }

    /**
     * Records a batch of paper or postal ballots against the marked register: {@code issuedTo} names the
     * member each paper was issued to, one per ballot. Each of them gets a participation row, so they
     * cannot also vote online, and the other way round. A batch that names a member off the roll, one who
     * has voted already, one twice, or that would take the votes past the roll, is refused whole (422,
     * naming each row); the caller holds the contest's lock. Participation rows go in member order and
     * ballots in tracker order, so neither order pairs a paper with its voter.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int castPapers(long contestId, List<Long> issuedTo, List<int[]> rankings) {
        List<FieldError> errors = new ArrayList<>();
        if (issuedTo.size() != rankings.size()) {
            errors.add(Phrase.of("paper-issued-count", "names " + issuedTo.size() + " members for " + rankings.size()
                    + " ballots; each paper comes with the member it was issued to", "members", issuedTo.size(),
                    "ballots", rankings.size()).at("issuedTo"));
        }
        Map<Long, Integer> firstRow = new HashMap<>();
        for (int i = 0; i < issuedTo.size(); i++) {
            Integer earlier = firstRow.putIfAbsent(issuedTo.get(i), i);
            if (earlier != null) {
                errors.add(Phrase.of("paper-issued-twice", "member " + issuedTo.get(i) + " was already issued the paper in row " + earlier,
                        "memberId", issuedTo.get(i), "row", earlier).at("issuedTo[" + i + "]"));
            }
        }
        try (Connection c = db.getConnection()) {
            Long[] ids = issuedTo.toArray(Long[]::new);
            try (PreparedStatement ps = c.prepareStatement("""
                    select m.id, m.ord,
                           exists (select 1 from voter_roll r where r.contest_id = ? and r.member_id = m.id),
                           exists (select 1 from participation p where p.contest_id = ? and p.member_id = m.id)
                    from unnest(?::bigint[]) with ordinality as m (id, ord) order by m.ord""")) {
                ps.setLong(1, contestId);
                ps.setLong(2, contestId);
                ps.setArray(3, c.createArrayOf("bigint", ids));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String field = "issuedTo[" + (rs.getInt(2) - 1) + "]";
                        if (!rs.getBoolean(3)) {
                            errors.add(Phrase.of("paper-member-not-on-roll", "member " + rs.getLong(1) + " is not on the roll of this contest",
                                    "memberId", rs.getLong(1)).at(field));
                        } else if (rs.getBoolean(4)) {
                            errors.add(Phrase.of("paper-member-voted", "member " + rs.getLong(1) + " has already voted (online or on paper)",
                                    "memberId", rs.getLong(1)).at(field));
                        }
                    }
                }
            }
            long voted;
            int roll;
            try (PreparedStatement ps = c.prepareStatement("""
                    select (select count(*) from participation where contest_id = ?), coalesce(roll_size, 0) from contest where id = ?""")) {
                ps.setLong(1, contestId);
                ps.setLong(2, contestId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    voted = rs.getLong(1);
                    roll = rs.getInt(2);
                }
            }
            if (voted + rankings.size() > roll) {
                errors.add(Phrase.of("paper-over-roll", voted + " have voted and this batch holds " + rankings.size()
                        + " ballots: more than the " + roll + " members on the roll", "voted", voted, "ballots", rankings.size(),
                        "roll", roll).at("ballots"));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.unprocessable("The paper ballots do not match the marked register; none was recorded", errors)
                        .coded("paper-register-mismatch");
            }
            int n = rankings.size();
            Object[] uuids = new Object[n];
            String[] literals = new String[n];
            String[] nonces = new String[n];
            String[] trackers = new String[n];
            for (int i = 0; i < n; i++) {
                uuids[i] = java.util.UUID.randomUUID();
                literals[i] = BallotBox.arrayLiteral(rankings.get(i));
                nonces[i] = Tracker.newNonce();
                trackers[i] = Tracker.of(contestId, "paper", rankings.get(i), nonces[i]);
            }
            try (PreparedStatement ps = c.prepareStatement("select record_papers(?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, contestId);
                ps.setArray(2, c.createArrayOf("bigint", ids));
                ps.setArray(3, c.createArrayOf("uuid", uuids));
                ps.setArray(4, c.createArrayOf("text", literals));
                ps.setArray(5, c.createArrayOf("text", nonces));
                ps.setArray(6, c.createArrayOf("text", trackers));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) != ids.length) {
                        // A member voted online between the check and now: the exception rolls the whole batch back.
                        throw ProblemException.conflict("A member of this batch voted online while it was being recorded; none was recorded, send it again")
                                .coded("paper-batch-raced-online");
                    }
                }
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException("recording paper ballots failed in the database", e);
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
