package org.mutualvote.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A connection to the test database as the PostgreSQL superuser: the attacker of issue 11, who has a
 * database login and reads or rewrites tables behind the service's back.
 */
public final class Superuser {

    private Superuser() {
    }

    public static Connection connect() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getOptionalValue("mutualvote.test.superuser", String.class).orElse("postgres");
        return DriverManager.getConnection(url, user, "");
    }
}
