package org.mutualvote.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A connection to the test database as the PostgreSQL superuser: the attacker of issue 11, who has a
 * database login and reads or rewrites tables behind the service's back.
 */
public final class Superuser {

    private Superuser() {
    }

    /**
     * Until another backend waits for a lock that {@code holder} (an open transaction) holds: the request under test
     * has reached that lock and not passed it.
     */
    public static void awaitSomeoneBlockedBy(Connection holder) throws SQLException, InterruptedException {
        for (int i = 0; i < 300; i++) {
            try (PreparedStatement ps = holder.prepareStatement(
                    "select count(*) from pg_stat_activity where pg_backend_pid() = any (pg_blocking_pids(pid))");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) >= 1) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nothing came to wait for this transaction's locks within 30 s");
    }

    public static Connection connect() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getOptionalValue("mutualvote.test.superuser", String.class).orElse("postgres");
        return DriverManager.getConnection(url, user, "");
    }
}
