package org.mutualvote.count;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Recount a BLT file from the command line:
 * {@code java -cp target/classes org.mutualvote.count.Recount --rule RULE [--seats N] [--seed S] [--format json|text] FILE.blt}.
 * Without --seed the seed is 0. Errors are one line on stderr and exit code 2.
 */
public final class Recount {

    private static final String USAGE = "usage: Recount --rule fptp|irv|scotland|ers97|ni85|meek|wigm [--seats N] [--seed S] [--format json|text] FILE.blt";

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
            Profile e;
            try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                e = Blt.read(in);
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
