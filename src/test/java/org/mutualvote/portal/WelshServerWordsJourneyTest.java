package org.mutualvote.portal;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mutualvote.support.Portal.button;
import static org.mutualvote.support.Portal.go;
import static org.mutualvote.support.Portal.press;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
 * What the server writes, said in Welsh: a field's bound with its number, an applicant's refusal by a constituency's
 * rule beside the field it concerns, a motion's outcome sentence built from the count's verdict, a split the rule book's
 * limits refuse, a member's dividend workings, and the conflict an official meets sharing a pot twice.
 */
@QuarkusTest
class WelshServerWordsJourneyTest extends BrowserJourney {

    @Test
    void aWelshApplicantReadsTheBoundAndTheRefusalInWelshBesideTheirFields() {
        String district = "CF" + (10 + new Random().nextInt(80));
        String name = "Cyhoeddus " + district + " " + System.nanoTime() % 10_000;
        ElectionTestSteps.as("alice").body(Map.of("kind", "public", "name", name, "seats", 3, "areas", List.of(district)))
                .post("/api/constituencies").then().statusCode(201);

        Page page = portal.phone("cy-GB");
        Portal.logInAsNew(page, "ifanc" + System.nanoTime(), "member");
        page.getByLabel("Enw llawn").fill("N".repeat(201));
        page.getByLabel("E-bost").fill("ifanc." + System.nanoTime() + "@example.org");
        LocalDate twelve = LocalDate.now().minusYears(12);
        Locator born = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Dyddiad geni"));
        fillDate(born, List.of("Diwrnod", "Mis", "Blwyddyn"), String.valueOf(twelve.getDayOfMonth()),
                String.valueOf(twelve.getMonthValue()), String.valueOf(twelve.getYear()));
        page.getByLabel("Cod post").fill(district + " 1AA");
        page.getByLabel("Rwy'n cytuno i delerau'r aelodaeth").check();
        press(button(page, "Gwneud cais"), "Enter");
        page.getByText("Enw llawn: rhaid i hwn fod yn 200 nod neu lai").waitFor();
        assertEquals("true", page.getByLabel("Enw llawn").getAttribute("aria-invalid"));
        assertFalse(page.locator("main").innerText().contains("size must be"), page.locator("main").innerText());
        portal.check(page, "cy-server-words-size");

        page.getByLabel("Enw llawn").fill("Gwen Ifanc");
        press(button(page, "Gwneud cais"), "Enter");
        // Every public constituency the applicant fails is named (other tests' constituencies too), each with its reason.
        String refusal = name + ": rhaid i aelodau fod yn 16 oed o leiaf";
        page.waitForCondition(() -> "true".equals(born.getAttribute("aria-invalid")));
        assertTrue(page.locator("main").innerText().contains(refusal), page.locator("main").innerText());
        String said = describedBy(born);
        assertTrue(said.contains("Dyddiad geni: ") && said.contains(refusal), "the refusal is said with the field it concerns: " + said);
        String words = page.locator("main").innerText();
        assertFalse(words.contains("too young") || words.contains("minimum age"), words);
        portal.check(page, "cy-server-words-refusal");
        page.context().close();
    }

    @Test
    void aWelshReaderReadsAMotionsOutcomeInWelsh() {
        long home = fixtures.constituency("Dyfarniad");
        fixtures.activeMember("voter9", home);
        long poll = MotionTestSteps.open(List.of(home), List.of(MotionTestSteps.motion("Change the rules", "at-least 2/3")));
        MotionTestSteps.vote("voter9", poll, MotionTestSteps.FOR);
        MotionTestSteps.declare(poll);

        Page page = portal.phone("cy-GB");
        Portal.logIn(page, "voter9");
        go(page, "/member/motions/" + poll);
        Locator result = page.locator(".motion-result[data-motion='1']");
        result.waitFor();
        assertTrue(result.getByText("Wedi'i basio: 100.0% o blaid, roedd angen o leiaf dwy ran o dair.").isVisible(), result.innerText());
        assertFalse(result.innerText().contains("carried") || result.innerText().contains("needed"), result.innerText());
        portal.check(page, "cy-server-words-motion");

        Page english = portal.phone("en-GB");
        Portal.logIn(english, "voter9");
        go(english, "/member/motions/" + poll);
        Locator inEnglish = english.locator(".motion-result[data-motion='1']");
        inEnglish.waitFor();
        assertTrue(inEnglish.getByText("Carried: 100.0% for, at least two thirds needed.").isVisible(), inEnglish.innerText());
        english.context().close();
        page.context().close();
    }

