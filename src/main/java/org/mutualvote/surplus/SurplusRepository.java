package org.mutualvote.surplus;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Surplus votes, and the dividends shared out after them. */
@ApplicationScoped
public class SurplusRepository implements PanacheRepositoryBase<SurplusVote, Long> {

    public Optional<Dividend> dividend(long contestId, int pot) {
        return getEntityManager().createQuery("from Dividend d where d.contestId = :c and d.potPosition = :p", Dividend.class)
                .setParameter("c", contestId).setParameter("p", pot).getResultStream().findFirst();
    }

    public List<Dividend> dividends(long contestId) {
        return getEntityManager().createQuery("from Dividend d where d.contestId = :c order by d.potPosition", Dividend.class)
                .setParameter("c", contestId).getResultList();
    }

    public List<DividendShare> shares(long dividendId) {
        return getEntityManager().createQuery("from DividendShare s where s.dividendId = :d order by s.memberId", DividendShare.class)
                .setParameter("d", dividendId).getResultList();
    }

    public Optional<DividendShare> share(long dividendId, long memberId) {
        return getEntityManager().createQuery("from DividendShare s where s.dividendId = :d and s.memberId = :m", DividendShare.class)
                .setParameter("d", dividendId).setParameter("m", memberId).getResultStream().findFirst();
    }

    /** Every share a member has, with its dividend, newest first. */
    public List<Object[]> sharesOf(long memberId) {
        return getEntityManager().createQuery("""
                select s, d from DividendShare s, Dividend d where d.id = s.dividendId and s.memberId = :m
                order by d.calculatedAt desc""", Object[].class).setParameter("m", memberId).getResultList();
    }
}
