package org.mutualvote.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    /** The tip of the chain: the last entry's sequence number and hash. */
    record Head(long seq, String hash) {
    }

    /** Locks the tip of the chain until this transaction ends and returns it. */
    Head lockHead() {
        return head("select seq, hash from audit_head where id = 1 for update");
    }

    void moveHead(long seq, String hash) {
        getEntityManager().createNativeQuery("update audit_head set seq = ?1, hash = ?2 where id = 1")
                .setParameter(1, seq).setParameter(2, hash).executeUpdate();
    }

    Head head() {
        return head("select seq, hash from audit_head where id = 1");
    }

    private Head head(String sql) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery(sql).getSingleResult();
        return new Head(((Number) row[0]).longValue(), (String) row[1]);
    }

    List<AuditEntry> batchAfter(long seq, int size) {
        return find("seq > ?1", Sort.by("seq"), seq).page(0, size).list();
    }

    List<AuditEntry> page(int page, int size, String action) {
        return (action == null ? findAll(Sort.descending("seq")) : find("action", Sort.descending("seq"), action))
                .page(page, size).list();
    }

    long countByAction(String action) {
        return action == null ? count() : count("action", action);
    }
}
