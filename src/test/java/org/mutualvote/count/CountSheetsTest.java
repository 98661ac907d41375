package org.mutualvote.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Saved count sheets, as droop keeps test/ref: every rule on every one of our own cases
 * (src/test/resources/count/cases), as text and as JSON, compared byte for byte with the files in
 * src/test/resources/count/sheets. Any change to what a count prints shows up here as a diff to review.
 * After a deliberate change, rewrite the sheets with {@code -Dmutualvote.sheets.update=true} and read the diff.
 */
class CountSheetsTest {

    private static final Path CASES = Path.of("src/test/resources/count/cases");
    private static final Path SHEETS = Path.of("src/test/resources/count/sheets");
    /** The seed every sheet is counted with: fixed, so the lots drawn are part of the sheet. */
    static final long SEED = 2026;

    @TestFactory
    Stream<DynamicTest> everyRuleOnEveryCase() throws IOException {
        boolean update = Boolean.getBoolean("mutualvote.sheets.update");
        List<Path> cases;
        try (Stream<Path> files = Files.list(CASES)) {
            cases = files.filter(p -> p.toString().endsWith(".blt")).sorted().toList();
        }
        assertTrue(cases.size() >= 8, "expected our own cases in " + CASES.toAbsolutePath());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path blt : cases) {
            String name = blt.getFileName().toString().replace(".blt", "");
            for (Rule rule : Rule.values()) {
                tests.add(DynamicTest.dynamicTest(name + "/" + rule.key(), () -> check(blt, name, rule, update)));
            }
        }
        return tests.stream();
    }

    private static void check(Path blt, String name, Rule rule, boolean update) throws Exception {
        Profile e;
        try (Reader in = Files.newBufferedReader(blt, StandardCharsets.UTF_8)) {
            e = Blt.read(in);
        }
        String text;
        String json;
        try {
            CountResult result = Counter.count(e, rule, SEED);
            text = result.toText();
            json = result.toJson() + "\n";
            // The one reader gives back the one writer's result: the published report means what the sheet says.
            CountResult read = CountResult.fromJson(result.toJson());
            assertEquals(result.toJson(), read.toJson(), "read back");
            assertEquals(text, read.toText(), "read back");
            assertEquals(result.electedNames(), read.electedNames());
        } catch (IllegalArgumentException refused) {
            // irv fills one seat only: the sheet records the refusal a recount would print.
            text = "refused: " + refused.getMessage() + "\n";
            json = text;
        }
        compare(SHEETS.resolve(name + "." + rule.key() + ".txt"), text, update);
        compare(SHEETS.resolve(name + "." + rule.key() + ".json"), json, update);
    }

    private static void compare(Path sheet, String actual, boolean update) throws IOException {
        if (update) {
            Files.createDirectories(sheet.getParent());
            Files.writeString(sheet, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(sheet), sheet + " is missing: run with -Dmutualvote.sheets.update=true and review it");
        assertEquals(Files.readString(sheet, StandardCharsets.UTF_8), actual, sheet.toString());
    }
}
