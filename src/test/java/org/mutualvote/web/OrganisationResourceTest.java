package org.mutualvote.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The landing page names the organisation and says where to get help, before anyone logs in. */
@QuarkusTest
class OrganisationResourceTest {

    @Test
    void anyoneReadsTheOrganisationAndItsHelpContacts() {
        given().get("/api/organisation").then().statusCode(200)
                .body("name", equalTo("Example Community Health NHS Foundation Trust"))
                .body("helpEmail", equalTo("membership@example.org"))
                .body("helpPhone", equalTo("0300 123 4567"))
                .body("helpUrl", nullValue());
    }
}
