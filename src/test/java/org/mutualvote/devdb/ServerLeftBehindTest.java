package org.mutualvote.devdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.sun.security.auth.module.UnixSystem;

/**
 * {@code kill -9} on {@code ./mvnw quarkus:dev} (or a test JVM) cannot stop the embedded PostgreSQL it started, which then
 * keeps its data directory and port. The next run must stop that server and start its own, instead of failing on
 * PostgreSQL's lock file. PostgreSQL refuses root, so {@code .ci/embedded-database} runs this as an unprivileged user
 * with {@code -Dorg.mutualvote.devdb.required=true}, so that it cannot pass by skipping.
 */
class ServerLeftBehindTest {

    /** The run that is killed: starts a server in args[0], prints its port and waits. */
    public static void main(String[] args) throws Exception {
        int port = new ZonkyCluster().start(Path.of(args[0]), true, "postgres", Path.of(args[1]));
        System.out.println("port " + port);
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(10));
    }

    @Test
    void theNextRunStopsTheServerAKilledRunLeftBehindAndStartsItsOwn() throws Exception {
        if (new UnixSystem().getUid() == 0) {
            if (Boolean.getBoolean("org.mutualvote.devdb.required")) {
                fail("running as root, so the embedded PostgreSQL cannot start and this run did not test it");
            }
            Assumptions.abort("PostgreSQL refuses root; .ci/embedded-database runs this as an ordinary user");
        }
        Path parent = Path.of("target", "embedded-postgres-left-behind", Long.toString(ProcessHandle.current().pid()))
                .toAbsolutePath();
        Path data = parent.resolve("dev");
        Path log = parent.resolve("dev.log");
        Files.createDirectories(parent);

        Process killedRun = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), ServerLeftBehindTest.class.getName(), data.toString(), log.toString())
                .redirectErrorStream(true).start();
        int leftPort = portPrintedBy(killedRun);
        long leftPid = postmasterPid(data);
        killedRun.destroyForcibly();
        assertTrue(killedRun.waitFor(30, TimeUnit.SECONDS));
        assertTrue(ProcessHandle.of(leftPid).map(ProcessHandle::isAlive).orElse(false),
                "SIGKILL on the run leaves its server running (the situation this test is about)");
        assertTrue(DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:" + leftPort + "/").answers(2000));

        int port = new ZonkyCluster().start(data, true, "postgres", log);
        try {
            Optional<ProcessHandle> left = ProcessHandle.of(leftPid);
            assertFalse(left.map(ProcessHandle::isAlive).orElse(false), "the server left behind is stopped");
            assertTrue(DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:" + port + "/").answers(2000), "the new run's server answers");
            assertTrue(Files.readString(log).contains("database system is ready to accept connections"));
        } finally {
            ProcessHandle.of(postmasterPid(data)).ifPresent(ProcessHandle::destroy);
        }
    }

    private static int portPrintedBy(Process run) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("port ")) {
                return Integer.parseInt(line.substring(5).strip());
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the run ended without starting its server:\n" + seen);
    }

    private static long postmasterPid(Path data) throws IOException {
        String first = Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip();
        assertNotNull(first);
        assertEquals(first, first.replaceAll("[^0-9]", ""));
        return Long.parseLong(first);
    }
}
