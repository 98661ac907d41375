package org.mutualvote.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mutualvote.motion.Resolution.ClassWeight;
import org.mutualvote.motion.Resolution.Denominator;
import org.mutualvote.motion.Resolution.Quorum;
import org.mutualvote.motion.Resolution.Rule;
import org.mutualvote.motion.Resolution.Threshold;

/** The poll file the bulletin board publishes: written, read back and counted alike; bad files named by line. */
class PollFileTest {

    static final String FILE = """
            mutualvote-motions 1
            poll 42 AGM 2026
            class 1 4 Public
            class 2 2 Staff
            motion 1 Adopt the accounts
            motion 2 Amend rule 12
            rule 1 threshold=more-than:1/2 denominator=for-against quorum=2+1/2
            rule 2 threshold=at-least:3/4 denominator=for-against consent=2 shares=1:1/4,2:3/4
            ballot aa 1,1,1
            ballot bb 1,1,1
            ballot cc 1,2,1
            ballot dd 2,1,2
            ballot ee 2,3,1
            """;

    @Test
    void readsCountsAndWritesTheSameFile() throws Exception {
        PollFile.Poll poll = PollFile.read(new StringReader(FILE));
        assertEquals(List.of("Public", "Staff"), poll.classes());
        assertEquals(new Rule(Threshold.SPECIAL, Denominator.FOR_AGAINST, null, List.of("Staff"),
                List.of(new ClassWeight("Public", 1, 4, false), new ClassWeight("Staff", 3, 4, false))), poll.motions().get(1).rule());
        assertEquals(new Quorum(2L, 1L, 2L), poll.motions().get(0).rule().quorum());
        StringWriter out = new StringWriter();
        PollFile.write(poll, out);
        assertEquals(FILE, out.toString());

        var outcomes = PollFile.count(poll);
        // Motion 1: 3 for, 1 against, 1 withheld; quorum max(2, 6/2 = 3) = 3 of 5 ballots; 3/4 = 75% > 50%.
        assertEquals("carried: 75.0% for, more than 50% needed", outcomes.get(0).reason());
        // Motion 2: Public 3 for of 3, Staff 1 for 1 against; weighted 1/4 * 1 + 3/4 * 1/2 = 0.625: short of 75%.
        assertEquals("lost: 62.5% weighted for, at least 75% needed", outcomes.get(1).reason());
    }

    @Test
    void aBadFileIsNamedByLineAndTheRecountExitsWithTwo() throws Exception {
        String bad = FILE.replace("ballot cc 1,2,1", "ballot cc 1,2,7");
        PollFile.FormatException e = assertThrows(PollFile.FormatException.class, () -> PollFile.read(new StringReader(bad)));
        assertEquals("line 11: answer 7 is not 1 (for), 2 (against) or 3 (withheld)", e.getMessage());
        assertThrows(PollFile.FormatException.class, () -> PollFile.read(new StringReader(FILE.replace("class 2 2", "class 3 2"))));

        Path file = Files.createTempFile("poll", ".txt");
        Files.writeString(file, bad);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, MotionRecount.run(new String[] { file.toString() }, System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 11"), err.toString(StandardCharsets.UTF_8));

        Files.writeString(file, FILE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, MotionRecount.run(new String[] { file.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        assertEquals("""
                AGM 2026 (5 ballots)
                Motion 1: Adopt the accounts
                  rule: more than 50% of votes for and against; quorum 2 members or 50% of the roll, whichever is more, counting ballots cast by proxy
                  for 3, against 1, withheld 1; 5 of 6 on the roll took part
                  carried: 75.0% for, more than 50% needed
                Motion 2: Amend rule 12
                  rule: at least 75% of votes for and against; also at least 75% in each of Staff; weighted: Public 25%, Staff 75%
                  for 4, against 1, withheld 0; 5 of 6 on the roll took part
                  weighted: 62.5% for, 37.5% against
                  lost: 62.5% weighted for, at least 75% needed
                """, out.toString(StandardCharsets.UTF_8));
    }
}
