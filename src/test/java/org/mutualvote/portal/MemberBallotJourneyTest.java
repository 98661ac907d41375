package org.mutualvote.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mutualvote.support.Portal.button;
import static org.mutualvote.support.Portal.focused;
import static org.mutualvote.support.Portal.go;
import static org.mutualvote.support.Portal.press;

import java.util.List;
import java.util.regex.Pattern;


import org.junit.jupiter.api.Test;
import org.mutualvote.election.ElectionTestSteps;
import org.mutualvote.support.BrowserJourney;
import org.mutualvote.support.Portal;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A member on a phone votes in an STV election by keyboard alone (focus and keys, no clicks), reviews the
 * ballot, keeps the receipt, and after the count checks it by the short code and reads the chart; then
 * the same in Welsh. Every page passes {@link Portal#check}.
 */
@QuarkusTest
class MemberBallotJourneyTest extends BrowserJourney {

    /** An STV election for 2 seats with four candidates and three other voters' ballots, open. */
    private long election(long home) {
        long id = ElectionTestSteps.create(home, 2, "stv", "scotland");
        long dev = ElectionTestSteps.nominate(id, "Dev Sharma");
        long margaret = ElectionTestSteps.nominate(id, "Margaret Ellison");
        long olu = ElectionTestSteps.nominate(id, "Olu Adebayo");
        long rhys = ElectionTestSteps.nominate(id, "Rhys Pritchard");
        for (String v : List.of("voter1", "voter2", "voter3")) {
            fixtures.activeMember(v, home);
        }
        ElectionTestSteps.move(id, "open");
        ElectionTestSteps.cast("voter1", id, List.of(dev, olu));
        ElectionTestSteps.cast("voter2", id, List.of(margaret, rhys, dev));
        ElectionTestSteps.cast("voter3", id, List.of(olu, dev));
        return id;
    }

    @Test
    void memberVotesByKeyboardKeepsTheReceiptAndChecksItByShortCode() {
        long home = fixtures.constituency("Journey");
        fixtures.activeMember("voter5", home);
        long id = election(home);
        String title = ElectionTestSteps.as("alice").get("/api/elections/" + id).then().extract().path("title");

        Page page = portal.phone("en-GB");
        Portal.logIn(page, "voter5");
        go(page, "/member/votes");
        assertEquals("Open votes", Portal.heading(page).textContent());
        portal.check(page, "member-votes");

        press(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vote: " + title)), "Enter");
        Portal.ready(page);
        assertTrue(page.url().endsWith("#/member/votes/" + id), page.url());
        assertTrue(page.getByText("There are 2 seats to fill.").isVisible());
        portal.check(page, "member-ballot");

        press(button(page, "Make Margaret Ellison your choice 1"), " ");
        press(button(page, "Make Dev Sharma your choice 2"), " ");
        assertEquals("Dev Sharma is your choice 2. Press to remove.", page.evaluate("() => document.activeElement.getAttribute('aria-label')"));
        press(button(page, "Move Dev Sharma up"), "Enter");
        assertEquals(List.of("Dev Sharma", "Margaret Ellison"), page.locator("#ranking .name").allTextContents());
        assertTrue(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dev Sharma is your choice 1. Press to remove."))
                .getAttribute("aria-pressed").equals("true"));
        portal.check(page, "member-ballot-ranked");

        press(button(page, "Review my vote"), "Enter");
        assertEquals("Check your vote", focused(page));
        assertTrue(page.getByText("You are voting: 1 Dev Sharma, 2 Margaret Ellison, for 2 seats.").isVisible());
        portal.check(page, "member-review");

        press(button(page, "Cast my vote"), "Enter");
        page.locator("#receipt").waitFor();
        assertEquals("Your vote is in", focused(page));
        String code = page.locator("#receipt-code").textContent();
        assertTrue(code.matches("[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}"), code);
        portal.check(page, "member-receipt");

        // The receipt is kept on this device: after a reload it is still there.
        page.reload();
        go(page, "/member/receipts");
        assertTrue(page.getByText(code).isVisible());
        portal.check(page, "member-receipts");

        ElectionTestSteps.move(id, "close");
        ElectionTestSteps.move(id, "count");
        ElectionTestSteps.move(id, "publish");

        go(page, "/member/results/" + id);
        Locator input = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Your receipt code"));
        assertEquals(code, input.inputValue(), "the kept receipt fills the check");
        press(button(page, "Check"), "Enter");
        page.getByText("Your ballot is on the bulletin board and was counted.").waitFor();
        assertEquals(List.of("Dev Sharma", "Margaret Ellison"), page.locator("#check-answer ol li").allTextContents());

        Locator result = page.locator("#result");
        assertTrue(result.getByRole(AriaRole.LIST).first().textContent().length() > 0);
        Locator chart = page.getByRole(AriaRole.FIGURE);
        assertTrue(chart.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName(Pattern.compile("^Stage 1"))).isVisible());
        assertTrue(chart.locator(".gain").count() > 0 || chart.locator(".stage").count() == 1, "transfers are drawn on the bars");
        String words = result.innerText();
        assertFalse(words.contains("ni85") || words.toLowerCase().contains("seed") || words.matches("(?s).*\\d\\.\\d{5}.*"),
                "the result is in plain words until the count sheet is opened: " + words);
        page.getByText("The full count sheet").click();
        assertTrue(page.getByRole(AriaRole.TABLE).isVisible());
        portal.check(page, "member-result");

        go(page, "/member/bulletin/" + id);
        assertTrue(page.getByText(code).isVisible());
        portal.check(page, "member-bulletin");
        page.context().close();
    }

    @Test
    void theSameVoteInWelsh() {
        long home = fixtures.constituency("Taith");
        fixtures.activeMember("voter4", home);
        long id = election(home);
        String title = ElectionTestSteps.as("alice").get("/api/elections/" + id).then().extract().path("title");

        Page page = portal.phone("cy-GB");
        Portal.logIn(page, "voter4");
        go(page, "/member/votes");
        assertEquals("cy", page.evaluate("() => document.documentElement.lang"));
        assertEquals("Pleidleisiau agored", Portal.heading(page).textContent());
        portal.check(page, "cy-member-votes");
        press(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pleidleisio: " + title)), "Enter");
        Portal.ready(page);
        assertTrue(page.getByText("Mae 2 sedd i'w llenwi.").isVisible());
        press(button(page, "Gwneud Olu Adebayo yn ddewis 1 i chi"), " ");
        press(button(page, "Adolygu fy mhleidlais"), "Enter");
        assertTrue(page.getByText("Rydych yn pleidleisio: 1 Olu Adebayo, am 2 sedd.").isVisible());
        portal.check(page, "cy-member-review");
        press(button(page, "Bwrw fy mhleidlais"), "Enter");
        page.locator("#receipt").waitFor();
        assertEquals("Mae eich pleidlais i mewn", focused(page));
        String code = page.locator("#receipt-code").textContent();
        portal.check(page, "cy-member-receipt");

        ElectionTestSteps.move(id, "close");
        ElectionTestSteps.move(id, "count");
        ElectionTestSteps.move(id, "publish");
        go(page, "/member/results/" + id);
        Locator input = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Eich cod derbynneb"));
        input.fill(code.toLowerCase().replace("-", ""));
        press(button(page, "Gwirio"), "Enter");
        page.getByText("Mae eich papur pleidleisio ar y bwrdd bwletin ac wedi'i gyfrif.").waitFor();
        assertTrue(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^Cam 1"))).isVisible());
        portal.check(page, "cy-member-result");
        page.context().close();
    }

    @Test
    void aNewcomerSignsUpAndEachMistakeIsSaidOnceBesideItsField() {
        String district = "ZQ" + (10 + new java.util.Random().nextInt(90));
        ElectionTestSteps.as("alice").body(java.util.Map.of("kind", "public", "name", "Browser public " + district, "seats", 3,
                "areas", List.of(district))).post("/api/constituencies").then().statusCode(201);
        Page page = portal.phone("en-GB");
        Portal.logInAsNew(page, "applicant" + System.nanoTime(), "member");
        assertTrue(page.url().endsWith("#/member"), page.url());
        assertEquals("Your membership", Portal.heading(page).textContent());
        portal.check(page, "member-sign-up");

        page.getByLabel("Postcode").fill(district + " 1AA");
        button(page, "Apply").click();
        page.getByText("Date of birth: this is needed").waitFor();
        Locator born = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Date of birth"));
        assertTrue(describedBy(born).contains("Date of birth: this is needed"), describedBy(born));
        assertEquals("true", born.getAttribute("aria-invalid"));
        assertFalse(page.locator("main").innerText().contains("dateOfBirth"), "no raw field names");
        assertEquals(1, page.getByText("Date of birth: this is needed").count(), "each mistake is said once");
        assertTrue(page.getByText("you must agree to the membership terms").isVisible());
        assertEquals("true", page.getByLabel("I agree to the membership terms").getAttribute("aria-invalid"));
        assertEquals(true, born.getByLabel("Day").evaluate("(el) => el === document.activeElement"), "the first mistake has focus");
        portal.check(page, "member-sign-up-mistakes");

        // A date that is not real (31 February) is one mistake, said once for the group, not three.
        fillDate(born, List.of("Day", "Month", "Year"), "31", "2", "1990");
        page.getByLabel("I agree to the membership terms").check();
        button(page, "Apply").click();
        String notReal = "Date of birth: this is not a real date: give the day, the month and the year in numbers, for example 27 3 1955";
        page.getByText(notReal).waitFor();
        assertEquals(1, page.getByText(notReal).count());
        assertTrue(describedBy(born).contains(notReal), describedBy(born));
        assertEquals("true", born.getAttribute("aria-invalid"));
        assertEquals(List.of("true", "true", "true"), born.locator("input").evaluateAll("(all) => all.map((i) => i.getAttribute('aria-invalid'))"));
        portal.check(page, "member-sign-up-not-a-real-date");

        born.getByLabel("Day").fill("1");
        button(page, "Apply").click();
        page.getByText("You are a member and can vote.").waitFor();
        assertTrue(page.getByText("Browser public " + district).isVisible());
        assertTrue(page.locator("#member-details").innerText().contains("1 February 1990"), "the API got 1990-02-01");
        portal.check(page, "member-details");
        // Changing details shows the date of birth back in the same three fields.
        go(page, "/member/edit");
        Locator again = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Date of birth"));
        assertEquals(List.of("1", "2", "1990"), again.locator("input").evaluateAll("(all) => all.map((i) => i.value)"));
        portal.check(page, "member-edit");
        go(page, "/member");

        // Leaving says what it means first; a lapsed member can rejoin.
        button(page, "Leave").click();
        assertTrue(page.getByText("If you leave, you will no longer vote.").isVisible());
        button(page, "Yes, leave").click();
        page.getByText("Your membership has lapsed. You can rejoin.").waitFor();
        portal.check(page, "member-lapsed");
        button(page, "Rejoin").click();
        button(page, "Yes, rejoin").click();
        page.getByText("You are a member and can vote.").waitFor();
        page.context().close();
    }

    @Test
    void theLandingPageNamesTheOrganisationSaysWhatItIsForAndWhereToGetHelp() {
        Page page = portal.phone("en-GB");
        go(page, "/");
        assertEquals("Example Community Health NHS Foundation Trust", Portal.heading(page).textContent());
        assertTrue(page.getByText("elect governors and board members").isVisible());
        assertTrue(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("membership@example.org")).first().isVisible());
        assertTrue(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in to take part")).isVisible());
        portal.check(page, "landing");
        // The language can be switched, and the choice is kept.
        page.waitForNavigation(() -> button(page, "Cymraeg").click());
        Portal.ready(page);
        assertTrue(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mewngofnodi i gymryd rhan")).isVisible());
        portal.check(page, "cy-landing");
        page.reload();
        Portal.ready(page);
        assertEquals("cy", page.evaluate("() => document.documentElement.lang"));
        page.context().close();
    }
}
