package org.mutualvote.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.jboss.logging.Logger;
import org.mutualvote.web.MutualVoteConfig;
import org.mutualvote.web.ProblemException;

import io.quarkus.runtime.LaunchMode;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes and checks the hash-chained audit log. Callers record inside their own transaction, so an
 * entry exists exactly when the change it describes was committed.
 */
@ApplicationScoped
public class AuditService {

    private static final int VERIFY_BATCH = 1000;

    private static final Logger LOG = Logger.getLogger(AuditService.class);

    private final AuditRepository entries;
    private final ObjectMapper json;
    private final String key;
    private final HeadSigner signer;
    /** The last head signed, so that board pages read while the log stands still sign nothing. */
    private volatile Signed lastSigned;

    private record Signed(AuditRepository.Head head, String signature) {
    }

    public AuditService(AuditRepository entries, ObjectMapper json, MutualVoteConfig config) {
        this.entries = entries;
        this.json = json;
        this.key = config.audit().key();
        this.signer = new HeadSigner(key);
        if (LaunchMode.current() == LaunchMode.NORMAL && MutualVoteConfig.Audit.DEV_KEY.equals(key)) {
            LOG.warn("mutualvote.audit.key is the development default: anyone can forge audit entries and signed heads; set MUTUALVOTE_AUDIT_KEY");
        }
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
        e.mac = AuditChain.mac(key, e.hash);
        entries.persist(e);
        entries.moveHead(e.seq, e.hash);
        return e;
    }

    @Transactional
    public AuditPage page(int page, int size, String action) {
        List<AuditEntryView> items = entries.page(page, size, action).stream().map(AuditEntryView::from).toList();
        return new AuditPage(items, page, size, entries.countByAction(action));
    }

    /**
     * Recomputes the whole chain from the first entry, hashes and MACs, and reports the first entry that does
     * not fit. Given a head published earlier (see {@link #signedHead()}), also checks that the chain still
     * holds it: a log cut back, or rewritten from before that head, no longer does.
     */
    @Transactional
    public ChainReport verify(SignedHead published) {
        if (published != null) {
            requireIssuedHere(published);
        }
        String expectedPrev = AuditChain.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        long unsigned = 0;
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
                } else if (e.mac == null && unsigned == checked) {
                    unsigned++; // written before entries were signed (V21)
                } else if (!AuditChain.same(AuditChain.mac(key, e.hash), e.mac)) {
                    problem = "its signature does not match: it was written or rewritten without the audit key";
                } else if (published != null && e.seq == published.seq() && !e.hash.equals(published.hash())) {
                    problem = "it is not the entry of the published head (hash " + published.hash() + "): the log was rewritten";
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
        if (published != null && published.seq() > checked) {
            return ChainReport.broken(checked, checked + 1, "the published head was entry " + published.seq()
                    + " but the log ends at " + checked + ": entries were removed");
        }
        return ChainReport.intact(checked, unsigned, expectedPrev);
    }

    /** A head is ours if its signature fits, or, for a head kept before heads were signed, its MAC. */
    private void requireIssuedHere(SignedHead head) {
        if (head.signature() != null) {
            if (!signer.verifies(head.seq(), head.hash(), head.signature())) {
                throw ProblemException.unprocessable("This head was not issued by this service: its signature does not match its "
                        + "sequence number and hash under the service's public key (GET /api/audit/public-key)").coded("audit-head-not-ours");
            }
        } else if (head.mac() != null) {
            if (!AuditChain.same(AuditChain.headMac(key, head.seq(), head.hash()), head.mac())) {
                throw ProblemException.unprocessable("This head was not issued by this service: its MAC does not match its sequence "
                        + "number and hash").coded("audit-head-not-ours");
            }
        } else {
            throw ProblemException.unprocessable("This head carries neither a signature nor a MAC: give the file as the service issued it")
                    .coded("audit-head-unsigned");
        }
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

    /**
     * The head of the chain as published outside the database: on bulletin boards, and as a file a scrutineer
     * keeps. Its Ed25519 signature over {@code "mutualvote-audit-head-v2\n<seq>\n<hash>\n"} shows the service issued it,
     * to anyone with the public key ({@code keyId} says which); {@code at} is when this copy was issued and is not
     * signed. Give it back to verify later. Heads issued before heads were signed carry a {@code mac} instead, which
     * only the service can check.
     */
    public record SignedHead(@NotNull @Min(0) Long seq, @NotNull @Pattern(regexp = "[0-9a-f]{64}") String hash, Instant at,
            @Pattern(regexp = "[0-9a-f]{16}") String keyId, @Pattern(regexp = "[A-Za-z0-9+/]{86}==") String signature,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Pattern(regexp = "[0-9a-f]{64}") String mac) {
    }

    @Transactional
    public SignedHead signedHead() {
        AuditRepository.Head head = entries.head();
        Signed last = lastSigned;
        if (last == null || !last.head().equals(head)) {
            last = new Signed(head, signer.sign(head.seq(), head.hash()));
            lastSigned = last;
        }
        return new SignedHead(head.seq(), head.hash(), Instant.now().truncatedTo(ChronoUnit.SECONDS), signer.keyId(), last.signature(), null);
    }

    /** The key that signs heads, as a PEM file for openssl. */
    public String publicKeyPem() {
        return signer.publicKeyPem();
    }

    /** {@code unsignedEntries}: entries from before entries were signed, at the start of the chain. */
    public record ChainReport(boolean intact, long entriesChecked, long unsignedEntries, Long firstBrokenSeq, String problem,
            String headHash) {
        static ChainReport intact(long checked, long unsigned, String head) {
            return new ChainReport(true, checked, unsigned, null, null, head);
        }

        static ChainReport broken(long checked, long seq, String problem) {
            return new ChainReport(false, checked, 0, seq, "entry " + seq + ": " + problem, null);
        }
    }
}
