package org.mutualvote.count;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The published set of ballots of a contest, as the bulletin board lists them, and its digest.
 *
 * <p>A ballot's tracker is SHA-256 over {@code "mutualvote-ballot-v1\n" + contest + "\n" + channel + "\n" +
 * positions joined by "," + "\n" + nonce}, in hex. The digest of the set is a Merkle root over the trackers in
 * bulletin (tracker) order, as in RFC 6962 section 2.1: a leaf is SHA-256(0x00 || tracker as ASCII), a node
 * SHA-256(0x01 || left || right), the left subtree of n leaves holding the largest power of two below n, and an
 * empty set has the digest SHA-256 of nothing. It is fixed when voting closes and written into the audit log; any ballot
 * changed, added or removed afterwards changes it.
 *
 * <p>The bulletin file is text: a first line {@code mutualvote-bulletin-v1 <contest id>}, then one line per
 * ballot, {@code tracker channel positions nonce} separated by single spaces, positions comma-separated.
 */
public final class BallotSet {

    public static final String HEADER = "mutualvote-bulletin-v1";

    private static final HexFormat HEX = HexFormat.of();

    private BallotSet() {
    }

    /** One line of the bulletin board. */
    public record Line(String tracker, String channel, int[] positions, String nonce) {
    }

    public static String tracker(long contestId, String channel, int[] positions, String nonce) {
        StringBuilder sb = new StringBuilder("mutualvote-ballot-v1\n").append(contestId).append('\n').append(channel).append('\n');
        for (int i = 0; i < positions.length; i++) {
            sb.append(i == 0 ? "" : ",").append(positions[i]);
        }
        sb.append('\n').append(nonce);
        return HEX.formatHex(sha256().digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The Merkle root over the trackers, taken in the order given (the bulletin's tracker order). */
    public static String digest(List<String> trackers) {
        Digester d = new Digester();
        trackers.forEach(d::add);
        return d.root();
    }

    /**
     * Builds the Merkle root one tracker at a time, holding one hash per level (about 20 for a million
     * ballots): full subtrees are merged as soon as they are complete, the rest right to left at the end.
     */
    public static final class Digester {
        private final List<byte[]> hashes = new ArrayList<>();
        private final List<Integer> heights = new ArrayList<>();
        private long count;

        public void add(String tracker) {
            MessageDigest md = sha256();
            md.update((byte) 0);
            md.update(tracker.getBytes(StandardCharsets.US_ASCII));
            byte[] h = md.digest();
            int height = 0;
            while (!heights.isEmpty() && heights.get(heights.size() - 1) == height) {
                h = node(hashes.remove(hashes.size() - 1), h);
                heights.remove(heights.size() - 1);
                height++;
            }
            hashes.add(h);
            heights.add(height);
            count++;
        }

        public long count() {
            return count;
        }

        public String root() {
            if (hashes.isEmpty()) {
                return HEX.formatHex(sha256().digest());
            }
            byte[] right = hashes.get(hashes.size() - 1);
            for (int i = hashes.size() - 2; i >= 0; i--) {
                right = node(hashes.get(i), right);
            }
            return HEX.formatHex(right);
        }

        private static byte[] node(byte[] left, byte[] right) {
            MessageDigest md = sha256();
            md.update((byte) 1);
            md.update(left);
            md.update(right);
            return md.digest();
        }
    }

    /**
     * What is wrong with a bulletin against the digest published at close, each problem naming its ballot:
     * a tracker that its content and nonce do not give, trackers out of order or repeated, and a set whose
     * digest is not the published one. Empty when the bulletin is the sealed set.
     */
    public static List<String> check(long contestId, List<Line> lines, String publishedDigest) {
        List<String> problems = new ArrayList<>();
        String before = "";
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            String expected = tracker(contestId, l.channel(), l.positions(), l.nonce());
            if (!expected.equals(l.tracker())) {
                problems.add("ballot " + (i + 1) + " (tracker " + l.tracker() + "): its content and nonce give tracker " + expected
                        + ", so it was changed after its voter got the receipt");
            }
            if (l.tracker().compareTo(before) <= 0) {
                problems.add("ballot " + (i + 1) + " (tracker " + l.tracker() + ") is out of tracker order or repeated");
            }
            before = l.tracker();
        }
        String actual = digest(lines.stream().map(Line::tracker).toList());
        if (!actual.equalsIgnoreCase(publishedDigest)) {
            problems.add("the " + lines.size() + " ballots have digest " + actual + ", not the " + publishedDigest
                    + " published at close: a ballot was added, removed or replaced since");
        }
        return problems;
    }

    public static void write(long contestId, List<Line> lines, Writer out) throws IOException {
        out.write(HEADER + " " + contestId + "\n");
        for (Line l : lines) {
            StringBuilder sb = new StringBuilder(l.tracker()).append(' ').append(l.channel()).append(' ');
            for (int i = 0; i < l.positions().length; i++) {
                sb.append(i == 0 ? "" : ",").append(l.positions()[i]);
            }
            out.write(sb.append(' ').append(l.nonce()).append('\n').toString());
        }
    }

    /** A bulletin file: its contest id and its lines. */
    public record Bulletin(long contestId, List<Line> lines) {
    }

    public static Bulletin read(Reader in) throws IOException, BltFormatException {
        BufferedReader r = new BufferedReader(in);
        String head = r.readLine();
        String[] h = head == null ? new String[0] : head.strip().split(" ");
        if (h.length != 2 || !h[0].equals(HEADER)) {
            throw new BltFormatException(1, "a bulletin file starts with '" + HEADER + " <contest id>'");
        }
        long contest;
        try {
            contest = Long.parseLong(h[1]);
        } catch (NumberFormatException e) {
            throw new BltFormatException(1, "'" + h[1] + "' is not a contest id");
        }
        List<Line> lines = new ArrayList<>();
        String line;
        int n = 1;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split(" ");
            if (f.length != 4) {
                throw new BltFormatException(n, "expected 'tracker channel positions nonce'");
            }
            try {
                int[] positions = f[2].isEmpty() ? new int[0] : Arrays.stream(f[2].split(",")).mapToInt(Integer::parseInt).toArray();
                lines.add(new Line(f[0], f[1], positions, f[3]));
            } catch (NumberFormatException e) {
                throw new BltFormatException(n, "positions must be comma-separated numbers");
            }
        }
        return new Bulletin(contest, lines);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
