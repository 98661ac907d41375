package org.mutualvote.contest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * A contest's ballot box in the database: one partition of {@code ballot} and one of {@code participation},
 * made when voting opens and rebuilt when it closes, through the database functions of V22 (the service's
 * login may not touch either table itself).
 *
 * <p>While voting runs, each ballot and its participation are written by the same transaction, so
 * PostgreSQL's system columns (xmin, physical position) pair them for a superuser reading the raw tables.
 * At close, after waiting for ballots in flight (see {@link ContestLocks}), both partitions are copied into
 * new tables (ballots in tracker order, participation in member order) and the old ones dropped, their files
 * unlinked at commit: every row of the contest then shares one transaction id, and no old row version that
 * paired them is left in the tables.
 */
@ApplicationScoped
class BallotSeal {

    private final EntityManager em;

    BallotSeal(EntityManager em) {
        this.em = em;
    }

    /** Makes the contest's partitions; voting opens in the same transaction. */
    void open(long contestId) {
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (var ps = c.prepareStatement("select open_ballot_box(?)")) {
                ps.setLong(1, contestId);
                ps.executeQuery().close();
            }
        });
    }

    /** Rebuilds the partitions of a contest marked closed in this transaction (flushed here first). */
    void seal(long contestId) {
        em.flush();
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            ContestLocks.excludeCasting(c, contestId);
            try (var ps = c.prepareStatement("select seal_ballot_box(?)")) {
                ps.setLong(1, contestId);
                ps.executeQuery().close();
            }
        });
    }
}
