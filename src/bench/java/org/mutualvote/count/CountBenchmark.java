package org.mutualvote.count;

import java.nio.file.Path;
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
 * Counts synthetic elections in-process: the files bench/SyntheticBlt.java writes (15 candidates, 5 seats, ballots
 * of random length whose preferences follow uneven candidate popularity, so most rankings are distinct), read
 * from target/recount/BALLOTS.blt. Run with bench/count.sh, which writes them first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CountBenchmark {

    @Param({ "100000", "1000000" })
    int ballots;

    @Param({ "scotland", "meek", "wigm", "ers97" })
    String rule;

    Profile election;

    @Setup(Level.Trial)
    public void read() throws Exception {
        election = Blt.read(Path.of("target/recount", ballots + ".blt"));
    }

    @Benchmark
    public CountResult count() {
        return Counter.count(election, Rule.parse(rule), 1);
    }
}
