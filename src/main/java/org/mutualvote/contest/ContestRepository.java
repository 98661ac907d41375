package org.mutualvote.contest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.mutualvote.web.ProblemException;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ContestRepository implements PanacheRepository<Contest> {

    /** The contest of that kind, or a 404 that names it. */
    public Contest ofKind(long id, ContestKind kind) {
        return findByIdOptional(id).filter(c -> c.kind == kind)
                .orElseThrow(() -> ProblemException.notFound(kind.key() + " " + id));
    }

    /** The contest, locked against concurrent transitions until this transaction ends. */
    public Optional<Contest> findForUpdate(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<Contest> inConstituency(long constituencyId) {
        return list("constituency.id", Sort.descending("id"), constituencyId);
    }

    /** Contests whose timetable says they should have moved on by now. */
    public List<Long> due(Instant now) {
        return getEntityManager().createQuery("""
                select c.id from Contest c where
                 (c.state = :draft and c.nominationsOpenAt <= :now)
                 or (c.state in (:draft, :nominations) and c.votingOpenAt <= :now)
                 or (c.state = :open and c.votingCloseAt <= :now)""", Long.class)
                .setParameter("draft", ContestState.DRAFT)
                .setParameter("nominations", ContestState.NOMINATIONS)
                .setParameter("open", ContestState.OPEN)
                .setParameter("now", now)
                .getResultList();
    }
}
