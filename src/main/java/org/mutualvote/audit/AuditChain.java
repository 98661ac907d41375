package org.mutualvote.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** The hash that links one entry to the one before: SHA-256 over every field, each length-prefixed. */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(long seq, Instant at, String actor, String action, String subject, String details, String prevHash) {
        StringBuilder sb = new StringBuilder();
        for (String field : new String[] { Long.toString(seq), at.toString(), actor, action, subject, details, prevHash }) {
            sb.append(field.length()).append(':').append(field).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String hashOf(AuditEntry e) {
        return hash(e.seq, e.at, e.actor, e.action, e.subject, e.details, e.prevHash);
    }
}
