package org.mutualvote.motion;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.mutualvote.motion.Resolution.Outcome;

/**
 * Recounts a poll of motions from its bulletin-board file (format in {@link PollFile}):
 * {@code java -cp target/classes org.mutualvote.motion.MotionRecount poll.txt}. Prints, for each
 * motion, the figures and the same "carried: ..." or "lost: ..." line the published result shows.
 * Errors are one line on stderr and exit code 2.
 */
public final class MotionRecount {

    private MotionRecount() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 || args[0].startsWith("-")) {
            err.println("usage: MotionRecount POLL-FILE (the bulletin board's bulletin.txt)");
            return args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")) ? 0 : 2;
        }
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            PollFile.Poll poll = PollFile.read(in);
            print(poll, PollFile.count(poll), out);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("MotionRecount: " + e.getMessage());
            return 2;
        }
    }

    static void print(PollFile.Poll poll, List<Outcome> outcomes, PrintStream out) {
        out.println(poll.title() + " (" + poll.ballots().size() + " ballots)");
        for (int m = 0; m < outcomes.size(); m++) {
            Outcome o = outcomes.get(m);
            out.println("Motion " + (m + 1) + ": " + poll.motions().get(m).title());
            out.println("  rule: " + o.rule());
            out.println("  for " + o.forVotes() + ", against " + o.against() + ", withheld " + o.withheld() + "; "
                    + o.ballots() + " of " + o.roll() + " on the roll took part");
            if (o.weightedForPercent() != null) {
                out.println("  weighted: " + o.weightedForPercent() + "% for, " + o.weightedAgainstPercent() + "% against");
            }
            out.println("  " + o.reason());
        }
    }
}
