package org.mutualvote.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

import com.microsoft.playwright.Locator;

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

    /**
     * Fills a date given as Day, Month and Year (GOV.UK's date input) by the three fields' labels in the page's
     * language, checking that each asks a phone for its number keypad.
     */
    protected static void fillDate(Locator group, List<String> labels, String day, String month, String year) {
        List<String> values = List.of(day, month, year);
        for (int i = 0; i < 3; i++) {
            Locator part = group.getByLabel(labels.get(i), new Locator.GetByLabelOptions().setExact(true));
            assertEquals("numeric", part.getAttribute("inputmode"), labels.get(i));
            part.fill(values.get(i));
        }
    }

    /** What a screen reader says as the description of an element: the texts its aria-describedby names. */
    protected static String describedBy(Locator element) {
        return (String) element.evaluate("(el) => (el.getAttribute('aria-describedby') || '').split(' ').filter(Boolean)"
                + ".map((id) => document.getElementById(id).textContent).join(' | ')");
    }

    @BeforeEach
    void browser() {
        Assumptions.assumeTrue(Portal.available(), "Chromium is installed at /usr/bin/chromium by .ci/run");
        portal = Portal.shared(url);
    }
}
