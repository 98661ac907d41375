package org.mutualvote.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mutualvote.election.ElectionTestSteps.as;
import static org.mutualvote.motion.MotionTestSteps.AGAINST;
import static org.mutualvote.motion.MotionTestSteps.FOR;
import static org.mutualvote.support.Portal.arrive;
import static org.mutualvote.support.Portal.button;
import static org.mutualvote.support.Portal.go;
import static org.mutualvote.support.Portal.link;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;


import org.junit.jupiter.api.Test;
import org.mutualvote.motion.MotionTestSteps;
import org.mutualvote.support.BrowserJourney;
import org.mutualvote.support.Portal;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Motions and surplus votes run from the portal: the board drafts a poll with weighted classes, class consent and a
 * quorum share (a mistake shown beside its own field) and gives notice; the returning officer sets the timetable
 * and takes it through open, close, count and publish, each step said before it is taken; a scrutineer reads the
 * same pages with nothing to press but the recount. Then the same for a surplus vote. Every page passes
 * {@link Portal#check}.
 */
@QuarkusTest
class ContestsAdminBrowserTest extends BrowserJourney {

    private static String name(long constituency) {
        return as("alice").get("/api/constituencies/" + constituency).then().extract().path("name");
    }

    private static Locator group(Locator within, String name) {
        return within.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator label(Locator within, String text) {
        return within.getByLabel(text, new Locator.GetByLabelOptions().setExact(true));
    }

    /** A lifecycle step: the button, the consequence said in words, the "Yes", then the new state. */
    private static void step(Page page, String name, String consequence, String yes, String state) {
        button(page, name).click();
        assertThat(page.locator(".confirm")).containsText(consequence);
        button(page, yes).click();
        page.locator(".state", new Page.LocatorOptions().setHasText("Now: " + state)).waitFor();
        Portal.ready(page);
    }


    @Test
    void theBoardDraftsAWeightedPollAndTheReturningOfficerTakesItToPublishedWhileAScrutineerOnlyReads() {
        long staff = fixtures.constituency("Motion staff");
        long patients = fixtures.constituency("Motion patients");
        String staffName = name(staff);
        String patientsName = name(patients);
        fixtures.activeMember("voter1", staff);
        long holder = fixtures.activeMember("voter2", patients);
        fixtures.activeMember("voter3", patients);
        String title = "Rules meeting " + System.nanoTime();

        // The board drafts: a special resolution weighted half and half, with a quorum share; a second motion needs staff consent.
        Page bob = portal.phone("en-GB");
        Portal.logIn(bob, "bob");
        go(bob, "/board/motions");
        bob.getByText("Draft a new poll").click();
        Locator form = bob.locator("details.new-poll form");
        label(form, "Title of the poll").fill(title);
        form.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName(staffName)).check();
        form.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName(patientsName)).check();
        Locator first = group(form, "Motion 1");
        label(first, "Title").fill("Adopt the new rules");
        label(first, "Resolution").fill("That the society adopts the rules tabled.");
        label(first, "Needed to pass").selectOption("special");
        label(first, "At least this share of the roll").fill("50%");
        label(first, "Weighting").selectOption("shares");
        label(first, "Share of the vote for " + staffName).fill("1/2");
        label(first, "Share of the vote for " + patientsName).fill("40%");
        button(bob, "Add a motion").click();
        Locator second = group(form, "Motion 2");
        label(second, "Title").fill("Reappoint the auditors");
        label(second, "Resolution").fill("That the auditors are reappointed.");
        second.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName(staffName + " must also agree on its own")).check();
        button(bob, "Save draft").click();
        // Shares that do not add up to the whole: said beside the first motion's weights, in words, and nothing saved.
        Locator error = first.locator("[data-field='m0-weights'] > .field-error");
        error.waitFor();
        assertTrue(error.textContent().contains("add up to 1"), error.textContent());
        Locator weighting = label(first, "Weighting");
        assertThat(weighting).hasAttribute("aria-invalid", "true");
        assertThat(weighting).hasAttribute("aria-describedby", Pattern.compile(".*" + error.getAttribute("id") + ".*"));
        assertEquals(0, second.locator("[aria-invalid]").count(), "the second motion has nothing wrong");
        portal.check(bob, "board-motion-draft-error");
        label(first, "Share of the vote for " + patientsName).fill("50%");
        button(bob, "Save draft").click();
        arrive(bob, "/board/motions/\\d+");
        long id = Long.parseLong(bob.url().replaceAll(".*/", ""));
        assertThat(bob.locator(".preview section[data-motion='1'] .rule")).containsText("at least 75%");
        portal.check(bob, "board-motion-preview");
        Map<String, Object> drafted = as("bob").get("/api/motions/" + id).then().extract().path("motions[0]");
        assertEquals("special", drafted.get("threshold"));
        assertEquals("50/100", ((Map<?, ?>) drafted.get("quorum")).get("share"));
        assertEquals("shares", ((Map<?, ?>) drafted.get("weights")).get("kind"));
        List<Integer> consent = as("bob").get("/api/motions/" + id).then().extract().path("motions[1].consent");
        assertEquals(List.of((int) staff), consent);
        button(bob, "Publish notice to members").click();
        button(bob, "Yes, publish notice").click();
        bob.getByText("The motions as given notice of").waitFor();
        bob.context().close();

        // A patient appoints a proxy while notice stands.
        as("voter3").body(Map.of("holderMembershipNumber", holder, "kind", "discretionary")).post("/api/motions/" + id + "/proxy")
                .then().statusCode(201);

        // The returning officer: a timetable out of order is refused beside its field; then open, close, count, publish.
        Page alice = portal.phone("en-GB");
        Portal.logIn(alice, "alice");
        go(alice, "/admin/motions");
        portal.check(alice, "admin-motions");
        link(alice, title).click();
        arrive(alice, "/admin/motions/\\d+");
        assertEquals(title, Portal.heading(alice).textContent());
        label(alice.locator("main"), "Voting opens").fill("2031-05-02T10:00");
        label(alice.locator("main"), "Voting closes").fill("2031-05-01T10:00");
        button(alice, "Save the timetable").click();
        Locator closes = alice.locator("[data-field='votingCloseAt'] .field-error");
        closes.waitFor();
        assertEquals("Voting closes: must be after the time voting opens", closes.textContent());
        assertThat(label(alice.locator("main"), "Voting closes")).hasAttribute("aria-invalid", "true");
        assertEquals(1, alice.locator("tr[data-proxy]").count(), "the proxy appointment is listed");
        portal.check(alice, "admin-motion-notice");
        step(alice, "Open voting", "proxies can no longer be appointed or revoked", "Yes, open voting", "Voting open");
        MotionTestSteps.vote("voter1", id, FOR, FOR);
        MotionTestSteps.vote("voter2", id, FOR, AGAINST);
        long appointment = as("voter2").get("/api/motions/" + id + "/proxy").then().extract().jsonPath().getLong("held[0].id");
        as("voter2").body(Map.of("choices", List.of(AGAINST, FOR))).post("/api/motions/" + id + "/proxies/" + appointment + "/ballot")
                .then().statusCode(201);
        alice.reload(); // the page as it is now, with the votes in
        Portal.ready(alice);
        assertThat(alice.locator(".turnout")).hasText("So far 3 of 3 have voted (100%).");
        assertThat(alice.locator("tr[data-proxy]")).containsText("Cast by the proxy");
        portal.check(alice, "admin-motion-open");
        step(alice, "Close voting", "The directions of directed proxies are deleted", "Yes, close voting", "Voting closed");
        step(alice, "Count the votes", "Each of the 2 motions is decided now by its own rule", "Yes, count", "Counted");
        // Staff 1 for of 1 (100%), patients 1 for 1 against (50%), weighted half and half: 75%, a special resolution carried.
        assertThat(alice.locator(".motion-result[data-motion='1'] .reason")).containsText("Carried: ");
        assertThat(alice.locator(".motion-result[data-motion='2'] .reason")).containsText("Carried: ");
        portal.check(alice, "admin-motion-counted");
        step(alice, "Publish the result", "This cannot be undone.", "Yes, publish", "Result published");
        assertEquals(0, alice.getByText("Next step").count(), "nothing is left to do");
        alice.context().close();

        // The scrutineer reads the same page with no step to take, and recounts in one click.
        Page sam = portal.phone("en-GB");
        Portal.logIn(sam, "sam");
        go(sam, "/scrutineer/motions");
        portal.check(sam, "scrutineer-motions");
        link(sam, title).click();
        arrive(sam, "/scrutineer/motions/\\d+");
        assertEquals(0, sam.getByText("Next step").count());
        assertEquals(0, sam.locator("form").count(), "scrutineers have no form to send");
        // Besides the seal's copy buttons (which change nothing), recounting is all a scrutineer can do here.
        assertEquals(List.of("Recount now"), sam.locator("main button:not(.copy)").allTextContents());
        assertThat(sam.locator("tr[data-proxy]")).containsText("Test voter3");
        button(sam, "Recount now").click();
        assertThat(sam.locator("#recount-answer")).containsText("✔ The recount of 3 ballots gives exactly the stored result.");
        portal.check(sam, "scrutineer-motion-recount");
        sam.context().close();

        // The same page in Welsh, for someone with every role.
        Page olivia = portal.phone("cy-GB");
        Portal.logIn(olivia, "olivia");
        go(olivia, "/scrutineer/motions/" + id);
        assertThat(olivia.locator("#poll-state")).hasText("Nawr: Canlyniad wedi'i gyhoeddi");
        button(olivia, "Ailgyfrif nawr").click();
        assertThat(olivia.locator("#recount-answer")).containsText("Mae ailgyfrif 3 o bapurau yn rhoi'r union ganlyniad a gadwyd.");
        portal.check(olivia, "cy-scrutineer-motion");
        olivia.context().close();
    }

    @Test
    void theBoardDraftsAndChangesASurplusVoteAndTheReturningOfficerRunsItWhileAScrutineerRecounts() {
        long home = fixtures.constituency("Surplus desk");
        fixtures.activeMember("voter1", home);
        fixtures.activeMember("voter2", home);
        String title = "Surplus " + System.nanoTime();

        Page bob = portal.phone("en-GB");
        Portal.logIn(bob, "bob");
        go(bob, "/board/surplus");
        bob.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill(title);
        bob.getByLabel("Who votes (constituency)").selectOption(String.valueOf(home));
        bob.getByLabel("Surplus to share, in pounds").fill("1000");
        bob.getByLabel("How splits are combined").selectOption("mean");
        button(bob, "Save the draft").click();
        arrive(bob, "/board/surplus/\\d+");
        long id = Long.parseLong(bob.url().replaceAll(".*/", ""));
        assertEquals(title, Portal.heading(bob).textContent());
        // The draft can still change: the board corrects the amount.
        bob.getByText("Change the draft").click();
        bob.getByLabel("Surplus to share, in pounds").fill("1200.50");
        button(bob, "Save the changes").click();
        bob.locator("dd", new Page.LocatorOptions().setHasText("£1,200.50")).waitFor();
        Portal.ready(bob);
        assertThat(bob.locator("ul.pots-asked")).containsText("Staff dividend (member dividend)");
        portal.check(bob, "board-surplus-draft");
        bob.context().close();

        Page alice = portal.phone("en-GB");
        Portal.logIn(alice, "alice");
        go(alice, "/admin/surplus");
        // The list is the officials' one table, as for polls of motions: the steps are on each vote's own page.
        assertThat(alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open voting"))).hasCount(0);
        portal.check(alice, "admin-surplus-list");
        link(alice, title).click();
        arrive(alice, "/admin/surplus/\\d+");
        portal.check(alice, "admin-surplus-draft");
        step(alice, "Open voting", "the surplus of £1,200.50, the pots, the limits and the proposals can no longer change",
                "Yes, open voting", "Voting open");
        as("voter1").body(Map.of("percents", List.of(60, 30, 10))).post("/api/surplus/" + id + "/ballots").then().statusCode(201);
        as("voter2").body(Map.of("percents", List.of(40, 40, 20))).post("/api/surplus/" + id + "/ballots").then().statusCode(201);
        step(alice, "Close voting", "nobody else can vote", "Yes, close voting", "Voting closed");
        step(alice, "Count the votes", "shared among the pots to the penny", "Yes, count", "Counted");
        // The mean: 50%, 35%, 15% of £1,200.50 is £600.25, £420.17 (420.175), £180.08 (180.075); the odd penny by the seed.
        assertThat(alice.locator("#pots li[data-pot='1']")).containsText("£600.25");
        portal.check(alice, "admin-surplus-counted");
        step(alice, "Publish the result", "This cannot be undone.", "Yes, publish", "Result published");
        assertThat(alice.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Share out a dividend"))).isVisible();
        alice.context().close();

        Page sam = portal.phone("en-GB");
        Portal.logIn(sam, "sam");
        go(sam, "/scrutineer/surplus");
        portal.check(sam, "scrutineer-surplus");
        link(sam, title).click();
        arrive(sam, "/scrutineer/surplus/\\d+");
        // Besides the seal's copy buttons (which change nothing), recounting is all a scrutineer can do here.
        assertEquals(List.of("Recount now"), sam.locator("main button:not(.copy)").allTextContents());
        button(sam, "Recount now").click();
        assertThat(sam.locator("#recount-answer")).containsText("✔ The recount of 2 ballots gives exactly the stored result.");
        assertThat(sam.locator("#recount-answer")).containsText("Reinvestment: £600.25");
        portal.check(sam, "scrutineer-surplus-recount");
        sam.context().close();
    }
}
