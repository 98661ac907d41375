package org.mutualvote.motion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mutualvote.motion.Resolution.ClassWeight;
import org.mutualvote.motion.Resolution.Count;
import org.mutualvote.motion.Resolution.Denominator;
import org.mutualvote.motion.Resolution.Outcome;
import org.mutualvote.motion.Resolution.Quorum;
import org.mutualvote.motion.Resolution.Rule;
import org.mutualvote.motion.Resolution.Threshold;

/**
 * A closed poll of motions as a text file: what the bulletin board publishes and {@link MotionRecount}
 * counts. Pure JDK. One record per line, fields separated by single spaces, free text last:
 *
 * <pre>
 * mutualvote-motions 1
 * poll CONTEST-ID TITLE
 * class CODE ROLL NAME                 one per constituency the poll was put to; CODE 1, 2, ...
 * motion N TITLE                       N = 1, 2, ...: the motion's place on the ballot
 * rule N threshold=at-least:3/4 denominator=for-against [quorum=MEMBERS+NUM/DEN] [consent=CODE,CODE]
 *        [shares=CODE:NUM/DEN,...] [caps=CODE:NUM/DEN,...]        (all on one line)
 * ballot TRACKER CLASS,A1,A2,...       one per ballot, in tracker order
 * </pre>
 *
 * A ballot's row is the voter's class code (the constituency they were in when the roll froze)
 * followed by one answer per motion in order: 1 for, 2 against, 3 withheld (abstain). Thresholds are
 * written {@code more-than:N/D} or {@code at-least:N/D}; denominators {@code for-against},
 * {@code valid-ballots} or {@code roll}.
 */
public final class PollFile {

    public static final String HEADER = "mutualvote-motions 1";
    public static final int FOR = 1;
    public static final int AGAINST = 2;
    public static final int WITHHELD = 3;

    private PollFile() {
    }

    public record MotionSpec(String title, Rule rule) {
    }

    public record Ballot(String tracker, int[] row) {
    }

    /** {@code classes} and {@code rolls} in class-code order (code = index + 1). */
    public record Poll(long contestId, String title, List<String> classes, List<Long> rolls, List<MotionSpec> motions,
            List<Ballot> ballots) {
    }

    public static final class FormatException extends RuntimeException {
        FormatException(int line, String message) {
            super((line > 0 ? "line " + line + ": " : "") + message, null, false, false);
        }
    }

