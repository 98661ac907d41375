package org.mutualvote.contest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The frozen list of who may vote in a contest; written once, set-based, when voting opens. */
@ApplicationScoped
public class VoterRoll {

    private final EntityManager em;

    public VoterRoll(EntityManager em) {
        this.em = em;
    }

    /** Copies the constituency's active members onto the roll and returns how many there are. */
    int freeze(Contest contest) {
        return em.createNativeQuery("""
                insert into voter_roll (contest_id, member_id)
                select ?1, m.id from member m where m.constituency_id = ?2 and m.status = 'active'""")
                .setParameter(1, contest.id)
                .setParameter(2, contest.constituency.id)
                .executeUpdate();
    }

    public long voted(long contestId) {
        return ((Number) em.createNativeQuery("select count(*) from participation where contest_id = ?1")
                .setParameter(1, contestId).getSingleResult()).longValue();
    }
}
