package org.mutualvote.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.mutualvote.support.Superuser;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
class AuditLogTest {

    @Inject
    AuditService audit;

    private long append(String action) {
        return QuarkusTransaction.requiringNew()
                .call(() -> audit.record("tester", action, "thing/1", Map.of("why", "a test", "n", 1)).seq);
    }

    @Test
    @TestSecurity(user = "sam", roles = "scrutineer")
    void entriesAreListedNewestFirstWithTheirChain() {
        long first = append("test.first");
        long second = append("test.second");
        given().get("/api/audit?size=2").then().statusCode(200)
                .body("items[0].seq", equalTo((int) second))
                .body("items[0].action", equalTo("test.second"))
                .body("items[0].details.why", equalTo("a test"))
                .body("items[1].seq", equalTo((int) first))
                .body("total", greaterThanOrEqualTo(2));
        String firstHash = given().get("/api/audit?size=2").path("items[1].hash");
        given().get("/api/audit?size=2").then().body("items[0].prevHash", equalTo(firstHash));
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void filterByAction() {
        append("test.filtered");
        given().get("/api/audit?action=test.filtered").then().statusCode(200)
                .body("items.action.unique()", org.hamcrest.Matchers.contains("test.filtered"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "admin")
    void badPagingIs400() {
        given().get("/api/audit?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().get("/api/audit?size=many").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "bob", roles = "board")
    void boardCannotReadTheLog() {
        given().get("/api/audit").then().statusCode(403);
        given().get("/api/audit/verify").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "sam", roles = "scrutineer")
    void intactChainVerifies() {
        append("test.verify");
        given().get("/api/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true))
                .body("entriesChecked", greaterThanOrEqualTo(1));
    }

    @Test
    void theDatabaseRefusesEditsAndDeletes() {
        long seq = append("test.append-only");
        assertThrows(SQLException.class, () -> sql("update audit_entry set actor = 'mallory' where seq = " + seq));
        assertThrows(SQLException.class, () -> sql("delete from audit_entry where seq = " + seq));
    }

    @Test
    @TestSecurity(user = "sam", roles = "scrutineer")
    void anEditMadeBehindTheTriggersBackIsDetected() throws SQLException {
        long seq = append("test.tamper");
        append("test.after-tamper");
        sql("alter table audit_entry disable trigger audit_entry_no_update_or_delete");
        try {
            sql("update audit_entry set details = '{\"why\":\"rewritten\"}' where seq = " + seq);
            given().get("/api/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) seq))
                    .body("problem", startsWith("entry " + seq + ": its content does not match"));
        } finally {
            sql("update audit_entry set details = '{\"n\":1,\"why\":\"a test\"}' where seq = " + seq);
            sql("alter table audit_entry enable trigger audit_entry_no_update_or_delete");
        }
        given().get("/api/audit/verify").then().body("intact", equalTo(true));
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = Superuser.connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
