package org.mutualvote.devdb;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;

import org.jboss.logging.Logger;

/**
 * PostgreSQL on a machine that has only Java (README, "The two commands"). When nothing answers at the configured
 * database address, {@code ./mvnw quarkus:dev} ({@link DevDatabaseConfig}) and the tests start an embedded PostgreSQL
 * and use it instead, keeping the database and parameters of the configured URL ({@code currentSchema} among them);
 * when something answers, nothing changes. One server per JVM: dev-mode restarts and test-profile restarts reuse it.
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final int PROBE_MILLIS = 500;
    // A system property, not a static field: each dev-mode or test restart loads this class again.
    private static final String RUNNING_PORT = "org.mutualvote.devdb.port";

    private EmbeddedDatabase() {
    }

    /**
     * The JDBC URL to use instead of {@code configuredUrl}: empty when a server answers there, else the same database
     * and parameters on the embedded server, started now unless this JVM already runs one.
     *
     * @throws Unavailable when the embedded server cannot start, with a message that says why and what to do
     */
    public static Optional<String> replacementFor(String configuredUrl, Path dataDirectory, boolean keepData) {
        DatabaseUrl configured = DatabaseUrl.parse(configuredUrl);
        if (configured.answers(PROBE_MILLIS)) {
            return Optional.empty();
        }
        OptionalInt running = runningPort();
        if (running.isPresent()) {
            return Optional.of(configured.onLocalPort(running.getAsInt()));
        }
        Cluster cluster = ServiceLoader.load(Cluster.class, EmbeddedDatabase.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new Unavailable(configured, "the embedded PostgreSQL is not on the class path "
                        + "(./mvnw quarkus:dev and the tests have it; the packaged app never does)"));
        cluster.obstacle().ifPresent(why -> {
            throw new Unavailable(configured, why);
        });
        Path log = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        int port;
        try {
            port = cluster.start(dataDirectory, keepData, configured.databaseOrPostgres(), log);
        } catch (Exception e) {
            throw new Unavailable(configured, "the embedded PostgreSQL did not start (" + e.getMessage() + "); see " + log);
        }
        System.setProperty(RUNNING_PORT, Integer.toString(port));
        String url = configured.onLocalPort(port);
        LOG.infof("No PostgreSQL answers at %s: started an embedded PostgreSQL on 127.0.0.1:%d (data in %s, %s), "
                + "so the service uses %s", configured.serverList(), port, dataDirectory,
                keepData ? "kept between runs" : "wiped at exit", url);
        return Optional.of(url);
    }

    /** The port of the embedded server this JVM started, while it answers. */
    public static OptionalInt runningPort() {
        String port = System.getProperty(RUNNING_PORT);
        if (port != null && DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:" + port + "/").answers(PROBE_MILLIS)) {
            return OptionalInt.of(Integer.parseInt(port));
        }
        return OptionalInt.empty();
    }

    /** No server at the configured address and no embedded one either: the message says why, without a stack trace. */
    public static final class Unavailable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unavailable(DatabaseUrl configured, String why) {
            super("No PostgreSQL answers at " + configured.serverList() + " (quarkus.datasource.jdbc.url), and " + why
                    + ". Start PostgreSQL there, or point QUARKUS_DATASOURCE_JDBC_URL at a server that runs.", null, false, false);
        }
    }
}
