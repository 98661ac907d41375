package org.mutualvote.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mutualvote.election.ElectionTestSteps.as;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mutualvote.support.Fixtures;
import org.mutualvote.support.Portal;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A member on their phone splits a surplus across the pots, gets a receipt, and later reads the result and their dividend. */
@QuarkusTest
class SurplusPortalBrowserTest {

    @TestHTTPResource("/")
    URL url;

    @Inject
    Fixtures fixtures;

    @Test
    void memberSplitsTheSurplusThenReadsTheResultAndTheirDividend() {
        Assumptions.assumeTrue(Portal.available(), "Chromium is installed at /usr/bin/chromium by .ci/run");
        long home = fixtures.constituency("Surplus browser");
        fixtures.activeMember("voter4", home);
        fixtures.activeMember("voter5", home);
        fixtures.activeMember("voter6", home);
        long id = as("bob").body(Map.of("title", "Surplus 2026", "constituencyId", home, "surplusPence", 100_000, "form", "split",
                "rule", "mean", "limits", Map.of("reserveMinimum", 20),
                "pots", List.of(Map.of("name", "Reinvestment", "kind", "reserve"), Map.of("name", "Staff dividend", "kind", "member_dividend"),
                        Map.of("name", "Community fund", "kind", "other"))))
                .post("/api/surplus").then().statusCode(201).extract().jsonPath().getLong("id");
        as("alice").post("/api/surplus/" + id + "/open").then().statusCode(200);

        try (Portal portal = new Portal(url)) {
            Page page = portal.phone("en");
            Portal.logIn(page, "voter4");
            Portal.go(page, "/member/votes/" + id);
            assertThat(page.locator("#limits")).containsText("Reserves get at least 20%");
            page.getByLabel("Reinvestment (reserve)").fill("60");
            assertThat(page.locator("#left")).hasText("40% left to share.");
            page.getByLabel("Staff dividend (member dividend)").fill("31");
            page.getByLabel("Community fund (other)").fill("9");
            assertThat(page.locator("#left")).hasText("All 100% shared.");
            portal.check(page, "surplus-split");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review my vote")).click();
            assertThat(page.locator("#review")).containsText("Staff dividend: 31% (£310.00)");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cast my vote")).click();
            assertThat(page.locator("#receipt .code")).hasText(Pattern.compile("[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}"));
            // The receipt sends the member to this vote's own result page, not an election's.
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check it here after the close")))
                    .hasAttribute("href", Pattern.compile("#/member/surplus/\\d+$"));

            // One ballot: the mean is that split. £1,000.00 = £600.00 + £310.00 + £90.00.
            as("alice").post("/api/surplus/" + id + "/close").then().statusCode(200);
            as("alice").post("/api/surplus/" + id + "/count").then().statusCode(200);
            as("alice").post("/api/surplus/" + id + "/publish").then().statusCode(200);
            // £310.00 equally among three members: 10,333.33p each; floors 30,999p, the last penny by the published seed.
            as("alice").post("/api/surplus/" + id + "/dividends/2?basis=equal&dryRun=false&constituency=" + home + "&recordDate="
                    + java.time.LocalDate.now()).then().statusCode(200);

            Portal.go(page, "/member/surplus/" + id);
            assertThat(page.locator("#pots li[data-pot='2']")).containsText("£310.00");
            assertThat(page.locator("#stack .segment")).hasCount(3);
            // The receipt kept on the phone finds the split on the bulletin board, as it was cast.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check").setExact(true)).click();
            assertThat(page.locator("#check-answer li")).hasText(new String[] { "Reinvestment: 60%", "Staff dividend: 31%",
                "Community fund: 9%" });
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName("Download every ballot to recount (the file SurplusRecount reads)"))).hasCount(1);
            portal.check(page, "surplus-result");
            Portal.go(page, "/member/dividends");
            assertThat(page.locator("#dividends")).containsText("Staff dividend");
            String mine = page.locator("#dividends .big-money").textContent();
            assertTrue(mine.equals("£103.33") || mine.equals("£103.34"), mine);
            page.locator("#dividends details summary").click();
            assertThat(page.locator("#dividends .workings")).containsText("equal shares, one each");
            portal.check(page, "surplus-dividend");
        }
    }
}
