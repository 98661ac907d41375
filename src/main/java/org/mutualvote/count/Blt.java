package org.mutualvote.count;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The BLT ballot format: {@code candidates seats}, an optional line of negative numbers naming
 * withdrawn candidates, ballots as {@code weight pref pref ... 0}, a line {@code 0}, then each
 * candidate's name and the title in double quotes (a quote inside a name is written {@code \"}).
 * Blank lines and lines starting with {@code #} are skipped.
 */
public final class Blt {

    private Blt() {
    }

    public static Profile read(Reader source) throws BltFormatException {
        List<String> lines = new ArrayList<>();
        try {
            BufferedReader in = source instanceof BufferedReader b ? b : new BufferedReader(source, 1 << 16);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new BltFormatException(0, "the file could not be read: " + e.getMessage());
        }
        return new Parser(lines).parse();
    }

    private static final class Parser {
        private final List<String> lines;
        private int at;

        Parser(List<String> lines) {
            this.lines = lines;
        }

        /** The next line that holds something, trimmed; its number is {@code at}. */
        private String next(String expected) throws BltFormatException {
            while (at < lines.size()) {
                String line = lines.get(at++).strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    return line;
                }
            }
            throw new BltFormatException(0, "the file ends before " + expected);
        }

        Profile parse() throws BltFormatException {
            String[] header = next("the line 'candidates seats'").split("\\s+");
            if (header.length != 2) {
                throw new BltFormatException(at, "expected 'candidates seats', found '" + String.join(" ", header) + "'");
            }
            int n = number(header[0], "the number of candidates");
            int seats = number(header[1], "the number of seats");
            if (n < 1) {
                throw new BltFormatException(at, "an election needs at least one candidate");
            }
            if (seats < 1) {
                throw new BltFormatException(at, "an election needs at least one seat");
            }
            Set<Integer> withdrawn = new TreeSet<>();
            List<Ballot> ballots = new ArrayList<>();
            String line = next("the ballots");
            if (line.startsWith("-")) {
                for (String token : line.split("\\s+")) {
                    int w = number(token, "a withdrawn candidate");
                    if (w >= 0 || -w > n) {
                        throw new BltFormatException(at, "'" + token + "' is not a withdrawn candidate (-1 to -" + n + ")");
                    }
                    withdrawn.add(-w - 1);
                }
                line = next("the ballots");
            }
            while (!line.equals("0")) {
                ballots.add(ballot(line, n));
                line = next("the line 0 that ends the ballots");
            }
            List<String> names = new ArrayList<>();
            while (names.size() < n) {
                names.add(quoted(next("the name of candidate " + (names.size() + 1)), "the name of candidate " + (names.size() + 1)));
            }
            String title = "";
            while (at < lines.size()) {
                String rest = lines.get(at++).strip();
                if (!rest.isEmpty() && !rest.startsWith("#")) {
                    title = quoted(rest, "the title");
                    break;
                }
            }
            return new Profile(title, names, seats, withdrawn, ballots);
        }

        private Ballot ballot(String line, int n) throws BltFormatException {
            String text = line;
            if (text.startsWith("(")) {
                int close = text.indexOf(')');
                if (close < 0) {
                    throw new BltFormatException(at, "a ballot id in parentheses is not closed");
                }
                text = text.substring(close + 1).strip();
            }
            String[] tokens = text.split("\\s+");
            if (tokens.length < 2 || !tokens[tokens.length - 1].equals("0")) {
                throw new BltFormatException(at, "a ballot must be 'weight preferences... 0', found '" + line + "'");
            }
            long weight;
            try {
                weight = Long.parseLong(tokens[0]);
            } catch (NumberFormatException e) {
                throw new BltFormatException(at, "the weight '" + tokens[0] + "' is not a whole number");
            }
            if (weight < 0) {
                throw new BltFormatException(at, "the weight " + weight + " is negative");
            }
            int[] positions = new int[tokens.length - 2];
            boolean[] seen = new boolean[n + 1];
            for (int i = 1; i < tokens.length - 1; i++) {
                if (tokens[i].contains("=")) {
                    throw new BltFormatException(at, "equal preferences ('" + tokens[i] + "') are not supported");
                }
                int c = number(tokens[i], "a preference");
                if (c < 1 || c > n) {
                    throw new BltFormatException(at, "preference " + c + " is not a candidate (1 to " + n + ")");
                }
                if (seen[c]) {
                    throw new BltFormatException(at, "candidate " + c + " is ranked twice");
                }
                seen[c] = true;
                positions[i - 1] = c;
            }
            return Ballot.ofPositions(weight, positions);
        }

        private int number(String token, String what) throws BltFormatException {
            try {
                return Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw new BltFormatException(at, what + " should be a whole number, not '" + token + "'");
            }
        }

        private String quoted(String line, String what) throws BltFormatException {
            if (line.length() < 2 || line.charAt(0) != '"' || line.charAt(line.length() - 1) != '"') {
                throw new BltFormatException(at, what + " should be in double quotes, found '" + line + "'");
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < line.length() - 1; i++) {
                char ch = line.charAt(i);
                if (ch == '\\' && i + 1 < line.length() - 1) {
                    sb.append(line.charAt(++i));
                } else {
                    sb.append(ch);
                }
            }
            return sb.toString();
        }
    }

    public static void write(Profile e, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(e.candidates().size()).append(' ').append(e.seats()).append('\n');
        if (!e.withdrawn().isEmpty()) {
            List<String> w = new ArrayList<>();
            for (int c : new TreeSet<>(e.withdrawn())) {
                w.add("-" + (c + 1));
            }
            sb.append(String.join(" ", w)).append('\n');
        }
        for (Ballot b : e.ballots()) {
            sb.append(b.weight());
            for (int c : b.positions()) {
                sb.append(' ').append(c);
            }
            sb.append(" 0\n");
            if (sb.length() > 1 << 16) {
                out.write(sb.toString());
                sb.setLength(0);
            }
        }
        sb.append("0\n");
        for (String name : e.candidates()) {
            sb.append(quote(name)).append('\n');
        }
        sb.append(quote(e.title() == null ? "" : e.title())).append('\n');
        out.write(sb.toString());
        out.flush();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace('\n', ' ') + '"';
    }
}
