package org.mutualvote.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void healthIsUpWithTheDatabase() {
        given().get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }

    @Test
    void openApiDescribesTheApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Mutual Vote API"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/me"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void prometheusMetricsAreExported() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void portalIsServedAtRoot() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Mutual Vote"));
        given().get("/app.js").then().statusCode(200).body(containsString("/api/me"));
    }

    @Test
    void loginSendsABrowserToTheProvider() {
        given().redirects().follow(false).get("/login").then().statusCode(302)
                .header("Location", containsString("/authorize"));
    }
}
