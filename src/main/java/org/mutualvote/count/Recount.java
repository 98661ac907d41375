package org.mutualvote.count;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recount a BLT file from the command line:
 * {@code java -cp target/classes org.mutualvote.count.Recount --rule RULE [--seats N] [--seed S] [--format json|text] FILE.blt}.
 * Without --seed the seed is 0. Errors are one line on stderr and exit code 2.
 *
 * <p>With {@code --bulletin FILE --digest HEX} it first checks the ballots against the digest published when
 * voting closed (see {@link BallotSet}): every tracker must follow from its ballot, the set must have the
 * published digest, and the BLT must hold exactly the bulletin's ballots in its order. Each problem is a line
 * on stderr naming the ballot, and the exit code is 3; nothing is counted.
 */
public final class Recount {

    private static final String USAGE = "usage: Recount --rule fptp|irv|scotland|ers97|ni85|meek|wigm [--seats N] [--seed S] [--format json|text] [--bulletin FILE --digest HEX] FILE.blt";

    private Recount() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String file = null;
        try {
            Rule rule = null;
            Integer seats = null;
            long seed = 0;
            String format = "text";
            String bulletin = null;
            String digest = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--rule" -> rule = Rule.parse(value(args, ++i, a));
                    case "--seats" -> seats = positive(value(args, ++i, a), a);
                    case "--seed" -> seed = parseLong(value(args, ++i, a), a);
                    case "--format" -> {
                        format = value(args, ++i, a);
                        if (!format.equals("json") && !format.equals("text")) {
                            throw new IllegalArgumentException("--format must be json or text, not '" + format + "'");
                        }
                    }
                    case "--bulletin" -> bulletin = value(args, ++i, a);
                    case "--digest" -> digest = value(args, ++i, a);
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (a.startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument '" + a + "'");
                        }
                        file = a;
                    }
                }
            }
            if (rule == null || file == null) {
                throw new IllegalArgumentException(rule == null ? "--rule is required" : "a BLT file is required");
            }
            Profile e = Blt.read(Path.of(file));
            if ((bulletin == null) != (digest == null)) {
                throw new IllegalArgumentException("--bulletin and --digest go together");
            }
            if (bulletin != null) {
                List<String> problems = checkBulletin(Path.of(bulletin), digest, e);
                if (!problems.isEmpty()) {
                    problems.forEach(p -> err.println("Recount: " + p));
                    return 3;
                }
            }
            if (seats != null) {
                e = e.withSeats(seats);
            }
            CountResult result = Counter.count(e, rule, seed);
            out.print(format.equals("json") ? result.toJson() + "\n" : result.toText());
            out.flush();
            return 0;
        } catch (BltFormatException e) {
            // Named by the file argument, wherever it stands among the options.
            err.println("Recount: " + file + ": " + e.getMessage());
        } catch (NoSuchFileException e) {
            err.println("Recount: no such file: " + e.getFile());
        } catch (IOException e) {
            err.println("Recount: cannot read the file: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            err.println("Recount: " + e.getMessage());
            err.println(USAGE);
        }
        return 2;
    }

    /** The bulletin against the published digest, then the BLT against the bulletin, ballot by ballot. */
    private static List<String> checkBulletin(Path file, String digest, Profile blt) throws IOException {
        BallotSet.Bulletin board;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            board = BallotSet.read(in);
        } catch (BltFormatException bad) {
            return List.of(file + ": " + bad.getMessage());
        }
        List<String> problems = new ArrayList<>(BallotSet.check(board.contestId(), board.lines(), digest));
        List<int[]> counted = new ArrayList<>();
        for (Ballot b : blt.ballots()) {
            for (long w = 0; w < b.weight(); w++) {
                counted.add(b.positions());
            }
        }
        if (counted.size() != board.lines().size()) {
            problems.add("the BLT holds " + counted.size() + " ballots and the bulletin " + board.lines().size());
        } else {
            for (int i = 0; i < counted.size(); i++) {
                if (!Arrays.equals(counted.get(i), board.lines().get(i).positions())) {
                    problems.add("ballot " + (i + 1) + " of the BLT is not ballot " + (i + 1) + " of the bulletin (tracker "
                            + board.lines().get(i).tracker() + ")");
                }
            }
        }
        return problems;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String v, String option) {
        long n = parseLong(v, option);
        if (n < 1 || n > 10_000) {
            throw new IllegalArgumentException(option + " must be a whole number from 1, not '" + v + "'");
        }
        return (int) n;
    }

    private static long parseLong(String v, String option) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not '" + v + "'");
        }
    }
}
