package org.mutualvote.ballot;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.mutualvote.contest.ContestKind;
import org.mutualvote.contest.ContestState;

/**
 * Casting. The participation row and the ballot row are written in one transaction: the primary key
 * of participation makes a second vote impossible, and the answer leaves only after the commit.
 */
@ApplicationScoped
public class BallotService {

    private final EntityManager em;
    private final BallotBox box;
    private final Instance<BallotForm> forms;

    BallotService(EntityManager em, BallotBox box, Instance<BallotForm> forms) {
        this.em = em;
        this.box = box;
        this.forms = forms;
    }

    @Transactional
    public CastOutcome cast(long contestId, String subject, List<Long> choices) {
        // One round trip for every check. KEY SHARE on the contest row holds off a concurrent close
        // until this ballot is in, without making voters wait for each other.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select c.state, c.voting_close_at, c.kind, m.id,
                       exists (select 1 from voter_roll r where r.contest_id = c.id and r.member_id = m.id)
                from contest c left join member m on m.subject = ?2 and m.status = 'active'
                where c.id = ?1
                for key share of c""")
                .setParameter(1, contestId).setParameter(2, subject).getResultList();
        if (rows.isEmpty()) {
            return new CastOutcome.NoSuchContest();
        }
        Object[] row = rows.get(0);
        String state = (String) row[0];
        Instant closesAt = row[1] == null ? null : toInstant(row[1]);
        if (!ContestState.OPEN.key().equals(state) || (closesAt != null && !Instant.now().isBefore(closesAt))) {
            return new CastOutcome.NotOpen(ContestState.OPEN.key().equals(state) ? "closed" : state);
        }
        if (row[3] == null || !Boolean.TRUE.equals(row[4])) {
            return new CastOutcome.NotOnRoll();
        }
        long memberId = ((Number) row[3]).longValue();
        int[] ranking = form(ContestKind.valueOf(((String) row[2]).toUpperCase())).ranking(contestId, choices);

        int inserted = em.createNativeQuery(
                "insert into participation (contest_id, member_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, contestId).setParameter(2, memberId).executeUpdate();
        if (inserted == 0) {
            return new CastOutcome.AlreadyVoted();
        }
        String tracker = box.put(contestId, "online", ranking);
        return new CastOutcome.Accepted(new CastOutcome.Receipt(contestId, tracker, Tracker.shortCode(tracker)));
    }

    /** Whether the caller has voted: a member may confirm that, never what. */
    @Transactional
    public boolean hasVoted(long contestId, String subject) {
        return !em.createNativeQuery("""
                select 1 from participation p join member m on m.id = p.member_id
                where p.contest_id = ?1 and m.subject = ?2""")
                .setParameter(1, contestId).setParameter(2, subject).getResultList().isEmpty();
    }

    private BallotForm form(ContestKind kind) {
        for (BallotForm form : forms) {
            if (form.kind() == kind) {
                return form;
            }
        }
        throw new IllegalStateException("no ballot form for " + kind);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
