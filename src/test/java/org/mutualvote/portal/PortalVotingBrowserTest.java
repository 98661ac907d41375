package org.mutualvote.portal;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mutualvote.election.ElectionTestSteps.as;

import java.net.URL;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mutualvote.election.ElectionTestSteps;
import org.mutualvote.support.Browser;
import org.mutualvote.support.Fixtures;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A member on their phone: logs in, votes, gets a receipt, and the portal shows errors in plain words. */
@QuarkusTest
class PortalVotingBrowserTest {

    @TestHTTPResource("/")
    URL portal;

    @Inject
    Fixtures fixtures;

    @Test
    void memberLogsInRanksCandidatesAndGetsAReceipt() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
        long home = fixtures.constituency("Browser");
        fixtures.activeMember("voter5", home);
        long id = ElectionTestSteps.create(home, 1, "irv", null);
        ElectionTestSteps.nominate(id, "Ash");
        ElectionTestSteps.nominate(id, "Birch");
        ElectionTestSteps.nominate(id, "Cedar");
        ElectionTestSteps.move(id, "open");

        try (Browser browser = new Browser()) {
            browser.open(portal.toString());
            browser.click("header a[href='/login']");
            browser.click("button[name='predefined-voter5']");
            browser.waitForText("#username", "voter5");
            String card = "article[data-contest='" + id + "']";
            browser.click(card + " button");
            browser.click(card + " button.candidate[data-id]:nth-of-type(2)");
            browser.click(card + " button.candidate[data-id]:nth-of-type(1)");
            browser.waitForText(card + " ol.choices li:nth-child(1)", "Birch");
            browser.waitForText(card + " ol.choices li:nth-child(2)", "Ash");
            browser.click(card + " button[type='submit']");
            String code = browser.text(card + " #receipt .code");
            String tracker = browser.text(card + " #receipt code");
            browser.screenshot(Path.of("target", "screenshots", "receipt.png"));
            assertTrue(code.matches("[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}"), code);

            // After the count is published the member checks their receipt and reads the whole count.
            ElectionTestSteps.move(id, "close");
            ElectionTestSteps.move(id, "count");
            ElectionTestSteps.move(id, "publish");
            browser.open(portal.toString());
            String result = "#results article[data-election='" + id + "']";
            browser.waitForText(result + " ol.elected", "Birch");
            browser.type(result + " input[name='tracker']", tracker);
            browser.click(result + " form.check button");
            browser.waitForText(result + " form.check [role='status']", "on the bulletin board");
            browser.click(result + " details.count-sheet summary");
            browser.waitForText(result + " details.count-sheet table", "Cedar");
            browser.screenshot(Path.of("target", "screenshots", "result.png"));
        }
        as("voter5").get("/api/contests/" + id + "/ballots/mine").then().body("voted", equalTo(true));
    }

    @Test
    void newcomerSignsUpAndSeesMistakesInPlainWords() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
        String district = "ZQ" + (10 + new java.util.Random().nextInt(90));
        as("alice").body(java.util.Map.of("kind", "public", "name", "Browser public " + district, "seats", 3,
                "areas", java.util.List.of(district))).post("/api/constituencies").then().statusCode(201);
        String who = "applicant" + System.nanoTime();

        try (Browser browser = new Browser()) {
            browser.open(portal.toString());
            browser.click("header a[href='/login']");
            // The dev login page's "custom user" form: any name, with the roles given.
            browser.click("summary.custom-link");
            browser.type("form.custom-form input[name='name']", who);
            browser.type("form.custom-form input[name='roles']", "member");
            browser.click("form.custom-form button[name='login']");
            browser.waitForText("#membership", "not a member yet");

            browser.type("#f-postcode", district + " 1AA");
            browser.click("#membership-panel button[type='submit']");
            String mistakes = browser.waitForText("#membership-panel .error", "dateOfBirth");
            assertTrue(mistakes.contains("consent"), mistakes);

            browser.type("#f-dateOfBirth", "01021990");
            browser.click("#f-consent");
            browser.click("#membership-panel button[type='submit']");
            browser.waitForText("#membership", "active");
            browser.waitForText("#member-details", "Browser public " + district);
            browser.screenshot(Path.of("target", "screenshots", "signed-up.png"));
        }
    }
}
