package org.mutualvote.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mutualvote.support.Portal.button;
import static org.mutualvote.support.Portal.focused;
import static org.mutualvote.support.Portal.go;
import static org.mutualvote.support.Portal.link;
import static org.mutualvote.support.Portal.press;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;


import org.junit.jupiter.api.Test;
import org.mutualvote.election.ElectionTestSteps;
import org.mutualvote.motion.MotionTestSteps;
import org.mutualvote.support.BrowserJourney;
import org.mutualvote.support.Portal;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The member's whole journey in Welsh on a phone, by keyboard alone: the language chosen with the portal's own
 * switch, pages reached through the folded menu, a ranked vote reviewed and cast, the receipt kept, checked by its
 * short code after the close, and the result read with its seal (digest and audit head, copied). Then, in a browser
 * whose language is Welsh, a sign-up whose mistakes and whose refusal by the server are said in Welsh. Every page
 * passes {@link Portal#check}; accessible names are asserted in Welsh.
 */
@QuarkusTest
class WelshMemberJourneyTest extends BrowserJourney {

    static final List<String> MISOEDD = List.of("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst",
            "Medi", "Hydref", "Tachwedd", "Rhagfyr");

    /** Opens the folded menu by keyboard and follows one of its links. */
    private static void viaMenu(Page page, String name) {
        Locator menu = button(page, "Dewislen");
        assertEquals("false", menu.getAttribute("aria-expanded"), "on a phone the menu starts folded");
        assertFalse(link(page, name).isVisible(), "a folded menu hides its links");
        press(menu, "Enter");
        assertEquals("true", menu.getAttribute("aria-expanded"));
        press(link(page, name), "Enter");
        Portal.ready(page);
        assertEquals("false", menu.getAttribute("aria-expanded"), "following a link folds the menu again");
    }

    @Test
    void aMemberChoosesWelshVotesByKeyboardKeepsTheReceiptAndChecksTheSealedResult() {
        long home = fixtures.constituency("Cymraeg");
        fixtures.activeMember("voter9", home);
        long id = ElectionTestSteps.create(home, 2, "stv", "scotland");
        long dev = ElectionTestSteps.nominate(id, "Dev Sharma");
        long margaret = ElectionTestSteps.nominate(id, "Margaret Ellison");
        long olu = ElectionTestSteps.nominate(id, "Olu Adebayo");
        ElectionTestSteps.nominate(id, "Rhys Pritchard");
        for (String v : List.of("voter10", "voter11")) {
            fixtures.activeMember(v, home);
        }
        ElectionTestSteps.move(id, "open");
        ElectionTestSteps.cast("voter10", id, List.of(dev, olu));
        ElectionTestSteps.cast("voter11", id, List.of(margaret, dev));
        String title = ElectionTestSteps.as("alice").get("/api/elections/" + id).then().extract().path("title");

        // An English browser; the member chooses Cymraeg with the portal's own switch, and the choice stays.
        Page page = portal.phone("en-GB");
        Portal.logIn(page, "voter9");
        go(page, "/member/votes");
        assertEquals("Open votes", Portal.heading(page).textContent());
        Locator cymraeg = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cymraeg"));
        assertEquals("cy", cymraeg.getAttribute("lang"), "the language's own name is said in that language");
        page.waitForNavigation(() -> press(cymraeg, "Enter"));
        Portal.ready(page);
        assertEquals("cy", page.evaluate("() => document.documentElement.lang"));
        assertEquals("Pleidleisiau agored", Portal.heading(page).textContent());
        assertTrue(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Tudalennau")).isVisible());
        portal.check(page, "cy-switch-votes");

        press(link(page, "Pleidleisio: " + title), "Enter");
        Portal.ready(page);
        assertTrue(page.getByText("Mae 2 sedd i'w llenwi.").isVisible());
        press(button(page, "Gwneud Margaret Ellison yn ddewis 1 i chi"), " ");
        press(button(page, "Gwneud Dev Sharma yn ddewis 2 i chi"), " ");
        assertEquals("Dev Sharma yw eich dewis 2. Pwyswch i'w dynnu.", page.evaluate("() => document.activeElement.getAttribute('aria-label')"));
        press(button(page, "Symud Dev Sharma i fyny"), "Enter");
        assertEquals(List.of("Dev Sharma", "Margaret Ellison"), page.locator("#ranking .name").allTextContents());
        portal.check(page, "cy-switch-ballot");

        press(button(page, "Adolygu fy mhleidlais"), "Enter");
        assertEquals("Gwiriwch eich pleidlais", focused(page));
        assertTrue(page.getByText("Rydych yn pleidleisio: 1 Dev Sharma, 2 Margaret Ellison, am 2 sedd.").isVisible());
        press(button(page, "Bwrw fy mhleidlais"), "Enter");
        page.locator("#receipt").waitFor();
        assertEquals("Mae eich pleidlais i mewn", focused(page));
        String code = page.locator("#receipt-code").textContent();
        press(button(page, "Copïo"), "Enter");
        page.getByText("Wedi copïo'r dderbynneb.").waitFor();
        assertTrue(((String) page.evaluate("() => navigator.clipboard.readText()")).contains("Cod derbynneb: " + code));
        portal.check(page, "cy-switch-receipt");

        // The receipt is kept on the device, and the menu reaches it.
        page.reload();
        Portal.ready(page);
        viaMenu(page, "Fy nerbynebau");
        assertEquals("Eich derbynebau", Portal.heading(page).textContent());
        assertTrue(page.getByText(code).isVisible());
        portal.check(page, "cy-switch-receipts");

        ElectionTestSteps.move(id, "close");
        ElectionTestSteps.move(id, "count");
        ElectionTestSteps.move(id, "publish");

        viaMenu(page, "Canlyniadau");
        press(link(page, title), "Enter");
        Portal.ready(page);
        Locator input = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Eich cod derbynneb"));
        assertEquals(code, input.inputValue(), "the kept receipt fills the check");
        press(button(page, "Gwirio"), "Enter");
        page.getByText("Mae eich papur pleidleisio ar y bwrdd bwletin ac wedi'i gyfrif.").waitFor();
        assertEquals(List.of("Dev Sharma", "Margaret Ellison"), page.locator("#check-answer ol li").allTextContents());

        // The result in Welsh words and dates, the chart's stages by name.
        Locator result = page.locator("#result");
        assertTrue(result.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Wedi'u hethol (2)")).isVisible());
        assertTrue(page.getByRole(AriaRole.FIGURE).getByRole(AriaRole.HEADING,
                new Locator.GetByRoleOptions().setName(Pattern.compile("^Cam 1"))).isVisible());
        LocalDate today = LocalDate.now();
        assertTrue(result.innerText().contains("Cyhoeddwyd ar " + today.getDayOfMonth() + " " + MISOEDD.get(today.getMonthValue() - 1)
                + " " + today.getYear()), "the date in Welsh words: " + result.innerText());

        // The seal: the digest fixed at close and the audit head, each copied whole.
        Locator seal = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Sut y gellir gwirio'r canlyniad hwn"));
        assertTrue(seal.isVisible());
        assertTrue(seal.innerText().contains("Ôl bys y 3 papur pleidleisio a seliwyd"), seal.innerText());
        String digest = ElectionTestSteps.as("voter9").get("/api/elections/" + id + "/result").then().extract().path("ballotDigest");
        press(seal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copïo'r crynhoad")), "Enter");
        seal.getByText("Wedi copïo.").waitFor();
        assertEquals(digest, page.evaluate("() => navigator.clipboard.readText()"));
        press(seal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copïo pen y log")), "Enter");
        String head = (String) page.evaluate("() => navigator.clipboard.readText()");
        assertTrue(head.matches("\\{\"seq\":\\d+,\"hash\":\"[0-9a-f]{64}\",\"at\":\"[^\"]+\",\"keyId\":\"[0-9a-f]{16}\","
                + "\"signature\":\"[A-Za-z0-9+/]{86}==\"}"), head);
        // Beside it, the public key that checks the head's signature without the service.
        assertEquals("/api/audit/public-key", seal.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Lawrlwytho'r allwedd gyhoeddus sy'n ei lofnodi")).getAttribute("href"));
        // The head copied is one the scrutineer's verify endpoint accepts as issued by this service.
        ElectionTestSteps.as("sam").body(head).post("/api/audit/verify").then().statusCode(200);
        // The ballots to recount are a link to the file, not its address as text.
        assertEquals("/api/elections/" + id + "/bulletin.blt", page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Lawrlwytho pob papur pleidleisio i'w ailgyfrif (ffeil BLT)")).getAttribute("href"));
        assertFalse(page.locator("main").innerText().contains("bulletin.blt"), "no address shown as text");
        portal.check(page, "cy-switch-result");

        // The bulletin board shows the same seal; a page that does not exist says so in Welsh, with the server's English marked.
        go(page, "/member/bulletin/" + id);
        assertTrue(page.getByText(code).isVisible());
        assertTrue(page.getByText(digest).isVisible());
        portal.check(page, "cy-switch-bulletin");
        go(page, "/member/bulletin/999999999");
        Locator alert = page.getByRole(AriaRole.ALERT);
        assertTrue(alert.innerText().startsWith("Heb ddod o hyd iddo."), alert.innerText());
        assertEquals("en", alert.locator("[lang]").first().getAttribute("lang"));
        page.context().close();
    }

    @Test
    void motionAndSurplusResultsAreReadInWelshWordsMoneyAndPercentages() {
        long home = fixtures.constituency("Canlyniadau");
        fixtures.activeMember("voter9", home);
        long poll = MotionTestSteps.open(List.of(home), List.of(MotionTestSteps.motion("Adopt the accounts", "ordinary")));
        MotionTestSteps.vote("voter9", poll, MotionTestSteps.FOR);
        MotionTestSteps.declare(poll);
        long surplus = ElectionTestSteps.as("bob").body(Map.of("title", "Gwarged 2026", "constituencyId", home, "surplusPence", 123_456_78,
                "form", "split", "rule", "mean", "limits", Map.of("reserveMinimum", 20),
                "pots", List.of(Map.of("name", "Ailfuddsoddi", "kind", "reserve"), Map.of("name", "Difidend staff", "kind", "member_dividend"),
                        Map.of("name", "Cronfa gymunedol", "kind", "other"))))
                .post("/api/surplus").then().statusCode(201).extract().jsonPath().getLong("id");
        ElectionTestSteps.as("alice").post("/api/surplus/" + surplus + "/open").then().statusCode(200);
        ElectionTestSteps.as("voter9").body(Map.of("percents", List.of(60, 31, 9))).post("/api/surplus/" + surplus + "/ballots")
                .then().statusCode(201);
        for (String step : List.of("close", "count", "publish")) {
            ElectionTestSteps.as("alice").post("/api/surplus/" + surplus + "/" + step).then().statusCode(200);
        }

        Page page = portal.phone("cy-GB");
        Portal.logIn(page, "voter9");
        go(page, "/member/motions/" + poll);
        Locator result = page.locator("[data-motion='1']").last();
        assertTrue(result.getByText("Wedi'i basio: 100.0% o blaid, roedd angen mwy na hanner.").isVisible(), result.innerText());
        assertTrue(result.getByText("Penderfynir gan: mwy na hanner o'r cyfanswm: pleidleisiau o blaid ac yn erbyn").isVisible(),
                result.innerText());
        assertFalse(page.locator("main").innerText().contains("carried"), "the count's English sentence is not shown");
        assertTrue(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Sut y gellir gwirio'r canlyniad hwn")).isVisible());
        portal.check(page, "cy-motion-result");

        go(page, "/member/surplus/" + surplus);
        assertTrue(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sut mae'r gwarged o £123,456.78 yn cael ei rannu"))
                .isVisible());
        assertTrue(page.locator("#pots li[data-pot='2']").innerText().contains("£38,271.60"), page.locator("#pots").innerText());
        assertTrue(page.locator("#pots li[data-pot='2']").innerText().contains("(31%)"), page.locator("#pots").innerText());
        assertTrue(page.getByText("Ôl bys yr 1 papur pleidleisio a seliwyd pan gaeodd y pleidleisio.", new Page.GetByTextOptions()
                .setExact(false)).isVisible());
        portal.check(page, "cy-surplus-result");
        page.context().close();
    }

    @Test
    void aWelshBrowsersSignUpMistakesAndRefusalAreSaidInWelshBesideTheirFields() {
        String district = "CF" + (10 + new Random().nextInt(80));
        ElectionTestSteps.as("alice").body(Map.of("kind", "public", "name", "Cyhoeddus " + district, "seats", 3,
                "areas", List.of(district))).post("/api/constituencies").then().statusCode(201);
        long other = fixtures.activeMember("voter12", fixtures.constituency("Arall"));
        String taken = ElectionTestSteps.as("alice").get("/api/members/" + other).then().extract().path("email");

        Page page = portal.phone("cy-GB");
        Portal.logInAsNew(page, "ymgeisydd" + System.nanoTime(), "member");
        assertEquals("Eich aelodaeth", Portal.heading(page).textContent());
        page.getByLabel("Cod post").fill(district + " 1AA");
        press(button(page, "Gwneud cais"), "Enter");
        page.getByText("Dyddiad geni: mae angen hwn").waitFor();
        Locator born = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Dyddiad geni"));
        assertEquals("true", born.getAttribute("aria-invalid"));
        String said = describedBy(born);
        assertTrue(said.contains("Dyddiad geni: mae angen hwn"), said);
        assertTrue(said.contains("Er enghraifft, 27 3 1955."), "the hint is said with the group: " + said);
        assertEquals(1, page.getByText("Dyddiad geni: mae angen hwn").count(), "each mistake is said once");
        assertTrue(page.getByText("rhaid i chi gytuno i delerau'r aelodaeth").isVisible());
        assertEquals("true", page.getByLabel("Rwy'n cytuno i delerau'r aelodaeth").getAttribute("aria-invalid"));
        String words = page.locator("main").innerText();
        assertFalse(words.contains("must") || words.contains("dateOfBirth") || words.contains("consent"), words);
        assertEquals(true, born.getByLabel("Diwrnod").evaluate("(el) => el === document.activeElement"), "the first mistake has focus");
        portal.check(page, "cy-sign-up-mistakes");

        // 31 Chwefror is no date: one message in Welsh for the group.
        fillDate(born, List.of("Diwrnod", "Mis", "Blwyddyn"), "31", "02", "1990");
        press(button(page, "Gwneud cais"), "Enter");
        String notReal = "Dyddiad geni: nid yw hwn yn ddyddiad go iawn: rhowch y diwrnod, y mis a'r flwyddyn mewn rhifau, er enghraifft 27 3 1955";
        page.getByText(notReal).waitFor();
        assertEquals(1, page.getByText(notReal).count());
        assertTrue(describedBy(born).contains(notReal), describedBy(born));
        assertEquals("true", born.getAttribute("aria-invalid"));
        assertEquals(0, page.locator("main [lang='en']").count(), "the portal's own message is Welsh, not marked as English");
        portal.check(page, "cy-sign-up-not-a-real-date");

        // The server refuses an email another member uses: said in Welsh from the problem's code, not its English detail.
        page.getByLabel("Enw llawn").fill("Siân Prys");
        page.getByLabel("E-bost").fill(taken);
        fillDate(born, List.of("Diwrnod", "Mis", "Blwyddyn"), "18", "3", "1980");
        page.getByLabel("Rwy'n cytuno i delerau'r aelodaeth").check();
        press(button(page, "Gwneud cais"), "Enter");
        page.getByText("Mae aelod arall eisoes yn defnyddio'r cyfeiriad e-bost hwn.").waitFor();
        assertFalse(page.locator("main").innerText().contains("already used"), "the English detail is not shown for a known code");
        portal.check(page, "cy-sign-up-refused");

        page.getByLabel("E-bost").fill("sian." + System.nanoTime() + "@example.org");
        press(button(page, "Gwneud cais"), "Enter");
        page.getByText("Rydych yn aelod a gallwch bleidleisio.").waitFor();
        // The date of birth in Welsh words.
        assertTrue(page.locator("#member-details").innerText().contains("18 Mawrth 1980"), page.locator("#member-details").innerText());
        portal.check(page, "cy-member-details");
        page.context().close();
    }
    /** The first page of each role, where its menu is shown. */
    static final Map<String, String> ROLE_HOMES = Map.of("member", "/member/votes", "board", "/board/motions", "admin",
            "/admin/constituencies", "scrutineer", "/scrutineer/elections");

    @Test
    void everyRolesMenuFitsOneRowOnADesktopInWelshAndEnglishAndFoldsOnAPhone() {
        for (String language : List.of("cy-GB", "en-GB")) {
            // Someone with all four roles: every role's menu, with the role switch beside their name.
            Page page = portal.phone(language);
            Portal.logInAsNew(page, "pedair" + System.nanoTime(), "member,admin,board,scrutineer");
            for (String role : List.of("member", "board", "admin", "scrutineer")) {
                go(page, ROLE_HOMES.get(role));
                page.setViewportSize(1280, 900);
                Map<String, Number> rows = Portal.menuRows(page);
                assertTrue(rows.size() >= 4, role + " " + rows);
                assertEquals(1, rows.values().stream().distinct().count(), language + " " + role + "'s menu wraps at 1280 px: " + rows);
                assertEquals(true, page.evaluate("() => { const boxes = [...document.querySelectorAll('#session > *')]"
                        + ".map((e) => e.getBoundingClientRect());"
                        + " return Math.max(...boxes.map((b) => b.top)) < Math.min(...boxes.map((b) => b.bottom)); }"),
                        language + " " + role + ": the language, name, role switch and log out share a row");
                assertFalse(page.locator(".menu-toggle").isVisible(), "no Menu button where the whole menu fits");

                // On a phone the menu folds behind one button, opened and closed by keyboard.
                page.setViewportSize(390, 844);
                Locator menu = button(page, language.startsWith("cy") ? "Dewislen" : "Menu");
                assertEquals("false", menu.getAttribute("aria-expanded"));
                assertTrue(Portal.menuRows(page).isEmpty(), "a folded menu shows no links");
                press(menu, "Enter");
                Map<String, Number> open = Portal.menuRows(page);
                assertEquals(rows.keySet(), open.keySet(), "the open menu has every page");
                assertEquals(open.size(), open.values().stream().distinct().count(), "on a phone each page has its own row");
                page.keyboard().press("Escape");
                assertEquals("false", menu.getAttribute("aria-expanded"), "Escape folds it");
                for (int width : new int[] {320, 390}) {
                    page.setViewportSize(width, 700);
                    assertEquals(List.of(), Portal.sideways(page), role + " at " + width + " px");
                }
                portal.check(page, (language.startsWith("cy") ? "cy-" : "") + "menu-" + role);
            }
            page.context().close();
        }
    }
}
