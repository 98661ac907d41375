package org.mutualvote.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mutualvote.election.ElectionTestSteps.as;
import static org.mutualvote.support.Portal.arrive;
import static org.mutualvote.support.Portal.button;
import static org.mutualvote.support.Portal.go;
import static org.mutualvote.support.Portal.link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;


import org.junit.jupiter.api.Test;
import org.mutualvote.election.ElectionTestSteps;
import org.mutualvote.support.BrowserJourney;
import org.mutualvote.support.Portal;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * An election's papers in the portal: the returning officer proposes the model rules' timetable from a close of
 * poll, sees a date that breaks an interval refused beside its field, and sets it; after the close records the
 * papers rejected by rule 46's reasons, enters a batch of paper ballots with its marked register and counts them
 * with the online ones; then reads the five documents. A scrutineer sees the same pages with nothing to set.
 */
@QuarkusTest
class ElectionPapersBrowserTest extends BrowserJourney {

    /** Three candidates for two seats; two paper ballots. */
    static final String PAPERS = "3 2\n1 1 3 0\n1 2 0\n0\n\"Ann\"\n\"Bo\"\n\"Cy\"\n\"Papers\"\n";

    private static Locator form(Page page, String name) {
        return page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName(name));
    }

    private static Locator label(Locator within, String text) {
        return within.getByLabel(text, new Locator.GetByLabelOptions().setExact(true));
    }


    @Test
    void theReturningOfficerSetsTheTimetableRecordsRejectedPapersCountsAPaperBatchAndReadsTheDocuments() throws IOException {
        long home = fixtures.constituency("Papers");
        for (String v : List.of("voter1", "voter2")) {
            fixtures.activeMember(v, home);
        }
        long postal1 = fixtures.activeMember("voter3", home);
        long postal2 = fixtures.activeMember("voter4", home);
        long id = ElectionTestSteps.create(home, 2, "stv", "ni85");
        long ann = ElectionTestSteps.nominate(id, "Ann");
        long bo = ElectionTestSteps.nominate(id, "Bo");
        long cy = ElectionTestSteps.nominate(id, "Cy");
        String title = as("alice").get("/api/elections/" + id).then().extract().path("title");

        Page alice = portal.phone("en-GB");
        Portal.logIn(alice, "alice");
        go(alice, "/admin/elections/" + id);
        link(alice, "Timetable").click();
        arrive(alice, "/admin/elections/\\d+/timetable");
        assertEquals("Timetable: " + title, Portal.heading(alice).textContent());
        assertThat(alice.locator("#no-timetable")).hasText("No timetable is set yet.");
        // Propose from a close of poll (a Thursday): every date is worked back from it.
        // Typed as a British official types a date, day first: the browser's field reads dd/mm/yyyy, as in Britain.
        Locator closeOfPoll = label(form(alice, "Propose the dates"), "Close of poll");
        closeOfPoll.focus();
        closeOfPoll.pressSequentially("13062030");
        assertThat(closeOfPoll).hasValue("2030-06-13");
        button(alice, "Propose the dates").click();
        Locator set = form(alice, "Set the dates");
        assertThat(set.getByRole(AriaRole.STATUS)).containsText("Proposed for a poll closing on 13 June 2030");
        assertThat(label(set, "Close of poll")).hasValue("2030-06-13");
        String notice = label(set, "Notice of election").inputValue();
        assertTrue(notice.compareTo("2030-06-13") < 0, notice);
        portal.check(alice, "admin-election-timetable-proposed");
        // The notice of poll the day before the close breaks its interval: refused beside that field, nothing set.
        label(set, "Notice of poll").fill("2030-06-12");
        button(alice, "Set this timetable").click();
        assertThat(alice.locator(".confirm")).containsText("The election will follow these dates by itself");
        button(alice, "Yes, set the timetable").click();
        Locator error = set.locator("[data-field='noticeOfPoll'] .field-error");
        error.waitFor();
        assertTrue(error.textContent().startsWith("Notice of poll: this must be on or before 23 May 2030"), error.textContent());
        assertThat(label(set, "Notice of poll")).hasAttribute("aria-invalid", "true");
        assertThat(label(set, "Notice of poll")).hasAttribute("aria-describedby", Pattern.compile(".*" + error.getAttribute("id")));
        as("alice").get("/api/elections/" + id + "/timetable").then().statusCode(404);
        portal.check(alice, "admin-election-timetable-refused");
        button(alice, "Propose the dates").click();
        assertThat(label(set, "Notice of poll")).not().hasValue("2030-06-12");
        button(alice, "Set this timetable").click();
        button(alice, "Yes, set the timetable").click();
        alice.locator("#timetable").waitFor();
        Portal.ready(alice);
        assertThat(alice.locator("#timetable")).containsText("13 June 2030");
        portal.check(alice, "admin-election-timetable-set");

        // Voting, by hand: two vote online, two are issued papers.
        ElectionTestSteps.move(id, "open");
        ElectionTestSteps.cast("voter1", id, List.of(ann, bo));
        ElectionTestSteps.cast("voter2", id, List.of(bo, cy));
        ElectionTestSteps.move(id, "close");

        // Rejected papers by rule 46's reasons: a negative number is refused beside its field.
        go(alice, "/admin/elections/" + id);
        link(alice, "Rejected papers").click();
        arrive(alice, "/admin/elections/\\d+/rejected");
        Locator record = form(alice, "Record the rejected papers");
        label(record, "(b) No first preference marked").fill("-1");
        button(alice, "Record these numbers").click();
        Locator negative = record.locator("[data-field='no-first-preference'] .field-error");
        assertThat(negative).hasText("(b) No first preference marked: must be a whole number, 0 or more");
        assertThat(label(record, "(b) No first preference marked")).hasAttribute("aria-invalid", "true");
        label(record, "(b) No first preference marked").fill("2");
        label(record, "(d) The voter can be identified").fill("1");
        button(alice, "Record these numbers").click();
        assertThat(alice.locator(".confirm")).containsText("3 papers will be shown as rejected");
        button(alice, "Yes, record them").click();
        alice.locator("#rejected caption", new Page.LocatorOptions().setHasText("3 papers rejected")).waitFor();
        Portal.ready(alice);
        assertThat(alice.locator("#rejected tr[data-reason='no-first-preference']")).containsText("2");
        portal.check(alice, "admin-election-rejected");

        // The paper batch with its marked register, then the count over online and paper ballots.
        go(alice, "/admin/elections/" + id);
        Path blt = Files.createTempFile("papers", ".blt");
        Files.writeString(blt, PAPERS);
        alice.getByLabel("BLT file").setInputFiles(blt);
        // A register one member short of the file's two ballots: refused whole, said in the portal's own words.
        alice.getByLabel("Marked register").fill(String.valueOf(postal1));
        button(alice, "Add the paper ballots").click();
        button(alice, "Yes, add them").click();
        assertThat(alice.locator("form .error")).containsText(
                "The file holds more ballots than there are members in the marked register (1). Each paper comes with the member it was issued to.");
        alice.getByLabel("Marked register").fill(postal1 + " " + postal2);
        portal.check(alice, "admin-election-paper-form");
        button(alice, "Add the paper ballots").click();
        assertThat(alice.locator(".confirm")).containsText("counted with the online ones");
        button(alice, "Yes, add them").click();
        alice.waitForURL(Pattern.compile(".*\\?at=\\d+"));
        Portal.ready(alice);
        assertEquals(0, alice.locator("form .error:not([hidden])").count(), "the batch is accepted");
        button(alice, "Count the votes").click();
        button(alice, "Yes, count").click();
        alice.locator("#election-state", new Page.LocatorOptions().setHasText("Now: Counted")).waitFor();
        Portal.ready(alice);
        assertThat(alice.locator("#result")).containsText("2 cast online and 2 on paper.");
        assertThat(alice.locator("#result")).containsText("4 ballots from 4 members who could vote");
        portal.check(alice, "admin-election-paper-counted");

        // The five documents, each as a page and a PDF; the declaration states the rejected papers.
        link(alice, "Documents").click();
        arrive(alice, "/admin/elections/\\d+/documents");
        assertThat(alice.locator("ul.documents > li")).hasCount(5);
        Locator declaration = link(alice, "Declaration of result (web page)");
        assertThat(declaration).hasAttribute("href", "/api/elections/" + id + "/documents/declaration.html");
        assertThat(link(alice, "Declaration of result (PDF)")).hasAttribute("href", "/api/elections/" + id + "/documents/declaration.pdf");
        portal.check(alice, "admin-election-documents");
        APIResponse page = alice.request().get("/api/elections/" + id + "/documents/declaration.html");
        assertEquals(200, page.status());
        assertTrue(page.text().contains("no first preference marked"), "the declaration lists the rejected papers");
        APIResponse pdf = alice.request().get("/api/elections/" + id + "/documents/notice-of-poll.pdf");
        assertEquals(200, pdf.status());
        assertTrue(new String(pdf.body(), 0, 5).startsWith("%PDF"));
        assertTrue(page.headers().get("content-security-policy").startsWith("default-src 'none'"), page.headers().toString());
        declaration.click();
        alice.waitForURL(Pattern.compile(".*/documents/declaration\\.html"));
        // The page opens in the browser with its own printable style (the portal's CSP would refuse it).
        assertEquals("collapse", alice.evaluate("() => getComputedStyle(document.querySelector('table')).borderCollapse"));
        alice.context().close();

        // The scrutineer: the same pages, nothing to set.
        Page sam = portal.phone("en-GB");
        Portal.logIn(sam, "sam");
        go(sam, "/scrutineer/elections/" + id + "/timetable");
        assertThat(sam.locator("#timetable")).containsText("13 June 2030");
        assertEquals(0, sam.locator("main form").count());
        portal.check(sam, "scrutineer-election-timetable");
        go(sam, "/scrutineer/elections/" + id + "/rejected");
        assertThat(sam.locator("#rejected tr.total")).containsText("3");
        assertEquals(0, sam.locator("main form").count());
        portal.check(sam, "scrutineer-election-rejected");
        go(sam, "/scrutineer/elections/" + id + "/documents");
        assertThat(sam.locator("ul.documents a")).hasCount(10);
        portal.check(sam, "scrutineer-election-documents");
        sam.context().close();

        // In Welsh: the documents page of a board member who has every role.
        Page olivia = portal.phone("cy-GB");
        Portal.logIn(olivia, "olivia");
        go(olivia, "/board/elections/" + id + "/documents");
        assertEquals("Dogfennau: " + title, Portal.heading(olivia).textContent());
        assertThat(link(olivia, "Datganiad o'r canlyniad (PDF)")).isVisible();
        portal.check(olivia, "cy-board-election-documents");
        olivia.context().close();
    }
}
