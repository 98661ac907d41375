package org.mutualvote.contest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.mutualvote.count.BallotSet;

/**
 * At close, waits for ballots in flight (see {@link ContestLocks}), then rewrites a contest's ballot and participation rows in one transaction, in an order of
 * their own. While voting runs, each ballot and its participation were written by the same
 * transaction, so PostgreSQL's system columns (xmin, physical position) could pair them for someone
 * reading the raw tables; once rewritten, every row of the contest shares one transaction id and
 * ballots lie in tracker order, so nothing pairs them any more.
 */
@ApplicationScoped
class BallotSeal {

    private final EntityManager em;

    BallotSeal(EntityManager em) {
        this.em = em;
    }

    /** The digest of a contest's ballots as they stand: the Merkle root over their trackers, and how many. */
    record Digest(String root, long ballots) {
    }

    Digest digest(long contestId) {
        BallotSet.Digester d = new BallotSet.Digester();
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (var ps = c.prepareStatement("select tracker from ballot where contest_id = ? order by tracker")) {
                ps.setFetchSize(5000);
                ps.setLong(1, contestId);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        d.add(rs.getString(1).trim());
                    }
                }
            }
        });
        return new Digest(d.root(), d.count());
    }

    void seal(long contestId) {
        em.unwrap(org.hibernate.Session.class).doWork(c -> ContestLocks.excludeCasting(c, contestId));
        em.createNativeQuery("""
                with moved as (delete from ballot where contest_id = ?1 returning *)
                insert into ballot select * from moved order by tracker""")
                .setParameter(1, contestId).executeUpdate();
        em.createNativeQuery("""
                with moved as (delete from participation where contest_id = ?1 returning *)
                insert into participation select * from moved order by member_id""")
                .setParameter(1, contestId).executeUpdate();
    }
}
