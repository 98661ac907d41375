package org.mutualvote.ballot;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.mutualvote.count.BallotSet;

/**
 * A ballot's tracker: SHA-256 over "mutualvote-ballot-v1", the contest id, the channel, the ranking
 * (comma-separated candidate numbers) and a random 256-bit nonce, one per line. The bulletin board
 * publishes the nonce beside the content, so anyone can recompute every tracker.
 */
public final class Tracker {

    private static final HexFormat HEX = HexFormat.of();

    /** A tracker as clients send it back (a board page's {@code after}, a lookup): 64 hex digits, either case. */
    public static final String FORMAT = "[0-9a-fA-F]{64}";

    /** What a voter types to check a receipt: the full tracker, or the receipt's short code (1A2B-3C4D-5E6F, dashes optional). */
    public static final String RECEIPT_FORMAT = FORMAT + "|[0-9a-fA-F]{4}[- ]?[0-9a-fA-F]{4}[- ]?[0-9a-fA-F]{4}";

    private Tracker() {
    }

    public static String newNonce() {
        byte[] nonce = new byte[32];
        Nonces.RANDOM.nextBytes(nonce);
        return HEX.formatHex(nonce);
    }

    /** The formula lives with the counter, so the Recount command checks trackers without the service. */
    public static String of(long contestId, String channel, int[] ranking, String nonce) {
        return BallotSet.tracker(contestId, channel, ranking, nonce);
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
