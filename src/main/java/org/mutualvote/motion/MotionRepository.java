package org.mutualvote.motion;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

/** Motions, their per-constituency rule parts, and the constituencies a poll is put to. */
@ApplicationScoped
public class MotionRepository implements PanacheRepository<Motion> {

    List<Motion> ofPoll(long contestId) {
        return list("contestId", Sort.by("position"), contestId);
    }

    List<MotionClass> classesOf(List<Long> motionIds) {
        if (motionIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("from MotionClass where motionId in ?1 order by constituencyId", MotionClass.class)
                .setParameter(1, motionIds).getResultList();
    }

    /** The poll's constituencies in id order: a ballot's class code is a constituency's place in this list, from 1. */
    @SuppressWarnings("unchecked")
    List<Long> constituenciesOf(long contestId) {
        return ((List<Number>) getEntityManager().createNativeQuery(
                "select constituency_id from contest_put_to where contest_id = ?1 order by constituency_id")
                .setParameter(1, contestId).getResultList()).stream().map(Number::longValue).toList();
    }

    void putTo(long contestId, List<Long> constituencyIds) {
        getEntityManager().createNativeQuery("delete from contest_put_to where contest_id = ?1")
                .setParameter(1, contestId).executeUpdate();
        for (Long k : constituencyIds) {
            getEntityManager().createNativeQuery("insert into contest_put_to (contest_id, constituency_id) values (?1, ?2)")
                    .setParameter(1, contestId).setParameter(2, k).executeUpdate();
        }
    }

    void deleteMotions(long contestId) {
        getEntityManager().createQuery("delete from MotionClass where motionId in (select id from Motion where contestId = ?1)")
                .setParameter(1, contestId).executeUpdate();
        delete("contestId", contestId);
    }

    /** Roll size by constituency (frozen at open): constituency id -> members. */
    @SuppressWarnings("unchecked")
    java.util.Map<Long, Long> rollByConstituency(long contestId) {
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        for (Object[] r : (List<Object[]>) getEntityManager().createNativeQuery(
                "select constituency_id, count(*) from voter_roll where contest_id = ?1 group by constituency_id")
                .setParameter(1, contestId).getResultList()) {
            out.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        }
        return out;
    }
}