    @Test
    void aWelshMemberWhoseSplitBreaksARuleBookLimitReadsWhyInWelsh() {
        long home = fixtures.constituency("Terfyn");
        fixtures.activeMember("voter10", home);
        // The rule book's default: member and investor dividends together get at most 50%.
        long id = ServerRefusalPhrasesTest.surplusVote(home, List.of(ServerRefusalPhrasesTest.pot("Ailfuddsoddi", "reserve"),
                ServerRefusalPhrasesTest.pot("Difidend staff", "member_dividend"), ServerRefusalPhrasesTest.pot("Cronfa gymunedol", "other")), null);
        ServerRefusalPhrasesTest.step(id, "open");

        Page page = portal.phone("cy-GB");
        Portal.logIn(page, "voter10");
        go(page, "/member/votes/" + id);
        page.getByLabel("Ailfuddsoddi (cronfa wrth gefn)").fill("30");
        page.getByLabel("Difidend staff (difidend aelodau)").fill("60");
        page.getByLabel("Cronfa gymunedol (arall)").fill("10");
        button(page, "Adolygu fy mhleidlais").click();
        button(page, "Bwrw fy mhleidlais").click();
        // The portal adds up to 100 itself; the limit is the server's to check, and its refusal is said in Welsh.
        page.getByText("gall difidendau aelodau a buddsoddwyr gyda'i gilydd gael 50% ar y mwyaf; mae hyn yn rhoi 60.00% iddynt").waitFor();
        String said = page.locator("main").innerText();
        assertFalse(said.contains("breaks the limit") || said.contains("may get at most"), said);
        portal.check(page, "cy-server-words-split-limit");
        page.context().close();
        ElectionTestSteps.as("voter10").get("/api/contests/" + id + "/ballots/mine").then().statusCode(200)
                .body("voted", equalTo(false));
    }

