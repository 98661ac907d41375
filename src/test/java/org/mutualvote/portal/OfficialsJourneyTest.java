package org.mutualvote.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mutualvote.support.Portal.arrive;
import static org.mutualvote.support.Portal.button;
import static org.mutualvote.support.Portal.go;
import static org.mutualvote.support.Portal.link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
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
 * The returning officer does the whole job in the portal: a constituency, a member import (dry run row by
 * row, then the real one), an STV election from draft to published with every step confirmed, the audit
 * log verified. Then a scrutineer recounts it in one click, the board reads turnout, and a person with
 * every role switches between them. Every page passes {@link Portal#check}.
 */
@QuarkusTest
class OfficialsJourneyTest extends BrowserJourney {

    /** Takes a lifecycle step: the button, then the confirmation that says what it will do. */
    private static void step(Page page, String name, String consequence, String yes, String state) {
        button(page, name).click();
        assertTrue(page.getByText(consequence).isVisible(), consequence); // a substring of the confirmation
        button(page, yes).click();
        page.locator("#election-state", new Page.LocatorOptions().setHasText("Now: " + state)).waitFor();
        Portal.ready(page);
    }


    @Test
    void returningOfficerImportsMembersAndRunsAnElectionToPublishedThenAScrutineerRecounts() throws IOException {
        String ward = "ward" + (1000 + new Random().nextInt(9000));
        Page page = portal.phone("en-GB");
        Portal.logIn(page, "alice");
        assertTrue(page.url().contains("#/admin/"), "the returning officer lands on their own pages: " + page.url());

        // A staff constituency, made in the portal.
        go(page, "/admin/constituencies");
        portal.check(page, "admin-constituencies");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Staff " + ward);
        page.getByLabel("Kind").selectOption("staff");
        page.getByLabel("Seats").fill("2");
        page.getByLabel("Staff classes").fill(ward);
        button(page, "Create the constituency").click();
        arrive(page, "/admin/constituencies/\\d+");
        assertEquals("Staff " + ward, Portal.heading(page).textContent());
        long constituency = Long.parseLong(page.url().replaceAll(".*/", ""));
        portal.check(page, "admin-constituency");

        // Import: a file with a mistake is refused row by row, nothing written; the corrected file imports.
        Path bad = Files.createTempFile("members", ".csv");
        Files.writeString(bad, "name,email,date_of_birth,staff_class\n"
                + "Dev Sharma,dev." + ward + "@example.org,1970-04-02," + ward + "\n"
                + "Margaret Ellison,not-an-email,1950-11-30," + ward + "\n");
        go(page, "/admin/import");
        page.getByLabel("CSV file").setInputFiles(bad);
        button(page, "Check the file (nothing is written)").click();
        page.getByText("2 rows: 1 new members, 0 updated, 1 refused.").waitFor();
        Locator rows = page.locator("#import-report tbody tr");
        assertEquals(2, rows.count());
        assertTrue(rows.nth(1).textContent().contains("refuse the row"), rows.nth(1).textContent());
        assertTrue(page.getByText(Pattern.compile("1 row is refused")).isVisible());
        portal.check(page, "admin-import-refused");
        Files.writeString(bad, Files.readString(bad).replace("not-an-email", "margaret." + ward + "@example.org"));
        page.getByLabel("CSV file").setInputFiles(bad);
        button(page, "Check the file (nothing is written)").click();
        page.getByText("2 rows: 2 new members, 0 updated, 0 refused.").waitFor();
        portal.check(page, "admin-import-dry-run");
        button(page, "Import 2 rows").click();
        assertTrue(page.getByText("This adds 2 members and updates 0.", new Page.GetByTextOptions().setExact(false)).isVisible());
        button(page, "Yes, import").click();
        page.getByText("2 members added and 0 updated.").waitFor();

        go(page, "/admin/members?name=Ellison");
        assertTrue(link(page, "Margaret Ellison").isVisible());
        portal.check(page, "admin-members");
        link(page, "Margaret Ellison").click();
        arrive(page, "/admin/members/\\d+");
        portal.check(page, "admin-member");

        // An STV election for 2 seats, from draft to published.
        go(page, "/admin/elections");
        page.getByLabel("Title").fill("Staff governors " + ward);
        page.getByLabel("Constituency").selectOption(String.valueOf(constituency));
        page.getByLabel("Seats").fill("2");
        page.getByLabel("Voting method").selectOption("stv");
        portal.check(page, "admin-elections");
        button(page, "Create the election").click();
        arrive(page, "/admin/elections/\\d+");
        long election = Long.parseLong(page.url().replaceAll(".*/", "").replaceAll("\\?.*", ""));
        for (String name : List.of("Dev Sharma", "Margaret Ellison", "Olu Adebayo")) {
            page.getByLabel("Candidate's name").fill(name);
            page.getByLabel("Statement").fill("I will listen to staff on every ward.");
            button(page, "Add a candidate").click();
            page.locator(".candidates-admin h3", new Page.LocatorOptions().setHasText(name)).waitFor();
            Portal.ready(page);
        }
        assertEquals(3, page.locator(".candidates-admin > li").count());
        portal.check(page, "admin-election-draft");
        for (String v : List.of("voter1", "voter2", "voter3")) {
            fixtures.activeMember(v, constituency);
        }
        step(page, "Open voting", "The voter roll is frozen, the candidates (3) and seats (2) can no longer change", "Yes, open voting",
                "Voting open");
        List<Long> ids = ElectionTestSteps.as("alice").get("/api/elections/" + election).then().extract().jsonPath().getList("candidates.id", Long.class);
        ElectionTestSteps.cast("voter1", election, List.of(ids.get(0), ids.get(1)));
        ElectionTestSteps.cast("voter2", election, List.of(ids.get(1)));
        ElectionTestSteps.cast("voter3", election, List.of(ids.get(2), ids.get(0)));

        go(page, "/admin/turnout");
        assertTrue(page.getByText("3 of 5").first().isVisible(), "3 voters of a roll of 5: the 2 imported and the 3 who log in");
        portal.check(page, "admin-turnout");

        go(page, "/admin/elections/" + election);
        step(page, "Close voting", "nobody else can vote online", "Yes, close voting", "Voting closed");
        portal.check(page, "admin-election-closed");
        step(page, "Count the votes", "The count runs now", "Yes, count", "Counted");
        assertTrue(page.getByRole(AriaRole.FIGURE).isVisible());
        step(page, "Publish the result", "This cannot be undone.", "Yes, publish", "Result published");
        portal.check(page, "admin-election-published");

        go(page, "/admin/audit");
        page.getByText(Pattern.compile("The chain is intact")).waitFor();
        assertTrue(page.getByText("election.result").first().isVisible());
        portal.check(page, "admin-audit");
        page.context().close();

        // The scrutineer recounts in one click and reads the audit verification.
        Page sam = portal.phone("en-GB");
        Portal.logIn(sam, "sam");
        go(sam, "/scrutineer/elections/" + election);
        assertTrue(sam.getByText("Next step").count() == 0, "scrutineers only read");
        button(sam, "Recount now").click();
        sam.getByText("The recount of 3 ballots gives exactly the published result, stage by stage.").waitFor();
        portal.check(sam, "scrutineer-election-recount");
        go(sam, "/scrutineer/audit");
        sam.getByText(Pattern.compile("The chain is intact")).waitFor();
        // A head kept from the result is checked here; a forged one and a scrap of text are refused, each said why.
        Locator kept = sam.getByLabel("The head");
        kept.fill("the head I kept");
        button(sam, "Check this head").click();
        assertThat(sam.getByRole(AriaRole.ALERT)).hasText(Pattern.compile("This is not a head"));
        assertThat(kept).isFocused();
        String head = ElectionTestSteps.as("sam").get("/api/audit/head").then().statusCode(200).extract().asString();
        kept.fill(head.replaceFirst("\"seq\":(\\d+)", "\"seq\":1"));
        button(sam, "Check this head").click();
        assertThat(sam.getByRole(AriaRole.ALERT)).hasText(Pattern.compile("was not issued by this service"));
        kept.fill(head);
        button(sam, "Check this head").click();
        assertThat(sam.getByText(Pattern.compile("This service signed this head, and the log still holds entry \\d+ unchanged"))).isVisible();
        assertThat(sam.getByRole(AriaRole.ALERT)).isHidden();
        assertEquals("/api/audit/public-key", sam.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Download the public key that signs heads")).getAttribute("href"));
        portal.check(sam, "scrutineer-audit");
        go(sam, "/scrutineer/register");
        portal.check(sam, "scrutineer-register");
        sam.context().close();

        // The board reads turnout and results.
        Page bob = portal.phone("en-GB");
        Portal.logIn(bob, "bob");
        go(bob, "/board/turnout");
        portal.check(bob, "board-turnout");
        go(bob, "/board/elections/" + election);
        assertTrue(bob.getByRole(AriaRole.FIGURE).isVisible());
        portal.check(bob, "board-election");
        bob.context().close();

        // Someone with every role switches between them; the address says which role's page it is.
        Page olivia = portal.phone("cy-GB");
        Portal.logIn(olivia, "olivia");
        olivia.getByLabel("Yn gweithredu fel").selectOption("scrutineer");
        arrive(olivia, "/scrutineer/.*");
        assertTrue(olivia.url().contains("#/scrutineer/"), olivia.url());
        portal.check(olivia, "cy-scrutineer-home");
        olivia.getByLabel("Yn gweithredu fel").selectOption("admin");
        arrive(olivia, "/admin/.*");
        assertTrue(olivia.url().contains("#/admin/"), olivia.url());
        portal.check(olivia, "cy-admin-home");
        olivia.goBack();
        Portal.ready(olivia);
        assertTrue(olivia.url().contains("#/scrutineer/"), "Back returns to the page before: " + olivia.url());
        olivia.context().close();
    }
}
