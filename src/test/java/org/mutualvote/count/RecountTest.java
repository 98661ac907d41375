package org.mutualvote.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecountTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Recount.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path file(String text) throws Exception {
        Path f = dir.resolve("e.blt");
        Files.writeString(f, text);
        return f;
    }

    private static final String ELECTION = "3 2\n6 1 2 0\n2 1 3 0\n4 3 0\n3 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"Worked example\"\n";

    @Test
    void jsonHasRuleSeatsSeedElectedAndStages() throws Exception {
        assertEquals(0, run("--rule", "scotland", "--seed", "42", "--format", "json", file(ELECTION).toString()));
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{\"rule\":\"scotland\",\"seats\":2,\"seed\":42,"), json);
        assertTrue(json.contains("\"elected\":[\"A\",\"C\"]"), json);
        assertTrue(json.contains("\"stages\":[{\"stage\":1,\"action\":\"First preferences\""), json);
    }

    @Test
    void textIsACountSheet() throws Exception {
        assertEquals(0, run("--rule", "scotland", file(ELECTION).toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Quota: 6.00000"), text);
        assertTrue(text.contains("Stage 2: Surplus of A (2.00000) transferred"), text);
        assertTrue(text.contains("Elected in order: A, C"), text);
    }

    /**
     * The same example by ni85: quota floor(15 / 3) + 1 = 6; A's surplus of 2.00 goes on from all 8 papers at 0.25,
     * B and C then tie at 4.50; B had fewer at the first stage (3 against 4), so B is excluded and C takes the seat.
     */
    @Test
    void ni85IsARule() throws Exception {
        assertEquals(0, run("--rule", "ni85", file(ELECTION).toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Rule: ni85   Seats: 2   Quota: 6.00"), text);
        assertTrue(text.contains("8 transferable papers at 0.25"), text);
        assertTrue(text.contains("Elected in order: A, C"), text);
    }

    @Test
    void seatsCanBeOverridden() throws Exception {
        assertEquals(0, run("--rule", "scotland", "--seats", "1", "--format", "json", file(ELECTION).toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"seats\":1"));
    }

    @Test
    void badArgumentsAreOneLineAndExitCodeTwo() throws Exception {
        Path f = file(ELECTION);
        assertEquals(2, run("--rule", "borda", f.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Recount: unknown rule 'borda'"));
        err.reset();
        assertEquals(2, run(f.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--rule is required"));
        err.reset();
        assertEquals(2, run("--rule", "irv", "--seed", "x", f.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--seed must be a whole number"));
        err.reset();
        assertEquals(2, run("--rule", "irv", dir.resolve("missing.blt").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such file"));
        err.reset();
        assertEquals(2, run("--rule", "irv", file("2 1\n1 5 0\n0\n").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 2: preference 5 is not a candidate"), err.toString());
        assertTrue(!err.toString(StandardCharsets.UTF_8).contains("\tat "), "no stack trace");
    }

    @Test
    void aMalformedFileIsNamedWhereverItStandsAmongTheOptions() throws Exception {
        Path f = file("2 1\n1 5 0\n0\n");
        assertEquals(2, run(f.toString(), "--rule", "irv"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("Recount: " + f + ": line 2: preference 5 is not a candidate"), message);
    }

    @Test
    void irvOnAMultiSeatFileIsAClearError() throws Exception {
        assertEquals(2, run("--rule", "irv", file(ELECTION).toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("irv fills one seat"));
    }
}
