import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a synthetic election as BLT: 15 candidates, 5 seats, one paper per line, rankings of random length
 * whose preferences follow uneven popularity (candidate c is chosen with weight 1/(c+2)), so most rankings are
 * distinct. The same seed gives the same file. Usage: java bench/SyntheticBlt.java BALLOTS FILE [SEED]
 */
public final class SyntheticBlt {
    static final int CANDIDATES = 15;
    static final int SEATS = 5;

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        SplittableRandom random = new SplittableRandom(args.length > 2 ? Long.parseLong(args[2]) : 20261122L);
        double[] popularity = new double[CANDIDATES];
        for (int c = 0; c < CANDIDATES; c++) {
            popularity[c] = 1.0 / (c + 2);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write(CANDIDATES + " " + SEATS + "\n");
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < n; i++) {
                int length = 1 + random.nextInt(CANDIDATES);
                boolean[] used = new boolean[CANDIDATES];
                line.setLength(0);
                line.append('1');
                for (int k = 0; k < length; k++) {
                    double total = 0;
                    for (int c = 0; c < CANDIDATES; c++) {
                        total += used[c] ? 0 : popularity[c];
                    }
                    double pick = random.nextDouble() * total;
                    int chosen = -1;
                    for (int c = 0; c < CANDIDATES && chosen < 0; c++) {
                        if (!used[c]) {
                            pick -= popularity[c];
                            if (pick <= 0) {
                                chosen = c;
                            }
                        }
                    }
                    for (int c = CANDIDATES - 1; chosen < 0; c--) {
                        chosen = used[c] ? -1 : c;
                    }
                    used[chosen] = true;
                    line.append(' ').append(chosen + 1);
                }
                out.write(line.append(" 0\n").toString());
            }
            out.write("0\n");
            for (int c = 1; c <= CANDIDATES; c++) {
                out.write("\"Candidate " + c + "\"\n");
            }
            out.write("\"Synthetic election of " + n + " ballots\"\n");
        }
    }
}
