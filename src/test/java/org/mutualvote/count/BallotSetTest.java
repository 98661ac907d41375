package org.mutualvote.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The ballot-set digest, worked out by hand from its definition (RFC 6962 section 2.1). */
class BallotSetTest {

    static byte[] sha(byte prefix, byte[]... parts) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(prefix);
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    static byte[] leaf(String t) throws Exception {
        return sha((byte) 0, t.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void fiveTrackersMakeTheTreeOfRfc6962() throws Exception {
        List<String> t = List.of("a1", "b2", "c3", "d4", "e5");
        // n = 5: the left subtree takes 4 leaves ((a b)(c d)), the right one leaf e.
        byte[] ab = sha((byte) 1, leaf("a1"), leaf("b2"));
        byte[] cd = sha((byte) 1, leaf("c3"), leaf("d4"));
        byte[] root = sha((byte) 1, sha((byte) 1, ab, cd), leaf("e5"));
        assertEquals(HexFormat.of().formatHex(root), BallotSet.digest(t));
        // n = 3: ((a b) c); n = 1: the leaf; n = 0: SHA-256 of nothing.
        assertEquals(HexFormat.of().formatHex(sha((byte) 1, ab, leaf("c3"))), BallotSet.digest(t.subList(0, 3)));
        assertEquals(HexFormat.of().formatHex(leaf("a1")), BallotSet.digest(t.subList(0, 1)));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", BallotSet.digest(List.of()));
    }

    @Test
    void aChangedAddedOrRemovedBallotIsNamedOrChangesTheDigest() {
        List<BallotSet.Line> lines = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String nonce = "%064x".formatted(i);
            int[] positions = { 1 + i % 2, 2 - i % 2 };
            lines.add(new BallotSet.Line(BallotSet.tracker(7, "online", positions, nonce), "online", positions, nonce));
        }
        lines.sort((x, y) -> x.tracker().compareTo(y.tracker()));
        String sealed = BallotSet.digest(lines.stream().map(BallotSet.Line::tracker).toList());
        assertEquals(List.of(), BallotSet.check(7, lines, sealed));

        // Content changed, tracker kept: the ballot is named.
        List<BallotSet.Line> edited = new ArrayList<>(lines);
        BallotSet.Line first = edited.get(0);
        edited.set(0, new BallotSet.Line(first.tracker(), first.channel(), new int[] { 2 }, first.nonce()));
        List<String> problems = BallotSet.check(7, edited, sealed);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("ballot 1 (tracker " + first.tracker() + ")"), problems.toString());

        // Content changed with a fresh nonce and a recomputed tracker: every tracker checks, the digest does not.
        List<BallotSet.Line> forged = new ArrayList<>(lines.subList(1, 4));
        String nonce = "f".repeat(64);
        forged.add(new BallotSet.Line(BallotSet.tracker(7, "online", new int[] { 2 }, nonce), "online", new int[] { 2 }, nonce));
        forged.sort((x, y) -> x.tracker().compareTo(y.tracker()));
        assertNotEquals(sealed, BallotSet.digest(forged.stream().map(BallotSet.Line::tracker).toList()));
        assertTrue(BallotSet.check(7, forged, sealed).get(0).contains("not the " + sealed + " published at close"));

        // Removed.
        assertTrue(BallotSet.check(7, lines.subList(0, 3), sealed).get(0).startsWith("the 3 ballots have digest"));
    }
}