    /** Decides every motion of the poll from its ballots. */
    public static List<Outcome> count(Poll p) {
        int n = p.motions().size();
        long[][][] tally = new long[n][p.classes().size()][4];
        for (Ballot b : p.ballots()) {
            checkRow(b.row(), p.classes().size(), n, 0);
            for (int m = 0; m < n; m++) {
                tally[m][b.row()[0] - 1][b.row()[m + 1]]++;
            }
        }
        List<Outcome> out = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            List<Count> counts = new ArrayList<>();
            for (int k = 0; k < p.classes().size(); k++) {
                long[] t = tally[m][k];
                counts.add(new Count(p.classes().get(k), p.rolls().get(k), t[FOR], t[AGAINST], t[WITHHELD]));
            }
            out.add(Resolution.decide(p.motions().get(m).rule(), counts));
        }
        return out;
    }

    static void checkRow(int[] row, int classes, int motions, int line) {
        if (row.length != motions + 1) {
            throw new FormatException(line, "a ballot holds a class and " + motions + " answers, not " + (row.length - 1));
        }
        if (row[0] < 1 || row[0] > classes) {
            throw new FormatException(line, "class " + row[0] + " is not one of 1.." + classes);
        }
        for (int i = 1; i < row.length; i++) {
            if (row[i] < FOR || row[i] > WITHHELD) {
                throw new FormatException(line, "answer " + row[i] + " is not 1 (for), 2 (against) or 3 (withheld)");
            }
        }
    }

    public static void write(Poll p, Writer out) {
        try {
            out.write(HEADER + "\n");
            out.write("poll " + p.contestId() + " " + oneLine(p.title()) + "\n");
            for (int k = 0; k < p.classes().size(); k++) {
                out.write("class " + (k + 1) + " " + p.rolls().get(k) + " " + oneLine(p.classes().get(k)) + "\n");
            }
            for (int m = 0; m < p.motions().size(); m++) {
                out.write("motion " + (m + 1) + " " + oneLine(p.motions().get(m).title()) + "\n");
            }
            for (int m = 0; m < p.motions().size(); m++) {
                out.write("rule " + (m + 1) + " " + ruleFields(p.motions().get(m).rule(), p.classes()) + "\n");
            }
            for (Ballot b : p.ballots()) {
                StringBuilder sb = new StringBuilder("ballot ").append(b.tracker()).append(' ');
                for (int i = 0; i < b.row().length; i++) {
                    sb.append(i == 0 ? "" : ",").append(b.row()[i]);
                }
                out.write(sb.append('\n').toString());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String ruleFields(Rule r, List<String> classes) {
        Threshold t = r.threshold();
        StringBuilder sb = new StringBuilder("threshold=").append(t.atLeast() ? "at-least:" : "more-than:")
                .append(t.numerator()).append('/').append(t.denominator())
                .append(" denominator=").append(denominatorKey(r.denominator()));
        Quorum q = r.quorum();
        if (q != null) {
            sb.append(" quorum=").append(q.members() == null ? 0 : q.members()).append('+')
                    .append(q.shareNumerator() == null ? 0 : q.shareNumerator()).append('/')
                    .append(q.shareDenominator() == null ? 1 : q.shareDenominator());
        }
        if (!r.consent().isEmpty()) {
            sb.append(" consent=").append(String.join(",", r.consent().stream().map(c -> Integer.toString(classes.indexOf(c) + 1)).toList()));
        }
        if (!r.weights().isEmpty()) {
            sb.append(r.weights().get(0).cap() ? " caps=" : " shares=").append(String.join(",", r.weights().stream()
                    .map(w -> (classes.indexOf(w.constituency()) + 1) + ":" + w.numerator() + "/" + w.denominator()).toList()));
        }
        return sb.toString();
    }

    public static String denominatorKey(Denominator d) {
        return d.name().toLowerCase().replace('_', '-');
    }

    public static Denominator denominator(String key) {
        for (Denominator d : Denominator.values()) {
            if (denominatorKey(d).equals(key)) {
                return d;
            }
        }
        throw new IllegalArgumentException("denominator must be for-against, valid-ballots or roll, not '" + key + "'");
    }

    public static Poll read(Reader in) throws IOException {
        BufferedReader r = new BufferedReader(in);
        String first = r.readLine();
        if (!HEADER.equals(first)) {
            throw new FormatException(1, "the file must start with '" + HEADER + "'");
        }
        long contestId = 0;
        String title = "";
        List<String> classes = new ArrayList<>();
        List<Long> rolls = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        List<int[]> rows = new ArrayList<>();
        List<String> trackers = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        int line = 1;
        for (String s = r.readLine(); s != null; s = r.readLine()) {
            line++;
            if (s.isBlank()) {
                continue;
            }
            String[] f = s.split(" ", 3);
            try {
                switch (f[0]) {
                    case "poll" -> {
                        contestId = Long.parseLong(f[1]);
                        title = f.length > 2 ? f[2] : "";
                    }
                    case "class" -> {
                        expect(Integer.parseInt(f[1]), classes.size() + 1, line, "class");
                        String[] rest = f[2].split(" ", 2);
                        rolls.add(Long.parseLong(rest[0]));
                        classes.add(rest.length > 1 ? rest[1] : "");
                    }
                    case "motion" -> {
                        expect(Integer.parseInt(f[1]), titles.size() + 1, line, "motion");
                        titles.add(f.length > 2 ? f[2] : "");
                    }
                    case "rule" -> {
                        expect(Integer.parseInt(f[1]), rules.size() + 1, line, "rule");
                        rules.add(f.length > 2 ? f[2] : "");
                    }
                    case "ballot" -> {
                        trackers.add(f[1]);
                        rows.add(Arrays.stream(f[2].split(",")).mapToInt(Integer::parseInt).toArray());
                        rowLines.add(line);
                    }
                    default -> throw new FormatException(line, "unknown record '" + f[0] + "'");
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new FormatException(line, "malformed '" + f[0] + "' record");
            }
        }
        if (rules.size() != titles.size()) {
            throw new FormatException(0, titles.size() + " motions but " + rules.size() + " rules");
        }
        List<MotionSpec> motions = new ArrayList<>();
        for (int m = 0; m < titles.size(); m++) {
            try {
                motions.add(new MotionSpec(titles.get(m), parseRule(rules.get(m), classes)));
            } catch (IllegalArgumentException bad) {
                throw new FormatException(0, "rule " + (m + 1) + ": " + bad.getMessage());
            }
        }
        List<Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            checkRow(rows.get(i), classes.size(), motions.size(), rowLines.get(i));
            ballots.add(new Ballot(trackers.get(i), rows.get(i)));
        }
        return new Poll(contestId, title, classes, rolls, motions, ballots);
    }

    static Rule parseRule(String fields, List<String> classes) {
        Threshold threshold = null;
        Denominator denominator = null;
        Quorum quorum = null;
        List<String> consent = new ArrayList<>();
        List<ClassWeight> weights = new ArrayList<>();
        for (String field : fields.split(" ")) {
            String[] kv = field.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("'" + field + "' is not key=value");
            }
            switch (kv[0]) {
                case "threshold" -> {
                    String[] p = kv[1].split(":", 2);
                    long[] frac = fraction(p[1]);
                    if (!p[0].equals("at-least") && !p[0].equals("more-than")) {
                        throw new IllegalArgumentException("threshold is at-least:N/D or more-than:N/D");
                    }
                    threshold = new Threshold(frac[0], frac[1], p[0].equals("at-least"));
                }
                case "denominator" -> denominator = denominator(kv[1]);
                case "quorum" -> {
                    String[] p = kv[1].split("\\+", 2);
                    long[] share = fraction(p[1]);
                    quorum = new Quorum(Long.parseLong(p[0]), share[0], share[1]);
                }
                case "consent" -> {
                    for (String code : kv[1].split(",")) {
                        consent.add(className(classes, code));
                    }
                }
                case "shares", "caps" -> {
                    for (String part : kv[1].split(",")) {
                        String[] p = part.split(":", 2);
                        long[] frac = fraction(p[1]);
                        weights.add(new ClassWeight(className(classes, p[0]), frac[0], frac[1], kv[0].equals("caps")));
                    }
                }
                default -> throw new IllegalArgumentException("unknown field '" + kv[0] + "'");
            }
        }
        if (threshold == null || denominator == null) {
            throw new IllegalArgumentException("threshold and denominator are required");
        }
        return new Rule(threshold, denominator, quorum, consent, weights);
    }

    private static String className(List<String> classes, String code) {
        int k = Integer.parseInt(code);
        if (k < 1 || k > classes.size()) {
            throw new IllegalArgumentException("class " + k + " is not one of 1.." + classes.size());
        }
        return classes.get(k - 1);
    }

    private static long[] fraction(String s) {
        String[] p = s.split("/", 2);
        return new long[] { Long.parseLong(p[0]), Long.parseLong(p[1]) };
    }

    private static void expect(int got, int want, int line, String what) {
        if (got != want) {
            throw new FormatException(line, what + " " + got + " out of order; expected " + want);
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
