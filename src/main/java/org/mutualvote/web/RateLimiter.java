package org.mutualvote.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Fixed-window request counting kept in PostgreSQL, so every instance behind the load balancer counts
 * against the same limit (DESIGN.md: instances keep nothing another would need). One upsert per check;
 * each check commits on its own, so a refused or failed request still counts. Meant for the few routes
 * whose abuse creates records (sign-up), not for every request.
 */
@ApplicationScoped
public class RateLimiter {

    public static final int WINDOW_SECONDS = 60;

    private final EntityManager em;

    public RateLimiter(EntityManager em) {
        this.em = em;
    }

    /** Counts one hit in the current minute of {@code bucket}; false once more than {@code limit} came in it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean admit(String bucket, int limit) {
        Number hits = (Number) em.createNativeQuery("""
                insert into rate_window (bucket, window_start, hits)
                values (:bucket, to_timestamp(floor(extract(epoch from now()) / :window) * :window), 1)
                on conflict (bucket, window_start) do update set hits = rate_window.hits + 1
                returning hits""")
                .setParameter("bucket", bucket).setParameter("window", WINDOW_SECONDS).getSingleResult();
        if (hits.intValue() == 1) {
            // First hit of a window: clear windows long gone (cheap, indexed by the key's prefix scan).
            em.createNativeQuery("delete from rate_window where bucket = :bucket and window_start < now() - interval '1 hour'")
                    .setParameter("bucket", bucket).executeUpdate();
        }
        return hits.intValue() <= limit;
    }

    /** The 429 a caller over the limit gets; the mapper adds Retry-After. */
    public static ProblemException tooMany(String what) {
        return new ProblemException(429, "Too many requests", "Too many " + what + " in the last minute; try again in a minute");
    }
}
