package org.mutualvote.surplus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ballot file format and the SurplusRecount command. */
class SurplusRecountTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static final String T1 = "a".repeat(64);
    private static final String T2 = "b".repeat(64);
    private static final String T3 = "c".repeat(64);

    private int run(String text) throws Exception {
        Path f = dir.resolve("s.txt");
        Files.writeString(f, text);
        return SurplusRecount.run(new String[] { f.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aWrittenFileReadsBackAndRecountsToTheSameReport() throws Exception {
        SurplusCount.Input input = new SurplusCount.Input("Surplus, \"2026\"", 100_000, "split", "independent-markets",
                List.of("Reinvestment", "Staff dividend", "Community fund"), List.of(PotKind.RESERVE, PotKind.MEMBER_DIVIDEND, PotKind.OTHER),
                new Limits(20, 40, 50, true), List.of(), List.of(T1, T2, T3),
                List.of(new int[] { 70, 30, 0 }, new int[] { 50, 0, 50 }, new int[] { 20, 40, 40 }));
        String file = SurplusFile.write(input);
        SurplusCount.Input back = SurplusFile.read(new StringReader(file));
        assertEquals(input.potNames(), back.potNames());
        assertEquals(input.limits(), back.limits());
        assertEquals(0, run(file));
        String published = SurplusCount.count(input).json();
        assertEquals(published + "\n", out.toString(StandardCharsets.UTF_8));
        // t* = 7/40: (35%, 30%, 35%) of 100,000p.
        assertTrue(published.contains("\"t\":\"7/40\""), published);
        assertTrue(published.contains("\"pence\":35000}"), published);
    }

    @Test
    void aMalformedFileIsOneLineNamingTheLineAndExitCode2() throws Exception {
        assertEquals(2, run("mutualvote-surplus 1\nsurplus-pence 100\nform split\nrule mean\npot reserve R\npot bogus X\n"));
        assertEquals("line 6: a pot is 'pot KIND NAME' with KIND one of reserve, member_dividend, investor_dividend, other",
                err.toString(StandardCharsets.UTF_8).strip().replaceFirst("^SurplusRecount: \\S+: ", ""));
    }

    @Test
    void aFileWithoutBallotsSaysThereIsNothingToCount() throws Exception {
        assertEquals(2, run("mutualvote-surplus 1\nsurplus-pence 100\nform split\nrule mean\npot reserve R\npot other O\n"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no ballots were cast"));
    }
}