    @Test
    void aWelshReaderReadsTheirDividendWorkingsAndAnOfficialTheConflictInWelsh() {
        long home = fixtures.constituency("Difidend");
        long m1 = fixtures.activeMember("voter7", home);
        long m2 = fixtures.activeMember("voter8", home);
        long id = ServerRefusalPhrasesTest.surplusVote(home, List.of(ServerRefusalPhrasesTest.pot("Ailfuddsoddi", "reserve"),
                ServerRefusalPhrasesTest.pot("Difidend staff", "member_dividend"), ServerRefusalPhrasesTest.pot("Cronfa gymunedol", "other")), null);
        ServerRefusalPhrasesTest.step(id, "open");
        ServerRefusalPhrasesTest.cast("voter7", id, 70, 30, 0);
        ServerRefusalPhrasesTest.cast("voter8", id, 70, 30, 0);
        for (String step : List.of("close", "count", "publish")) {
            ServerRefusalPhrasesTest.step(id, step);
        }
        String base = "/api/surplus/" + id + "/dividends/2?basis=hours&constituency=" + home + "&recordDate=" + LocalDate.now();
        ElectionTestSteps.as("alice").contentType("text/csv").body("member_id,hours\n" + m1 + ",12.5\n" + m2 + ",20\n")
                .post(base + "&dryRun=false").then().statusCode(200);

        // The returning officer shares the pot again from other figures: the conflict is said in Welsh.
        Page official = portal.phone("cy-GB");
        Portal.logIn(official, "alice");
        go(official, "/admin/surplus/" + id);
        official.getByLabel("Wedi'i rannu yn ôl cyfran o").selectOption("hours");
        official.getByLabel("Ffigurau (CSV: member_id neu external_id, ac oriau, cyflog neu fasnach)").setInputFiles(
                new com.microsoft.playwright.options.FilePayload("oriau.csv", "text/csv",
                        ("member_id,hours\n" + m1 + ",12.5\n" + m2 + ",21\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        button(official, "Ei rannu").click();
        Locator conflict = official.getByText("Mae cronfa 2 eisoes wedi'i rhannu o ffigurau eraill; dim ond unwaith y cyfrifir difidend.");
        conflict.waitFor();
        String said = official.locator("main").innerText();
        assertFalse(said.contains("already shared") || said.contains("not worked out twice"), said);
        portal.check(official, "cy-server-words-dividend-conflict");
        official.context().close();

        // The member reads how their share was worked out, in Welsh.
        Page page = portal.phone("cy-GB");
        Portal.logIn(page, "voter7");
        go(page, "/member/dividends");
        Locator card = page.locator(".dividend[data-surplus='" + id + "']");
        card.getByText("Sut y cyfrifwyd eich un chi").click();
        Locator workings = card.locator(".workings");
        String words = workings.innerText();
        assertTrue(words.startsWith("Rhennir y gronfa o £300.00 yn ôl yr oriau a weithiwyd. Eich cyfran chi: 12.5 awr o gyfanswm o 32.5 awr, felly"
                + " £300.00 × 12.5 awr / 32.5 awr = 11,538.4615c, a droir yn geiniogau cyfan yn ôl y gweddill mwyaf"), words);
        assertTrue(words.endsWith(": £115.38."), words);
        assertFalse(words.contains("hours") || words.contains("pence") || words.contains("Yours"), words);
        portal.check(page, "cy-server-words-dividend-workings");
        page.context().close();
    }

    @Test
    void aWelshMemberReadsAMotionsWholeRuleBeforeVoting() {
        long home = fixtures.constituency("Rheol");
        long other = fixtures.constituency("Rheol arall");
        fixtures.activeMember("voter10", home);
        Map<String, Object> motion = MotionTestSteps.motion("Merge", "special");
        motion.put("quorum", Map.of("members", 2, "share", "1/10"));
        motion.put("consent", List.of(home));
        motion.put("weights", Map.of("kind", "shares", "classes", List.of(Map.of("constituencyId", home, "share", "2/3"),
                Map.of("constituencyId", other, "share", "1/3"))));
        long poll = MotionTestSteps.open(List.of(home, other), List.of(motion));
        String homeName = ElectionTestSteps.as("bob").get("/api/motions/" + poll).then().statusCode(200).extract()
                .path("constituencies.find { it.id == " + home + " }.name");
        String otherName = ElectionTestSteps.as("bob").get("/api/motions/" + poll).then().extract()
                .path("constituencies.find { it.id == " + other + " }.name");

        Page page = portal.phone("cy-GB");
        Portal.logIn(page, "voter10");
        go(page, "/member/motions/" + poll);
        Locator rule = page.locator(".motion-text[data-motion='1'] .rule");
        rule.waitFor();
        assertEquals("Penderfynir gan: o leiaf 75% o'r cyfanswm: pleidleisiau o blaid ac yn erbyn; cworwm o 2 aelod neu 10% o'r gofrestr,"
                + " pa un bynnag sydd fwyaf, gan gyfrif papurau pleidleisio a fwriwyd drwy ddirprwy; a hefyd o leiaf 75% ym mhob un o'r"
                + " canlynol: " + homeName + "; wedi'i bwysoli: " + homeName + " 2/3 (66.7%), " + otherName + " 1/3 (33.3%)", rule.innerText());
        portal.check(page, "cy-server-words-motion-rule");
        page.context().close();
    }
}
