package org.mutualvote.devdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.security.auth.module.UnixSystem;

/** When the embedded PostgreSQL steps in, and what it says when it cannot (EmbeddedDatabaseTest runs the service on it). */
class EmbeddedDatabaseFallbackTest {

    @TempDir
    Path data;

    @Test
    void takesApartTheUrlFormsTheDriverAccepts() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5499/mv_x?currentSchema=mutualvote_test&ssl=false");
        assertEquals("127.0.0.1:5499", url.serverList());
        assertEquals("jdbc:postgresql://127.0.0.1:41000/mv_x?currentSchema=mutualvote_test&ssl=false", url.onLocalPort(41000));
        assertEquals("db1:5432, [::1]:5433", hostsOf("jdbc:postgresql://db1,[::1]:5433/x"));
        assertEquals("localhost:5432", hostsOf("jdbc:postgresql:mydb?currentSchema=s"));
        assertEquals("jdbc:postgresql://127.0.0.1:41000/mydb?currentSchema=s", DatabaseUrl.parse("jdbc:postgresql:mydb?currentSchema=s").onLocalPort(41000));
        assertEquals("postgres", DatabaseUrl.parse("jdbc:postgresql://h:1?currentSchema=s").databaseOrPostgres());
    }

    private static String hostsOf(String url) {
        return DatabaseUrl.parse(url).serverList();
    }

    @Test
    void nothingChangesWhenAServerAnswersAtTheConfiguredAddress() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(Optional.empty(), EmbeddedDatabase.replacementFor(
                    "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + "/postgres?currentSchema=mutualvote", data, true));
        }
    }

    @Test
    void asRootItRefusesInOnePlainSentenceInsteadOfFailingInsidePostgres() throws IOException {
        assumeTrue(new UnixSystem().getUid() == 0, "only root is refused; .ci/embedded-database runs the embedded path as a user");
        int nothing;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nothing = s.getLocalPort();
        }
        EmbeddedDatabase.Unavailable refused = assertThrows(EmbeddedDatabase.Unavailable.class, () -> EmbeddedDatabase
                .replacementFor("jdbc:postgresql://127.0.0.1:" + nothing + "/postgres?currentSchema=mutualvote", data, true));
        assertEquals("No PostgreSQL answers at 127.0.0.1:" + nothing + " (quarkus.datasource.jdbc.url), and the embedded one "
                + "cannot start because this process runs as root, which PostgreSQL refuses (run ./mvnw as an ordinary user). "
                + "Start PostgreSQL there, or point QUARKUS_DATASOURCE_JDBC_URL at a server that runs.", refused.getMessage());
        assertEquals(0, refused.getStackTrace().length, "a message, not a stack trace");
    }
}
