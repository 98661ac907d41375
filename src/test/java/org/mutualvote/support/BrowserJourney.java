package org.mutualvote.support;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What every journey through the portal in a real browser starts from: the running portal's address, the test
 * fixtures, and the shared headless Chromium ({@link Portal#shared}). Where Chromium is missing the journey is
 * skipped and says why. A journey class extends this and is annotated {@code @QuarkusTest}.
 */
public abstract class BrowserJourney {

    @TestHTTPResource("/")
    protected URL url;

    @Inject
    protected Fixtures fixtures;

    protected Portal portal;

    @BeforeEach
    void browser() {
        Assumptions.assumeTrue(Portal.available(), "Chromium is installed at /usr/bin/chromium by .ci/run");
        portal = Portal.shared(url);
    }
}
