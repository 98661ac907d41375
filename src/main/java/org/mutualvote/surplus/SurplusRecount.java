package org.mutualvote.surplus;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Recounts a surplus vote from its published ballot file ({@link SurplusFile}) and prints the result
 * report, which equals the published one byte for byte:
 * {@code java -cp target/classes org.mutualvote.surplus.SurplusRecount FILE}. Errors: one line on stderr, exit code 2.
 */
public final class SurplusRecount {

    private SurplusRecount() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 || args[0].startsWith("-")) {
            err.println("usage: SurplusRecount FILE (the ballot file from a surplus vote's bulletin board)");
            return args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")) ? 0 : 2;
        }
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            SurplusCount.Outcome o = SurplusCount.count(SurplusFile.read(in));
            out.println(o.json());
            out.flush();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("SurplusRecount: no such file: " + e.getFile());
        } catch (IOException e) {
            err.println("SurplusRecount: cannot read the file: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            err.println("SurplusRecount: " + args[0] + ": " + e.getMessage());
        }
        return 2;
    }
}
