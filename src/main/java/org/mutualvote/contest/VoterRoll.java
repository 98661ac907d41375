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

    /**
     * Copies the active members of the contest's constituency (and of any others it is put to, in
     * contest_put_to) onto the roll, each with the constituency they are in now, and returns how many.
     */
    int freeze(Contest contest) {
        return em.createNativeQuery("""
                insert into voter_roll (contest_id, member_id, constituency_id)
                select ?1, m.id, m.constituency_id from member m where m.status = 'active'
                and (m.constituency_id = ?2
                     or m.constituency_id in (select k.constituency_id from contest_put_to k where k.contest_id = ?1))""")
                .setParameter(1, contest.id)
                .setParameter(2, contest.constituency.id)
                .executeUpdate();
    }

    public long voted(long contestId) {
        return ((Number) em.createNativeQuery("select count(*) from participation where contest_id = ?1")
                .setParameter(1, contestId).getSingleResult()).longValue();
    }
}
