package org.mutualvote.ballot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A ballot's tracker: SHA-256 over "mutualvote-ballot-v1", the contest id, the channel, the ranking
 * (comma-separated candidate numbers) and a random 256-bit nonce, one per line. The bulletin board
 * publishes the nonce beside the content, so anyone can recompute every tracker.
 */
public final class Tracker {

    private static final HexFormat HEX = HexFormat.of();

    private Tracker() {
    }

    public static String newNonce() {
        byte[] nonce = new byte[32];
        Nonces.RANDOM.nextBytes(nonce);
        return HEX.formatHex(nonce);
    }

    public static String of(long contestId, String channel, int[] ranking, String nonce) {
        StringBuilder sb = new StringBuilder("mutualvote-ballot-v1\n").append(contestId).append('\n')
                .append(channel).append('\n');
        for (int i = 0; i < ranking.length; i++) {
            sb.append(i == 0 ? "" : ",").append(ranking[i]);
        }
        sb.append('\n').append(nonce);
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The nonces' source, in a class of its own that application.properties has the native image initialise at
     * run time: a SecureRandom made while the image is built would carry the builder's seed into every start.
     */
    static final class Nonces {
        static final SecureRandom RANDOM = new SecureRandom();

        private Nonces() {
        }
    }

    /** The first 12 hex digits in groups of four, upper case: what a voter reads out or notes down. */
    public static String shortCode(String tracker) {
        String s = tracker.substring(0, 12).toUpperCase();
        return s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8, 12);
    }

    /** A receipt's code as typed (any case, dashes or spaces or none): its 12 hex digits in lower case, or null if it is not one. */
    public static String shortCodeDigits(String typed) {
        String digits = typed.replaceAll("[\\s-]", "").toLowerCase();
        return digits.matches("[0-9a-f]{12}") ? digits : null;
    }
}
