package org.mutualvote.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash that links one entry to the one before (SHA-256 over every field, each length-prefixed), and the
 * MACs that a key outside the database puts on each entry and on each published head (heads are also signed:
 * {@link HeadSigner}).
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(long seq, Instant at, String actor, String action, String subject, String details, String prevHash) {
        StringBuilder sb = new StringBuilder();
        for (String field : new String[] { Long.toString(seq), at.toString(), actor, action, subject, details, prevHash }) {
            sb.append(field.length()).append(':').append(field).append('\n');
        }
        return HexFormat.of().formatHex(sha256(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The MAC of an entry: HMAC-SHA-256 with the audit key over "mutualvote-audit-v1\n" and the entry's hash. */
    static String mac(String key, String hash) {
        return HexFormat.of().formatHex(hmac(key, "mutualvote-audit-v1\n" + hash));
    }

    /** The MAC of a published head: over "mutualvote-audit-head-v1\n", its sequence number and hash. */
    static String headMac(String key, long seq, String hash) {
        return HexFormat.of().formatHex(hmac(key, "mutualvote-audit-head-v1\n" + seq + "\n" + hash));
    }

    /** HMAC-SHA-256 with the audit key: the entries' MACs, and the seed of the key that signs heads ({@link HeadSigner}). */
    static byte[] hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is missing from this JVM", e);
        }
    }

    /** Compares MACs in time independent of where they differ. */
    static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    static String hashOf(AuditEntry e) {
        return hash(e.seq, e.at, e.actor, e.action, e.subject, e.details, e.prevHash);
    }
}
