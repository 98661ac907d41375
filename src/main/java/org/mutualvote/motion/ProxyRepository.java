package org.mutualvote.motion;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ProxyRepository implements PanacheRepository<ProxyAppointment> {

    Optional<ProxyAppointment> activeOf(long contestId, long appointerId) {
        return find("contestId = ?1 and appointerId = ?2 and revokedAt is null", contestId, appointerId).firstResultOptional();
    }

    List<ProxyAppointment> heldBy(long contestId, long holderId) {
        return list("contestId = ?1 and holderId = ?2 and revokedAt is null", Sort.by("id"), contestId, holderId);
    }

    long countHeld(long contestId, long holderId) {
        return count("contestId = ?1 and holderId = ?2 and revokedAt is null", contestId, holderId);
    }

    List<ProxyAppointment> ofPoll(long contestId) {
        return list("contestId", Sort.by("id"), contestId);
    }

    /** Whether the member's ballot has been cast (participation; never which ballot). */
    boolean voted(long contestId, long memberId) {
        return getEntityManager().createNativeQuery("select 1 from participation where contest_id = ?1 and member_id = ?2")
                .setParameter(1, contestId).setParameter(2, memberId).getResultList().size() > 0;
    }

    boolean onRoll(long contestId, long memberId) {
        return getEntityManager().createNativeQuery("select 1 from voter_roll where contest_id = ?1 and member_id = ?2")
                .setParameter(1, contestId).setParameter(2, memberId).getResultList().size() > 0;
    }

    /** Directions say how a member voted: gone once voting closes. */
    void clearDirections(long contestId) {
        update("directions = null where contestId = ?1", contestId);
    }
}
