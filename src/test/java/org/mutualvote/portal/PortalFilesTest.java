package org.mutualvote.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The portal's source rules that no browser run can see all of: no innerHTML anywhere, every language has
 * every message of English (and no stale ones), with the same {placeholders}, and every message the code
 * names exists.
 */
class PortalFilesTest {

    static final Path FRONTEND = Path.of("frontend");
    static final Pattern KEY = Pattern.compile("\\bt\\(\"([a-zA-Z0-9_.]+)\"");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

    static List<Path> scripts() throws IOException {
        try (Stream<Path> s = Files.list(FRONTEND)) {
            return s.filter(p -> p.toString().endsWith(".js")).sorted().toList();
        }
    }

    static Map<String, String> messages(String lang) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> s = Files.list(FRONTEND.resolve("i18n"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("([a-z-]+\\.)?" + lang + "\\.json")).toList()) {
                Map<String, String> one = new ObjectMapper().readValue(p.toFile(), new TypeReference<Map<String, String>>() {
                });
                for (String k : one.keySet()) {
                    assertFalse(all.containsKey(k), k + " is defined twice in " + lang);
                }
                all.putAll(one);
            }
        }
        return all;
    }

    @Test
    void theDomIsBuiltFromTextNeverFromHtmlStrings() throws IOException {
        for (Path p : scripts()) {
            String js = Files.readString(p);
            assertFalse(js.contains("innerHTML") || js.contains("outerHTML") || js.contains("insertAdjacentHTML"), p + " writes HTML");
            assertFalse(js.contains("document.write"), p + " uses document.write");
        }
    }

    /** A syntax error in one module stops the whole portal; Node.js (when installed) reads each one as the browser would. */
    @Test
    void everyModuleParses() throws IOException, InterruptedException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/node")), "Node.js is not installed");
        for (Path p : scripts()) {
            Process node = new ProcessBuilder("/usr/bin/node", "--experimental-default-type=module", "--check", p.toString())
                    .redirectErrorStream(true).start();
            String said = new String(node.getInputStream().readAllBytes());
            assertEquals(0, node.waitFor(), p + ": " + said);
        }
    }

    @Test
    void everyLanguageHasEveryMessageWithTheSamePlaceholders() throws IOException {
        Set<String> languages = new ObjectMapper().readValue(FRONTEND.resolve("i18n/languages.json").toFile(),
                new TypeReference<Map<String, String>>() {
                }).keySet();
        assertTrue(languages.containsAll(List.of("en", "cy")), languages.toString());
        Map<String, String> en = messages("en");
        for (String lang : languages) {
            Map<String, String> other = messages(lang);
            Set<String> missing = new TreeSet<>(en.keySet());
            missing.removeAll(other.keySet());
            missing.removeIf(k -> k.endsWith(".two") || k.endsWith(".few") || k.endsWith(".many") || k.endsWith(".zero"));
            Set<String> extra = new TreeSet<>(other.keySet());
            extra.removeAll(en.keySet());
            extra.removeIf(k -> k.matches(".*\\.(zero|two|few|many)$"));
            assertEquals(Set.of(), missing, lang + " lacks these messages");
            assertEquals(Set.of(), extra, lang + " has messages English does not");
            for (var e : en.entrySet()) {
                assertEquals(placeholders(e.getValue()), placeholders(other.get(e.getKey())), lang + " " + e.getKey());
            }
        }
    }

    /** Values that are rightly the same in every language: an abbreviation, and a word Welsh borrows as it is. */
    static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("footer.api", "constituency.kind.staff", "papers.documents.pdf");

    /**
     * Each message file of a language has exactly the keys of its English file (Welsh may add the plural forms
     * English lacks), and says each in that language: a value left as the English one is a string not yet
     * translated, unless it has no words (placeholders, numbers, signs) or is one of {@link #SAME_IN_EVERY_LANGUAGE}.
     */
    @Test
    void everyFileOfEveryLanguageIsTranslatedKeyForKey() throws IOException {
        Set<String> languages = new ObjectMapper().readValue(FRONTEND.resolve("i18n/languages.json").toFile(),
                new TypeReference<Map<String, String>>() {
                }).keySet();
        List<Path> english;
        try (Stream<Path> s = Files.list(FRONTEND.resolve("i18n"))) {
            english = s.filter(p -> p.getFileName().toString().matches("([a-z-]+\\.)?en\\.json")).sorted().toList();
        }
        assertTrue(english.size() >= 5, english.toString());
        for (String lang : languages) {
            if (lang.equals("en")) {
                continue;
            }
            for (Path en : english) {
                Path other = en.resolveSibling(en.getFileName().toString().replaceAll("en\\.json$", lang + ".json"));
                assertTrue(Files.exists(other), other + " is missing");
                Map<String, String> theirs = read(en);
                Map<String, String> ours = read(other);
                Set<String> missing = new TreeSet<>(theirs.keySet());
                missing.removeAll(ours.keySet());
                missing.removeIf(k -> k.matches(".*\\.(zero|two|few|many)$"));
                Set<String> extra = new TreeSet<>(ours.keySet());
                extra.removeAll(theirs.keySet());
                extra.removeIf(k -> k.matches(".*\\.(zero|two|few|many)$"));
                assertEquals(Set.of(), missing, other + " lacks these keys of " + en.getFileName());
                assertEquals(Set.of(), extra, other + " has keys " + en.getFileName() + " does not");
                Set<String> untranslated = new TreeSet<>();
                for (var e : theirs.entrySet()) {
                    boolean words = e.getValue().replaceAll("\\{\\w+\\}", "").matches("(?s).*\\p{L}.*");
                    if (words && e.getValue().equals(ours.get(e.getKey())) && !SAME_IN_EVERY_LANGUAGE.contains(e.getKey())) {
                        untranslated.add(e.getKey());
                    }
                }
                assertEquals(Set.of(), untranslated, other + " still says these in English");
            }
        }
    }

    private static Map<String, String> read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, String>>() {
        });
    }

    @Test
    void everyMessageTheCodeNamesExists() throws IOException {
        Map<String, String> en = messages("en");
        for (Path p : scripts()) {
            Matcher m = KEY.matcher(Files.readString(p));
            while (m.find()) {
                String key = m.group(1);
                assertTrue(en.containsKey(key) || en.containsKey(key + ".other"), p + " names a message that does not exist: " + key);
            }
        }
    }

    @Test
    void everyFeatureListedHasItsModuleAndItsWords() throws IOException {
        String features = Files.readString(FRONTEND.resolve("features.js"));
        Matcher m = Pattern.compile("\"([a-z-]+)\",").matcher(features);
        int n = 0;
        while (m.find()) {
            n++;
            assertTrue(Files.exists(FRONTEND.resolve(m.group(1) + ".js")), m.group(1) + ".js");
            assertTrue(Files.exists(FRONTEND.resolve("i18n/" + m.group(1) + ".en.json")), m.group(1) + ".en.json");
        }
        assertTrue(n >= 5, features);
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
