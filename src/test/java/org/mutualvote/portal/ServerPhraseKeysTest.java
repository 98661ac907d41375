package org.mutualvote.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every code the server gives a phrase, a field error or a motion's verdict has its words in every language's message
 * files, so no reader meets a code the portal cannot say. The codes are read from the source where they are written:
 * {@code Phrase.of("code", ...)}, {@code .coded("code")}, field errors' codes, constraints' own messages ({@code "{code}"}),
 * CSV faults, the timetable's order steps, the surplus limit repairs, a dividend's workings and the motion verdicts.
 */
class ServerPhraseKeysTest {

    static final Path JAVA = Path.of("src/main/java/org/mutualvote");
    /**
     * Codes whose words are the server's English on purpose: a repair step the portal does not know how to read, and
     * what the counter's BLT reader says about a line of a paper batch.
     */
    static final Set<String> SAID_IN_ENGLISH = Set.of("repair-step", "blt-malformed");

    static Set<String> codes(Pattern p) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                Matcher m = p.matcher(Files.readString(f));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }

    @Test
    void everyPhraseCodeHasWordsInEveryLanguage() throws IOException {
        Set<String> codes = codes(Pattern.compile("Phrase\\.of\\(\\s*\"([a-z0-9-]+)\""));
        // Codes put together in the source: the timetable's steps, a ternary's two codes, the repairs' targets.
        codes.addAll(codes(Pattern.compile("\\? \"(timetable-[a-z-]+)\" : \"timetable-[a-z-]+\"")));
        codes.addAll(codes(Pattern.compile("\\? \"timetable-[a-z-]+\" : \"(timetable-[a-z-]+)\"")));
        for (String step : codes(Pattern.compile("order\\(errors, \"\\w+\", [^;]*?\"([a-z-]+)\"\\);"))) {
            codes.add("timetable-before-" + step);
        }
        codes.addAll(codes(Pattern.compile("\"(repair-[a-z-]+)\"")));
        for (String target : Set.copyOf(codes)) {
            if (target.equals("repair-member-dividends") || target.equals("repair-investor-dividends") || target.equals("repair-dividends-scaled")) {
                codes.remove(target);
                codes.add(target + "-to-reserves");
                codes.add(target + "-to-others");
            }
        }
        codes.removeIf(c -> c.endsWith("-"));
        // A problem's own code, a field error's, a constraint's own message, a CSV fault.
        codes.addAll(codes(Pattern.compile("\\.coded\\(\\s*\"([a-z0-9-]+)\"")));
        codes.addAll(codes(Pattern.compile("new (?:Problem\\.)?FieldError\\((?:[^()]|\\([^()]*\\))*?, \"([a-z0-9-]+)\"\\)")));
        codes.addAll(codes(Pattern.compile("message = \"\\{([a-z0-9-]+)\\}\"")));
        codes.addAll(codes(Pattern.compile("new MalformedCsv\\(\\w+, \"([a-z0-9-]+)\"")));
        Set<String> workings = new TreeSet<>(codes.stream().filter(c -> c.startsWith("dividend-workings-")).toList());
        codes.removeAll(workings);
        Set<String> ruleParts = new TreeSet<>(codes.stream().filter(c -> c.startsWith("rule-")).toList());
        codes.removeAll(ruleParts);
        assertTrue(codes.containsAll(Set.of("too-young", "timetable-too-late", "timetable-weekend", "timetable-bank-holiday",
                "timetable-before-close-of-poll", "repair-reserve-topped-up", "repair-dividends-scaled-to-others",
                "dividend-no-member-eligible", "member-not-eligible", "timetable-locked", "count-needs-closed", "ballots-not-sealed",
                "already-voted", "proxy-kind", "tracker-format", "csv-quote-not-closed", "column-unknown", "figure-negative",
                "link-needs-confirming", "import-rows-rejected", "discretionary-no-directions")), codes.toString());
        assertEquals(Set.of("dividend-workings-pot", "dividend-workings-yours", "dividend-workings-rounded"), workings);
        assertEquals(Set.of("rule-quorum", "rule-consent", "rule-weights"), ruleParts);
        codes.removeAll(SAID_IN_ENGLISH);
        for (String lang : Set.of("en", "cy")) {
            Map<String, String> words = PortalFilesTest.messages(lang);
            Set<String> missing = new TreeSet<>();
            for (String code : codes) {
                // A field's own words count too ("problem.field.holderMembershipNumber.self").
                if (!words.containsKey("problem.field." + code) && !words.containsKey("problem." + code)
                        && words.keySet().stream().noneMatch(k -> k.startsWith("problem.field.") && k.endsWith("." + code))) {
                    missing.add(code);
                }
            }
            assertEquals(Set.of(), missing, lang + " has no words for these codes");
            for (String step : workings) {
                assertTrue(words.containsKey("surplus.workings." + step), lang + " surplus.workings." + step);
            }
            for (String part : ruleParts) {
                String key = "motions.rule." + part;
                assertTrue(words.keySet().stream().anyMatch(k -> k.equals(key) || k.startsWith(key + ".")), lang + " " + key);
            }
        }
    }

    /**
     * Every refusal a person can meet, other than "not found" and "forbidden" (whose status says it all), is thrown with
     * a code of its own: {@code .coded(...)} or a {@code Phrase}. Otherwise the portal shows the server's English under
     * a heading that only names the status.
     */
    @Test
    void everyRefusalIsThrownWithACode() throws IOException {
        Pattern thrown = Pattern.compile("throw ProblemException\\.(\\w+)\\(");
        Set<String> uncoded = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f);
                Matcher m = thrown.matcher(source);
                while (m.find()) {
                    String statement = source.substring(m.start(), statementEnd(source, m.end()));
                    if (!Set.of("notFound", "forbidden").contains(m.group(1)) && !statement.contains(".coded(")
                            && !statement.contains(".said(") && !statement.contains("Phrase")) {
                        uncoded.add(JAVA.relativize(f) + ":" + (source.substring(0, m.start()).split("\n", -1).length));
                    }
                }
            }
        }
        assertEquals(Set.of(), uncoded, "refusals thrown without a code");
    }

    /** Where the Java statement that starts before {@code from} ends: its semicolon outside string literals. */
    private static int statementEnd(String source, int from) {
        boolean quoted = false;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                return i;
            }
        }
        return source.length();
    }

    @Test
    void everyMotionVerdictHasWordsInEveryLanguage() throws IOException {
        Set<String> verdicts = codes(Pattern.compile("code = \"((?:carried|lost)[a-z-]*)\""));
        assertEquals(Set.of("carried", "lost", "lost-quorum", "lost-no-votes", "lost-tie", "lost-in-class"), verdicts);
        for (String lang : Set.of("en", "cy")) {
            Map<String, String> words = PortalFilesTest.messages(lang);
            for (String v : verdicts) {
                assertTrue(words.containsKey("motions.verdict." + v), lang + " motions.verdict." + v);
            }
            for (String weighted : Set.of("carried", "lost", "lost-tie", "lost-in-class")) {
                assertTrue(words.containsKey("motions.verdict." + weighted + ".weighted"), lang + " motions.verdict." + weighted + ".weighted");
            }
        }
    }

    @Test
    void everyConstraintWithABoundHasWordsForIt() throws IOException {
        for (String lang : Set.of("en", "cy")) {
            Map<String, String> words = PortalFilesTest.messages(lang);
            for (String key : Set.of("size.max.characters.other", "size.min.characters.other", "size.between.characters",
                    "size.max.items.other", "size.min.items.other", "size.between.items", "min", "max", "decimal-min", "decimal-max")) {
                assertTrue(words.containsKey("problem.field." + key), lang + " problem.field." + key);
            }
        }
    }
}
