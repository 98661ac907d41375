package org.mutualvote.motion;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
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

    /** Ctrl+A, so that what is typed next replaces a field's text (WebDriver key codes). */
    private static final String SELECT_ALL = "\uE009a\uE009";

    @TestHTTPResource("/")
    URL portal;

    @Inject
    Fixtures fixtures;

    private void logIn(Browser browser, String user) {
        browser.open(portal.toString());
        browser.click("#session a[href='/login']");
        browser.click("button[name='predefined-" + user + "']");
        browser.waitForText("#session .who", user.substring(1));
    }

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
            logIn(browser, "voter5");
            // The motions page lists the poll; its ballot is on the vote page.
            browser.open(portal + "#/member/motions");
            browser.waitForText("li[data-poll='" + id + "'] h2", "AGM");
            browser.open(portal + "#/member/votes/" + id);
            browser.waitForText("fieldset[data-motion='2'] legend", "Amend the rules on membership");
            browser.waitForText("section.motion-text[data-motion='2'] .rule", "at least 75% of votes for and against");
            browser.click("input[name='m1'][value='1']");
            browser.click("input[name='m2'][value='1']");
            // Going on with a motion unanswered is stopped, in plain words.
            browser.click("button.review");
            browser.waitForText("form.ballot .error", "Reappoint the auditors");
            browser.click("input[name='m3'][value='3']");
            browser.click("button.review");
            // The review step shows each answer in words before anything is sent.
            browser.waitForText("#review ol.review-list li:nth-child(2)", "Amend the rules on membership: For");
            browser.waitForText("#review ol.review-list li:nth-child(3)", "Abstain");
            browser.screenshot(Path.of("target", "screenshots", "motions-review.png"));
            browser.click("#review button.cast");
            String code = browser.waitForText("#receipt-code", "-");
            assertTrue(code.matches("[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}"), code);

            MotionTestSteps.declare(id);
            browser.open(portal + "#/member/motions/" + id);
            // 2 for of 2: carried; 1 for 1 against: a tie, lost; 1 for, none against, one withheld: carried.
            browser.waitForText(".motion-result[data-motion='1'] .reason", "carried: 100.0% for");
            browser.waitForText(".motion-result[data-motion='2'] .reason", "lost: a tie");
            browser.waitForText(".motion-result[data-motion='3'] .bar-row.withheld", "Withheld 1");
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
            logIn(browser, "bob");
            browser.open(portal + "#/board/motions");
            browser.click("details.new-poll summary");
            String form = "details.new-poll form";
            browser.type(form + " input[name='pollTitle']", title);
            browser.click(form + " input[name='constituencyIds'][value='" + home + "']");
            browser.type(form + " input[name='title']", "Convert to a community benefit society");
            browser.type(form + " textarea[name='resolution']", "That the society converts.");
            // A threshold the rules do not know: the problem is shown beside the field, nothing saved.
            browser.type(form + " input[name='threshold']", SELECT_ALL + "most");
            browser.click(form + " button.save");
            browser.waitForText(form + " [data-field='threshold'] .field-error", "at-least N/D");
            browser.type(form + " input[name='threshold']", SELECT_ALL + "special");
            browser.click(form + " button.save");
            // The draft is previewed as members will see it, then notice is given after a confirming step.
            browser.waitForText("#page-title", title);
            browser.waitForText(".preview .rule", "at least 75% of votes for and against");
            browser.screenshot(Path.of("target", "screenshots", "motions-board.png"));
            browser.click("button.notice");
            browser.click(".confirm button:not(.secondary)");
            browser.waitForText("#main", "The motions as given notice of");
        }
        as("bob").get("/api/motions").then().body("find { it.title == '" + title + "' }.noticePublishedAt", notNullValue());
    }
}
