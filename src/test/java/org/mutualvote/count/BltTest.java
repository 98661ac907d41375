package org.mutualvote.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BltTest {

    private static final String SAMPLE = """
            4 2
            -4
            3 1 2 0
            2 3 0
            (b7) 1 2 1 3 0
            0
            "Ada Lovelace"
            "Ben \\"Benny\\" Ode"
            "Cy"
            "Dee"
            "Governors 2026"
            """;

    @Test
    void readsTheStandardFormat() throws Exception {
        Profile e = Blt.read(new StringReader(SAMPLE));
        assertEquals(2, e.seats());
        assertEquals(List.of("Ada Lovelace", "Ben \"Benny\" Ode", "Cy", "Dee"), e.candidates());
        assertEquals(Set.of(3), e.withdrawn());
        assertEquals(3, e.ballots().size());
        assertEquals(3, e.ballots().get(0).weight());
        assertEquals(List.of(1, 0, 2), java.util.Arrays.stream(e.ballots().get(2).ranking()).boxed().toList());
        assertEquals("Governors 2026", e.title());
    }

    @Test
    void writingAndReadingBackGivesTheSameElection() throws Exception {
        Profile e = Blt.read(new StringReader(SAMPLE));
        StringWriter out = new StringWriter();
        Blt.write(e, out);
        Profile again = Blt.read(new StringReader(out.toString()));
        assertEquals(e.candidates(), again.candidates());
        assertEquals(e.withdrawn(), again.withdrawn());
        assertEquals(e.title(), again.title());
        assertEquals(Counter.count(e, Rule.SCOTLAND, 7).toJson(), Counter.count(again, Rule.SCOTLAND, 7).toJson());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "3|1|expected 'candidates seats'",
            "2 x|1|number of seats should be a whole number",
            "2 0|1|at least one seat",
            "2 1\\n-3\\n0|2|is not a withdrawn candidate",
            "2 1\\n1 1 2|2|weight preferences... 0",
            "2 1\\nmany 1 0|2|weight 'many' is not a whole number",
            "2 1\\n-1 1 0|2|is not a withdrawn candidate",
            "2 1\\n1 3 0|2|preference 3 is not a candidate",
            "2 1\\n1 1 1 0|2|ranked twice",
            "2 1\\n1 1=2 0|2|equal preferences",
            "2 1\\n1 1 0\\n0\\nAda|4|should be in double quotes",
            "2 1\\n1 1 0\\n0\\n\"A\"|0|ends before the name of candidate 2",
            "2 1\\n1 1 0|0|ends before the line 0",
            "|0|ends before the line 'candidates seats'"})
    void malformedFilesNameTheLineAndTheProblem(String text, int line, String problem) {
        BltFormatException e = assertThrows(BltFormatException.class,
                () -> Blt.read(new StringReader(text == null ? "" : text.replace("\\n", "\n"))));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    /** The rankings as 1-based candidate numbers with their weights, as a BLT line would write them. */
    private static List<String> ballotLines(Profile e) {
        return e.ballots().stream().map(b -> b.weight() + " " + java.util.Arrays.toString(b.positions())).toList();
    }

    @Test
    void everyLineEndingAndBlankGivesTheSameBallots() throws Exception {
        // Plain ballot lines are parsed from the bytes; these variations must read exactly as the text parser reads them.
        String unix = "3 1\n2 1 3 0\n1 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n";
        Profile expected = Blt.read(new StringReader(unix));
        assertEquals(List.of("2 [1, 3]", "1 [2]"), ballotLines(expected));
        for (String variant : List.of(
                unix.replace("\n", "\r\n"),
                unix.replace("\n", "\r"),
                unix.replace("2 1 3 0", "2\t1  3\t0  "),
                unix.replace("2 1 3 0", "  2 01 3 0"),
                unix.replace("2 1 3 0", "(id-1) 2 1 3 0"),
                unix.replace("2 1 3 0", "\u2003 2 1 3 0 \u2003"),
                unix.replace("1 2 0\n", "# a comment\n\n1 2 0\n"))) {
            assertEquals(ballotLines(expected), ballotLines(Blt.read(new StringReader(variant))), variant);
        }
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "2 1\\n1 1 00|2|weight preferences... 0",
            "2 1\\n1 0 1 0|2|preference 0 is not a candidate",
            "2 1\\n1 1 9999999999 0|2|should be a whole number",
            "2 1\\n99999999999999999999 1 0|2|weight '99999999999999999999' is not a whole number",
            "2 1\\n\\n# note\\n1 2 2 0|4|ranked twice",
            "2 1\\n1 1 0\\n1 x 0|3|should be a whole number, not 'x'"})
    void reportsBadBallotLinesByTheirLineNumber(String text, int line, String problem) {
        BltFormatException e = assertThrows(BltFormatException.class, () -> Blt.read(new StringReader(text.replace("\\n", "\n"))));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void aFileReadsAsItsTextDoes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("sample.blt");
        java.nio.file.Files.writeString(file, SAMPLE);
        Profile fromFile = Blt.read(file);
        Profile fromText = Blt.read(new StringReader(SAMPLE));
        assertEquals(ballotLines(fromText), ballotLines(fromFile));
        assertEquals(fromText.candidates(), fromFile.candidates());
        assertEquals(fromText.title(), fromFile.title());
    }

    @Test
    void aFileReadInChunksReadsAsItsTextDoesWhereverALineEndFalls(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // The file is read a megabyte at a time; with \r\n endings and a comment of 0 to 11 characters first, a line
        // ending falls on each side of every chunk boundary, \r and \n split across it included.
        StringBuilder ballots = new StringBuilder();
        for (int i = 0; i < 250_000; i++) {
            ballots.append(1 + i % 3).append(' ').append(1 + i % 3).append(' ').append(1 + (i + 1) % 3).append(" 0\r\n");
        }
        String rest = ballots + "0\r\n\"A\"\r\n\"B\"\r\n\"C\"\r\n\"Long\"\r\n";
        for (int pad = 0; pad < 12; pad++) {
            String text = "3 1\r\n#" + "x".repeat(pad) + "\r\n" + rest;
            java.nio.file.Path file = dir.resolve("big" + pad + ".blt");
            java.nio.file.Files.writeString(file, text);
            Profile fromFile = Blt.read(file);
            assertEquals(250_000, fromFile.ballots().size());
            assertEquals(ballotLines(Blt.read(new StringReader(text))), ballotLines(fromFile), "pad " + pad);
            assertEquals("Long", fromFile.title());
        }
    }
}
