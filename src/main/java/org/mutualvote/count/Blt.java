package org.mutualvote.count;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
        StringBuilder text = new StringBuilder();
        try {
            char[] chunk = new char[1 << 16];
            for (int n = source.read(chunk); n >= 0; n = source.read(chunk)) {
                text.append(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new BltFormatException(0, "the file could not be read: " + e.getMessage());
        }
        return new Parser(text.toString().getBytes(StandardCharsets.UTF_8)).parse();
    }

    /**
     * Reads a BLT file in UTF-8, as fast as the disk gives it: the file is read a megabyte at a time and
     * ballot lines are parsed from the bytes, so a million ballots never sit in memory as text.
     */
    public static Profile read(Path file) throws IOException, BltFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Parser(in, Files.size(file)).parse();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Works on the file's UTF-8 bytes, read in chunks. A ballot line of digits and blanks, the usual kind, is
     * parsed where it lies, with no string made; any other line (a ballot id, a name, an error to report) is
     * decoded and parsed as text, so both ways give the same ballots and the same messages.
     */
    private static final class Parser {
        private final InputStream in;
        private byte[] bytes;
        /** Bytes in {@code bytes} that hold the file; the rest is room for the next chunk. */
        private int limit;
        private boolean atEndOfFile;
        private int pos;
        /** The number of the line last read, from 1. */
        private int at;
        private int lineStart;
        private int lineEnd;

        /** How many bytes the whole file has, when known: room for its ballots is made once. */
        private final long size;

        Parser(byte[] bytes) {
            this.in = null;
            this.size = bytes.length;
            this.bytes = bytes;
            this.limit = bytes.length;
            this.atEndOfFile = true;
        }

        Parser(InputStream in, long size) {
            this.in = in;
            this.size = size;
            this.bytes = new byte[1 << 20];
        }

        /** Keeps the unread bytes, moved to the front, and reads the next chunk after them. */
        private void readMore() {
            System.arraycopy(bytes, pos, bytes, 0, limit - pos);
            limit -= pos;
            pos = 0;
            if (limit == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            try {
                int n = in.read(bytes, limit, bytes.length - limit);
                if (n < 0) {
                    atEndOfFile = true;
                } else {
                    limit += n;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Where the line at {@code pos} ends (its \n or \r), reading on until it is whole; {@code limit} at the end of the file. */
        private int lineEnd() {
            int end = pos;
            while (true) {
                while (end < limit && bytes[end] != '\n' && bytes[end] != '\r') {
                    end++;
                }
                // A \r is whole once we know whether a \n follows it.
                if (atEndOfFile || end < limit - 1 || (end == limit - 1 && bytes[end] == '\n')) {
                    return end;
                }
                int offset = end - pos;
                readMore();
                end = pos + offset;
            }
        }

        /** Moves to the next line that holds something (not blank, not a # comment); false at the end. */
        private boolean nextContentLine() {
            while (true) {
                if (pos >= limit) {
                    if (atEndOfFile) {
                        return false;
                    }
                    readMore();
                    continue;
                }
                int start = pos;
                int end = lineEnd();
                start = pos;
                // A line ends at \n, \r or \r\n, as BufferedReader.readLine has it.
                pos = end < limit && bytes[end] == '\r' && end + 1 < limit && bytes[end + 1] == '\n' ? end + 2 : end + 1;
                at++;
                while (start < end && blank(bytes[start])) {
                    start++;
                }
                while (end > start && blank(bytes[end - 1])) {
                    end--;
                }
                if (start == end) {
                    continue;
                }
                lineStart = start;
                lineEnd = end;
                if (bytes[start] < 0 || bytes[end - 1] < 0) {
                    // Edged with something beyond ASCII, which may be Unicode white space: judge it as text.
                    String line = text();
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        return true;
                    }
                } else if (bytes[start] != '#') {
                    return true;
                }
            }
        }

        private static boolean blank(byte b) {
            return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B || (b >= 0x1C && b <= 0x1F);
        }

        /** The current line as text, stripped. */
        private String text() {
            return new String(bytes, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8).strip();
        }

        /** The next line that holds something, as text, stripped; its number is {@code at}. */
        private String next(String expected) throws BltFormatException {
            if (!nextContentLine()) {
                throw new BltFormatException(0, "the file ends before " + expected);
            }
            return text();
        }

        private boolean lineIsZero() {
            if (bytes[lineStart] < 0 || bytes[lineEnd - 1] < 0) {
                return text().equals("0");
            }
            return lineEnd - lineStart == 1 && bytes[lineStart] == '0';
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
            // A preference takes at least two bytes ("3 "), usually about three ("12 "); a ballot rarely under 16.
            Ballots ballots = new Ballots((int) Math.min(size / 16, 1 << 24), (int) Math.min(size / 3, 1 << 28));
            String first = next("the ballots");
            if (first.startsWith("-")) {
                for (String token : first.split("\\s+")) {
                    int w = number(token, "a withdrawn candidate");
                    if (w >= 0 || -w > n) {
                        throw new BltFormatException(at, "'" + token + "' is not a withdrawn candidate (-1 to -" + n + ")");
                    }
                    withdrawn.add(-w - 1);
                }
                next("the ballots");
            }
            Scratch scratch = new Scratch(n);
            while (!lineIsZero()) {
                if (!plainBallot(scratch, ballots)) {
                    Ballot b = ballot(text(), n);
                    ballots.add(b.weight(), b.ranking(), 0, b.ranking().length);
                }
                if (!nextContentLine()) {
                    throw new BltFormatException(0, "the file ends before the line 0 that ends the ballots");
                }
            }
            List<String> names = new ArrayList<>();
            while (names.size() < n) {
                names.add(quoted(next("the name of candidate " + (names.size() + 1)), "the name of candidate " + (names.size() + 1)));
            }
            String title = nextContentLine() ? quoted(text(), "the title") : "";
            return new Profile(title, names, seats, withdrawn, ballots);
        }

        /** Room for one ballot's preferences, and which ballot last ranked each candidate. */
        private static final class Scratch {
            final int[] ranking;
            final int[] lastSeenAt;

            Scratch(int candidates) {
                ranking = new int[candidates];
                lastSeenAt = new int[candidates + 1];
            }
        }

        /**
         * Adds the current line if it is a well-formed ballot of digits and blanks ({@code weight pref ... 0});
         * false, having added nothing, for anything else, which the text parser then accepts or reports.
         */
        private boolean plainBallot(Scratch scratch, Ballots ballots) {
            int i = lineStart;
            long weight = 0;
            int digits = 0;
            for (; i < lineEnd && bytes[i] >= '0' && bytes[i] <= '9'; i++, digits++) {
                weight = weight * 10 + (bytes[i] - '0');
            }
            if (digits == 0 || digits > 18) {
                return false;
            }
            int n = scratch.ranking.length;
            int count = 0;
            while (true) {
                int gap = i;
                while (i < lineEnd && (bytes[i] == ' ' || bytes[i] == '\t')) {
                    i++;
                }
                if (i == gap || i == lineEnd) {
                    return false;
                }
                int c = 0;
                int start = i;
                for (; i < lineEnd && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
                    c = c * 10 + (bytes[i] - '0');
                    if (i - start > 8) {
                        return false;
                    }
                }
                if (i == start || (i < lineEnd && bytes[i] != ' ' && bytes[i] != '\t')) {
                    return false;
                }
                if (i == lineEnd) {
                    // The last token must be exactly "0"; anything else is left to the text parser to report.
                    if (i - start != 1 || c != 0) {
                        return false;
                    }
                    break;
                }
                if (c < 1 || c > n || scratch.lastSeenAt[c] == at) {
                    return false;
                }
                scratch.lastSeenAt[c] = at;
                scratch.ranking[count++] = c - 1;
            }
            ballots.add(weight, scratch.ranking, 0, count);
            return true;
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
