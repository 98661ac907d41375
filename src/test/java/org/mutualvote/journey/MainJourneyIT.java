package org.mutualvote.journey;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The main journey against the packaged application: the jar in `./mvnw verify`, the native executable with -Dnative. */
@QuarkusIntegrationTest
class MainJourneyIT extends MainJourneyTest {
}
