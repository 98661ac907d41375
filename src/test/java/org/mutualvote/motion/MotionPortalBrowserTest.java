package org.mutualvote.motion;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mutualvote.election.ElectionTestSteps.as;
import static org.mutualvote.motion.MotionTestSteps.AGAINST;
import static org.mutualvote.motion.MotionTestSteps.FOR;
import static org.mutualvote.motion.MotionTestSteps.motion;
import static org.mutualvote.motion.MotionTestSteps.vote;
import static org.mutualvote.support.Portal.go;

import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mutualvote.support.Fixtures;
import org.mutualvote.support.Portal;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A member on a phone answers an AGM's three motions, reviews, casts, and reads the results as bars; the
 * board drafts a poll, sees a mistake in plain words beside its field, previews and gives notice.
 */
@QuarkusTest
class MotionPortalBrowserTest {

    @TestHTTPResource("/")
    URL url;

    @Inject
    Fixtures fixtures;

    static Portal portal;

    @BeforeAll
    static void browser() {
        Assumptions.assumeTrue(Portal.available(), "Chromium is installed at /usr/bin/chromium by .ci/run");
    }

    @AfterAll
    static void close() {
        if (portal != null) {
            portal.close();
        }
    }

    private Portal portal() {
        if (portal == null) {
            portal = new Portal(url);
        }
        return portal;
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void memberVotesOnAnAgmsThreeMotionsWithAReviewStepAndReadsTheResults() {
        long home = fixtures.constituency("AGM browser");
        fixtures.activeMember("voter5", home);
        fixtures.activeMember("voter4", home);
        long id = MotionTestSteps.open(List.of(home), List.of(
                motion("Adopt the annual accounts", "ordinary"),
                motion("Amend the rules on membership", "special"),
                motion("Reappoint the auditors", "ordinary")));
        String title = as("alice").get("/api/motions/" + id).then().extract().path("title");
        vote("voter4", id, FOR, AGAINST, FOR);

        Page page = portal().phone("en-GB");
        Portal.logIn(page, "voter5");
        go(page, "/member/motions");
        assertTrue(page.locator("li[data-poll='" + id + "']").textContent().contains("voting is open"));
        portal.check(page, "motions-member-list");

        go(page, "/member/votes/" + id);
        assertEquals(title, Portal.heading(page).textContent());
        assertTrue(page.locator("section.motion-text[data-motion='2'] .rule").textContent()
                .contains("at least 75% of votes for and against"));
        Locator second = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("2. Amend the rules on membership"));
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("1. Adopt the annual accounts"))
                .getByLabel("For", new Locator.GetByLabelOptions().setExact(true)).check();
        second.getByLabel("For", new Locator.GetByLabelOptions().setExact(true)).check();
        // Going on with a motion unanswered is stopped, in plain words.
        button(page, "Review my answers").click();
        assertTrue(page.locator("form.ballot .error").textContent().contains("Not answered yet: Reappoint the auditors"));
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("3. Reappoint the auditors"))
                .getByLabel("Abstain (vote withheld)").check();
        portal.check(page, "motions-ballot");
        button(page, "Review my answers").click();
        // The review step shows each answer in words before anything is sent.
        assertEquals(List.of("Adopt the annual accounts: For", "Amend the rules on membership: For",
                "Reappoint the auditors: Abstain (vote withheld)"), page.locator("#review ol.review-list li").allTextContents());
        portal.check(page, "motions-review");
        button(page, "Cast my vote").click();
        page.locator("#receipt").waitFor();
        String code = page.locator("#receipt-code").textContent();
        assertTrue(code.matches("[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}"), code);

        MotionTestSteps.declare(id);
        go(page, "/member/motions/" + id);
        // 2 for of 2: carried; 1 for 1 against: a tie, lost; 1 for, none against, one withheld: carried.
        assertTrue(page.locator(".motion-result[data-motion='1'] .reason").textContent().startsWith("Carried: 100.0% for"));
        assertTrue(page.locator(".motion-result[data-motion='2'] .reason").textContent().equals("Lost: the vote was tied (1 for, 1 against), and a tie is lost."));
        assertEquals("Withheld 1", page.locator(".motion-result[data-motion='3'] .bar-row.withheld .bar-label").textContent());
        portal.check(page, "motions-result");

        // The receipt kept on the phone leads back to this poll (before, "My receipts" sent every kind of contest to
        // an election's page), and its code finds the ballot on the board, recorded as it was cast.
        go(page, "/member/receipts");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check: " + title)).click();
        Portal.arrive(page, "/member/motions/" + id);
        assertThat(page.getByLabel("Your receipt code")).hasValue(code);
        button(page, "Check").click();
        assertThat(page.locator("#check-answer li")).hasText(new String[] { "Adopt the annual accounts: For",
            "Amend the rules on membership: For", "Reappoint the auditors: Abstain (vote withheld)" });
        portal.check(page, "motions-receipt-check");
        page.context().close();
        as("voter5").get("/api/contests/" + id + "/ballots/mine").then().body("voted", equalTo(true));
    }

    @Test
    void boardDraftsPreviewsAndGivesNotice() {
        long home = fixtures.constituency("Board desk");
        String title = "Special meeting " + System.nanoTime();
        Page page = portal().phone("en-GB");
        Portal.logIn(page, "bob");
        go(page, "/board/motions");
        page.getByText("Draft a new poll").click();
        Locator form = page.locator("details.new-poll form");
        form.getByLabel("Title of the poll").fill(title);
        form.locator("input[name='constituencyIds'][value='" + home + "']").check();
        form.getByLabel("Title", new Locator.GetByLabelOptions().setExact(true)).fill("Convert to a community benefit society");
        form.getByLabel("Resolution", new Locator.GetByLabelOptions().setExact(true)).fill("That the society converts.");
        // A share that is not a fraction: the problem is shown beside the field, in words, and nothing is sent.
        form.getByLabel("Needed to pass").selectOption("at-least");
        form.getByLabel("Share needed").fill("most");
        button(page, "Save draft").click();
        Locator error = form.locator("[data-field='m0-fraction'] .field-error");
        error.waitFor();
        assertEquals("Share needed: write it as a fraction such as 2/3, or as a percentage such as 60%", error.textContent());
        assertEquals("true", form.getByLabel("Share needed").getAttribute("aria-invalid"));
        portal.check(page, "motions-board-draft-error");
        form.getByLabel("Needed to pass").selectOption("special");
        assertTrue(form.getByLabel("Share needed").isHidden(), "a named resolution needs no share");
        button(page, "Save draft").click();
        // The draft is previewed as members will see it, then notice is given after a confirming step.
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1).setName(title)).waitFor();
        Portal.ready(page);
        assertTrue(page.url().matches(".*#/board/motions/\\d+"), page.url());
        assertTrue(page.locator(".preview .rule").textContent().contains("at least 75% of votes for and against"));
        portal.check(page, "motions-board-preview");
        button(page, "Publish notice to members").click();
        button(page, "Yes, publish notice").click();
        page.getByText("The motions as given notice of").waitFor();
        page.context().close();
        as("bob").get("/api/motions").then().body("find { it.title == '" + title + "' }.noticePublishedAt", notNullValue());
    }
}
