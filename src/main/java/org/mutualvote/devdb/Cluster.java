package org.mutualvote.devdb;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts an embedded PostgreSQL server for {@link EmbeddedDatabase}. Found with {@link java.util.ServiceLoader}: the one
 * implementation ({@link ZonkyCluster}) and its registration are left out of the packaged app, so neither the
 * library nor its binaries are ever part of the production jar or the native executable.
 */
public interface Cluster {

    /** Why no server can be started in this process, if one cannot. */
    Optional<String> obstacle();

    /**
     * Starts a server with its data in {@code dataDirectory} (initialised if empty; wiped at the end unless
     * {@code keepData}), makes sure {@code database} exists, and returns the port it listens on. The server stops when
     * the JVM exits. Its own output goes to {@code log}.
     */
    int start(Path dataDirectory, boolean keepData, String database, Path log) throws Exception;
}
