package org.mutualvote.portal;

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
 * rule beside the field it concerns, and a motion's outcome sentence built from the count's verdict.
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
}
