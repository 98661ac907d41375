package org.mutualvote.devdb;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.OptionalInt;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mutualvote.membership.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * Up with only Java: with nothing at the configured database address, the service starts on an embedded PostgreSQL,
 * migrates it, connects to it as its own least-privileged role and answers. Here a PostgreSQL normally answers, so the
 * test says so and stops; {@code .ci/embedded-database} runs it as an unprivileged user with the address pointed at a
 * port nothing listens on, and {@code -Dorg.mutualvote.devdb.required=true} so that it cannot pass by skipping.
 */
@QuarkusTest
class EmbeddedDatabaseTest {

    @Inject
    DataSource service;

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void theServiceRunsOnTheEmbeddedDatabaseWhenNoneAnswersAtTheConfiguredAddress() throws SQLException {
        OptionalInt port = EmbeddedDatabase.runningPort();
        if (port.isEmpty()) {
            if (Boolean.getBoolean("org.mutualvote.devdb.required")) {
                fail("a PostgreSQL answered at the configured address, so this run did not test the embedded one");
            }
            Assumptions.abort("a PostgreSQL answers at the configured address, so the tests use it and start nothing");
        }
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        assertEquals("jdbc:postgresql://127.0.0.1:" + port.getAsInt() + "/postgres?currentSchema=mutualvote_test", url);

        try (Connection c = service.getConnection(); var s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select current_user, current_setting('port'), current_setting('server_version_num')::int, current_schema")) {
            assertTrue(rs.next());
            assertEquals("mutualvote_app", rs.getString(1), "the service's own role, created by migration V22");
            assertEquals(port.getAsInt(), Integer.parseInt(rs.getString(2)));
            assertTrue(rs.getInt(3) >= 170000, "the embedded PostgreSQL 17, not a server of the machine");
            assertEquals("mutualvote_test", rs.getString(4));
        }

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        String name = "Embedded " + Fixtures.uid();
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "public", "name", name, "seats", 3, "areas", new String[] { Fixtures.district() }))
                .post("/api/constituencies").then().statusCode(201).body("name", equalTo(name));
        given().get("/api/constituencies").then().statusCode(200).body("name", hasItem(name));
    }
}
