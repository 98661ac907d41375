package org.mutualvote.portal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mutualvote.election.ElectionTestSteps.as;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mutualvote.support.Browser;
import org.mutualvote.support.Fixtures;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A member on their phone splits a surplus across the pots, gets a receipt, and later reads their dividend. */
@QuarkusTest
class SurplusPortalBrowserTest {

    @TestHTTPResource("/")
    URL portal;

    @Inject
    Fixtures fixtures;

    @Test
    void memberSplitsTheSurplusThenReadsTheResultAndTheirDividend() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
        long home = fixtures.constituency("Surplus browser");
        fixtures.activeMember("voter4", home);
        fixtures.activeMember("voter5", home);
        fixtures.activeMember("voter6", home);
        long id = as("bob").body(Map.of("title", "Surplus 2026", "constituencyId", home, "surplusPence", 100_000, "form", "split",
                "rule", "mean", "limits", Map.of("reserveMinimum", 20),
                "pots", List.of(Map.of("name", "Reinvestment", "kind", "reserve"), Map.of("name", "Staff dividend", "kind", "member_dividend"),
                        Map.of("name", "Community fund", "kind", "other"))))
                .post("/api/surplus").then().statusCode(201).extract().jsonPath().getLong("id");
        as("alice").post("/api/surplus/" + id + "/open").then().statusCode(200);

        try (Browser browser = new Browser()) {
            browser.open(portal.toString());
            Thread.sleep(8000);
            browser.screenshot(Path.of("target", "screenshots", "surplus-start.png"));
            browser.click("header a[href='/login']");
            browser.click("button[name='predefined-voter4']");
            browser.open(portal + "#/member/votes/" + id);
            browser.waitForText("#limits", "Reserves get at least 20%");
            browser.type("input[name='percents[0]']", "60");
            browser.waitForText("#left", "40% left to share");
            browser.type("input[name='percents[1]']", "31");
            browser.type("input[name='percents[2]']", "9");
            browser.waitForText("#left", "All 100% shared");
            browser.click("form.surplus-split button[type='submit']");
            browser.waitForText("#review", "Staff dividend: 31% (£310.00)");
            browser.click("#cast");
            String code = browser.waitForText("#receipt .code", "-");
            assertTrue(code.matches("[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}"), code);
            browser.screenshot(Path.of("target", "screenshots", "surplus-receipt.png"));

            // One ballot: the mean is that split. £1,000.00 = £600.00 + £310.00 + £90.00.
            as("alice").post("/api/surplus/" + id + "/close").then().statusCode(200);
            as("alice").post("/api/surplus/" + id + "/count").then().statusCode(200);
            as("alice").post("/api/surplus/" + id + "/publish").then().statusCode(200);
            // £310.00 equally among three members: 10,333.33p each; floors 30,999p, the last penny by the seed.
            as("alice").post("/api/surplus/" + id + "/dividends/2?basis=equal&dryRun=false&constituency=" + home + "&recordDate="
                    + java.time.LocalDate.now()).then().statusCode(200);

            browser.open(portal + "#/member/surplus/" + id);
            browser.waitForText("#pots", "Staff dividend £310.00 (31.00%)");
            browser.find("#stack .segment");
            browser.open(portal + "#/member/dividends");
            String mine = browser.waitForText("#dividends", "Staff dividend");
            assertTrue(mine.contains("£103.33") || mine.contains("£103.34"), mine);
            browser.click("#dividends details summary");
            browser.waitForText("#dividends .workings", "equal shares, one each");
            browser.screenshot(Path.of("target", "screenshots", "surplus-dividend.png"));
        }
    }
}
