package org.mutualvote.portal;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The portal's files as the packaged application serves them: the jar in `./mvnw verify`, the native executable in `.ci/native-test`. */
@QuarkusIntegrationTest
class PortalServedIT extends PortalServedTest {
}
