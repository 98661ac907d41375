package org.mutualvote.count;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts synthetic elections: 15 candidates, 5 seats, ballots of random length whose preferences
 * follow uneven candidate popularity, so most rankings are distinct. Run with bench/count.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CountBenchmark {

    static final int CANDIDATES = 15;
    static final int SEATS = 5;

    @Param({ "100000", "1000000" })
    int ballots;

    @Param({ "scotland", "meek", "wigm", "ers97" })
    String rule;

    Profile election;

    @Setup(Level.Trial)
    public void generate() {
        election = synthetic(ballots, 20261122L);
    }

    @Benchmark
    public CountResult count() {
        return Counter.count(election, Rule.parse(rule), 1);
    }

    static Profile synthetic(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] popularity = new double[CANDIDATES];
        for (int c = 0; c < CANDIDATES; c++) {
            popularity[c] = 1.0 / (c + 2);
        }
        List<Ballot> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int length = 1 + random.nextInt(CANDIDATES);
            int[] ranking = new int[length];
            boolean[] used = new boolean[CANDIDATES];
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
                if (chosen < 0) {
                    for (int c = CANDIDATES - 1; chosen < 0; c--) {
                        chosen = used[c] ? -1 : c;
                    }
                }
                used[chosen] = true;
                ranking[k] = chosen;
            }
            list.add(new Ballot(1, ranking));
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < CANDIDATES; c++) {
            names.add("Candidate " + (c + 1));
        }
        return new Profile("synthetic " + n, names, SEATS, Set.of(), list);
    }
}
