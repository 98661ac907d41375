package org.mutualvote.motion;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mutualvote.election.ElectionTestSteps.as;
import static org.mutualvote.motion.MotionTestSteps.AGAINST;
import static org.mutualvote.motion.MotionTestSteps.FOR;
import static org.mutualvote.motion.MotionTestSteps.motion;
import static org.mutualvote.motion.MotionTestSteps.vote;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mutualvote.support.Browser;
import org.mutualvote.support.Fixtures;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A member on their phone answers an AGM's three motions, reviews, casts, and later reads the results as bars. */
@QuarkusTest
class MotionPortalBrowserTest {

    @TestHTTPResource("/")
    URL portal;

    @Inject
    Fixtures fixtures;

    private static final String SELECT_ALL = "\uE009a\uE009";

    @Test
    void memberVotesOnThreeMotionsWithAReviewStepAndReadsTheResults() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
        long home = fixtures.constituency("AGM browser");
        fixtures.activeMember("voter5", home);
        fixtures.activeMember("voter4", home);
        long id = MotionTestSteps.open(List.of(home), List.of(
                motion("Adopt the annual accounts", "ordinary"),
                motion("Amend the rules on membership", "special"),
                motion("Reappoint the auditors", "ordinary")));
        vote("voter4", id, FOR, AGAINST, FOR);

        try (Browser browser = new Browser()) {
            browser.open(portal.toString());
            browser.click("header a[href='/login']");
            browser.click("button[name='predefined-voter5']");
            browser.waitForText("#username", "voter5");
            String card = "article[data-contest='" + id + "']";
            browser.click(card + " button");
            browser.waitForText(card + " fieldset[data-motion='2'] legend", "Amend the rules on membership");
            browser.waitForText(card + " .motion-text:nth-of-type(2) .rule", "at least 75% of votes for and against");
            browser.click(card + " input[name='m1'][value='1']");
            browser.click(card + " input[name='m2'][value='1']");
            browser.click(card + " input[name='m3'][value='3']");
            browser.click(card + " button.review");
            // The review step shows each answer in words before anything is sent.
            browser.waitForText(card + " ol.review-list li:nth-child(2)", "Amend the rules on membership: For");
            browser.waitForText(card + " ol.review-list li:nth-child(3)", "Abstain");
            browser.screenshot(Path.of("target", "screenshots", "motions-review.png"));
            browser.click(card + " button.cast");
            String code = browser.waitForText(card + " #receipt .code", "-");
            assertTrue(code.matches("[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}"), code);

            MotionTestSteps.declare(id);
            browser.open(portal.toString());
            String result = "#motions article[data-poll='" + id + "']";
            // 2 for of 2: carried; 1 for 1 against: a tie, lost; 1 for 0 against (one withheld): carried.
            browser.waitForText(result + " .motion-result[data-motion='1'] .reason", "carried: 100.0% for");
            browser.waitForText(result + " .motion-result[data-motion='2'] .reason", "lost: a tie");
            browser.waitForText(result + " .motion-result[data-motion='3'] .bar-row:nth-of-type(3)", "Withheld 1");
            browser.screenshot(Path.of("target", "screenshots", "motions-result.png"));
        }
        as("voter5").get("/api/contests/" + id + "/ballots/mine").then().body("voted", equalTo(true));
    }

    @Test
    void boardDraftsPreviewsAndGivesNotice() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
        long home = fixtures.constituency("Board desk");
        String title = "Special meeting " + System.nanoTime();
        try (Browser browser = new Browser()) {
            browser.open(portal.toString());
            browser.click("header a[href='/login']");
            browser.click("button[name='predefined-bob']");
            browser.waitForText("#username", "bob");
            browser.click("#board-motions details.new-poll summary");
            String form = "#board-motions details.new-poll form";
            browser.type(form + " input[name='pollTitle']", title);
            browser.click(form + " input[name='constituency'][value='" + home + "']");
            browser.type(form + " input[name='title']", "Convert to a community benefit society");
            browser.type(form + " textarea[name='resolution']", "That the society converts.");
            // A threshold the rules do not know: the problem is shown in plain words, nothing saved.
            // Ctrl+A then the new text replaces what the field holds (WebDriver key codes).
            browser.type(form + " input[name='threshold']", SELECT_ALL + "most");
            browser.click(form + " button[type='submit']");
            browser.waitForText(form + " [role='status'] .error", "motions[0].threshold");
            browser.type(form + " input[name='threshold']", SELECT_ALL + "special");
            browser.click(form + " button[type='submit']");
            // The draft is previewed as members will see it, then notice is given.
            String draft = "#board-motions article.draft";
            browser.waitForText(draft + " h4", title);
            browser.waitForText(draft + " .rule", "at least 75% of votes for and against");
            browser.screenshot(Path.of("target", "screenshots", "motions-board.png"));
            browser.click(draft + " button.notice");
        }
        as("bob").get("/api/motions").then().body("find { it.title == '" + title + "' }.noticePublishedAt",
                org.hamcrest.Matchers.notNullValue());
    }
}
