package org.mutualvote.contest;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Read-only views across contests: what a member may vote in now, and turnout for officials. */
@ApplicationScoped
public class ContestQueries {

    private final EntityManager em;

    ContestQueries(EntityManager em) {
        this.em = em;
    }

    public record MyContest(long id, String kind, String title, String state, Instant votingCloseAt, boolean voted) {
    }

    public record ConstituencyTurnout(long contestId, String kind, String title, String state, long constituencyId,
            String constituencyName, int rollSize, long voted) {
    }

    /** The open contests whose frozen roll includes the caller, and whether they have voted in each. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<MyContest> openFor(String subject) {
        List<Object[]> rows = em.createNativeQuery("""
                select c.id, c.kind, c.title, c.state, c.voting_close_at,
                       exists (select 1 from participation p where p.contest_id = c.id and p.member_id = m.id)
                from member m
                join voter_roll r on r.member_id = m.id
                join contest c on c.id = r.contest_id
                where m.subject = ?1 and c.state = 'open'
                order by c.voting_close_at nulls last, c.id""")
                .setParameter(1, subject).getResultList();
        return rows.stream().map(r -> new MyContest(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                toInstant(r[4]), (Boolean) r[5])).toList();
    }

    /** Counts only: roll size and ballots cast for every contest that has a roll, per constituency. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<ConstituencyTurnout> turnout() {
        List<Object[]> rows = em.createNativeQuery("""
                select c.id, c.kind, c.title, c.state, k.id, k.name, c.roll_size,
                       (select count(*) from participation p where p.contest_id = c.id)
                from contest c join constituency k on k.id = c.constituency_id
                where c.roll_size is not null
                order by k.name, c.id""").getResultList();
        return rows.stream().map(r -> new ConstituencyTurnout(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], ((Number) r[4]).longValue(), (String) r[5], ((Number) r[6]).intValue(),
                ((Number) r[7]).longValue())).toList();
    }

    private static Instant toInstant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
