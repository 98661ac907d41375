package org.mutualvote.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes and checks the hash-chained audit log. Callers record inside their own transaction, so an
 * entry exists exactly when the change it describes was committed.
 */
@ApplicationScoped
public class AuditService {

    private static final int VERIFY_BATCH = 1000;

    private final AuditRepository entries;
    private final ObjectMapper json;

    public AuditService(AuditRepository entries, ObjectMapper json) {
        this.entries = entries;
        this.json = json;
    }

    /** Appends an entry; must run inside the transaction that makes the change it records. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(String actor, String action, String subject, Map<String, ?> details) {
        AuditRepository.Head head = entries.lockHead();
        AuditEntry e = new AuditEntry();
        e.seq = head.seq() + 1;
        e.prevHash = head.hash();
        e.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        e.actor = actor;
        e.action = action;
        e.subject = subject;
        e.details = canonicalJson(details);
        e.hash = AuditChain.hashOf(e);
        entries.persist(e);
        entries.moveHead(e.seq, e.hash);
        return e;
    }

    @Transactional
    public AuditPage page(int page, int size, String action) {
        List<AuditEntryView> items = entries.page(page, size, action).stream().map(AuditEntryView::from).toList();
        return new AuditPage(items, page, size, entries.countByAction(action));
    }

    /** Recomputes the whole chain from the first entry and reports the first entry that does not fit. */
    @Transactional
    public ChainReport verify() {
        String expectedPrev = AuditChain.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        List<AuditEntry> batch;
        while (!(batch = entries.batchAfter(expectedSeq - 1, VERIFY_BATCH)).isEmpty()) {
            for (AuditEntry e : batch) {
                String problem = null;
                if (e.seq != expectedSeq) {
                    problem = "entry " + expectedSeq + " is missing";
                } else if (!e.prevHash.equals(expectedPrev)) {
                    problem = "its previous-hash does not match the entry before it";
                } else if (!AuditChain.hashOf(e).equals(e.hash)) {
                    problem = "its content does not match its hash: it was edited";
                }
                if (problem != null) {
                    return ChainReport.broken(checked, Math.min(e.seq, expectedSeq), problem);
                }
                expectedPrev = e.hash;
                expectedSeq++;
                checked++;
            }
            entries.getEntityManager().clear();
        }
        AuditRepository.Head head = entries.head();
        if (head.seq() != checked || !head.hash().equals(expectedPrev)) {
            return ChainReport.broken(checked, checked + 1, "entries after " + checked + " were removed");
        }
        return ChainReport.intact(checked, expectedPrev);
    }

    private String canonicalJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details == null ? Map.of() : new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain JSON values", e);
        }
    }

    public record AuditPage(List<AuditEntryView> items, int page, int size, long total) {
    }

    public record ChainReport(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem, String headHash) {
        static ChainReport intact(long checked, String head) {
            return new ChainReport(true, checked, null, null, head);
        }

        static ChainReport broken(long checked, long seq, String problem) {
            return new ChainReport(false, checked, seq, "entry " + seq + ": " + problem, null);
        }
    }
}
