package org.mutualvote.election;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CandidateRepository implements PanacheRepository<Candidate> {

    /** Every candidate ever nominated, in ballot order (withdrawn ones included, as BLT keeps them). */
    public List<Candidate> ofContest(long contestId) {
        return list("contestId", Sort.by("position"), contestId);
    }

    public long standing(long contestId) {
        return count("contestId = ?1 and withdrawn = false", contestId);
    }

    int nextPosition(long contestId) {
        Integer max = getEntityManager()
                .createQuery("select max(c.position) from Candidate c where c.contestId = ?1", Integer.class)
                .setParameter(1, contestId).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    boolean nameTaken(long contestId, String name) {
        return count("contestId = ?1 and lower(name) = lower(?2)", contestId, name) > 0;
    }
}
