package org.mutualvote.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.mutualvote.election.ElectionTestSteps.as;
import static org.mutualvote.election.ElectionTestSteps.cast;
import static org.mutualvote.election.ElectionTestSteps.move;
import static org.mutualvote.election.ElectionTestSteps.nominate;
import static org.mutualvote.motion.MotionTestSteps.motion;
import static org.mutualvote.support.Portal.button;
import static org.mutualvote.support.Portal.go;
import static org.mutualvote.support.Portal.link;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mutualvote.election.ElectionTestSteps;
import org.mutualvote.motion.MotionTestSteps;
import org.mutualvote.support.BrowserJourney;
import org.mutualvote.support.MinimumRollOfThree;
import org.mutualvote.support.Portal;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The small-numbers rule as officials and members meet it in the portal (minimum 3 here). Before, a returning officer
 * of a two-member co-operative read the refusal with no way past it but the API, and a member who opened the bulletin
 * board of an election with two votes got a broken page (the portal read a ranking the service had withheld) and a
 * download link that answered 403.
 */
@QuarkusTest
@TestProfile(MinimumRollOfThree.class)
class SmallNumbersBrowserTest extends BrowserJourney {

    @Test
    void theReturningOfficerOpensAPollOnASmallRollOnlyByRecordingTheOverride() {
        long home = fixtures.constituency("Two-member co-op");
        fixtures.activeMember("voter10", home);
        fixtures.activeMember("voter11", home);
        long poll = MotionTestSteps.draft(List.of(home), List.of(motion("Buy the van", "ordinary")));
        as("bob").post("/api/motions/" + poll + "/notice").then().statusCode(200);

        Page page = portal.phone("en-GB");
        Portal.logIn(page, "alice");
        go(page, "/admin/motions/" + poll);
        button(page, "Open voting").click();
        button(page, "Yes, open voting").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("The roll has 2 members, fewer than the 3 needed");
        assertThat(page.locator("#poll-state")).containsText("voting has not opened");

        button(page, "Open anyway, with the override recorded").click();
        assertThat(page.locator(".confirm")).containsText("Voting opens on a roll of 2, below the minimum of 3. The audit log records");
        portal.check(page, "small-roll-override");
        button(page, "Yes, open with the small roll").click();
        page.locator(".state", new Page.LocatorOptions().setHasText("Now: Voting open")).waitFor();
        as("sam").get("/api/audit?action=motion.open").then().statusCode(200);
    }

    @Test
    void aMemberFindsTheirBallotOnTheBoardButNotWhatTwoBallotsSay() {
        long home = fixtures.constituency("Small ward");
        for (String voter : List.of("voter12", "j01", "j02")) {
            fixtures.activeMember(voter, home);
        }
        long id = ElectionTestSteps.create(home, 1, "irv", null);
        long ann = nominate(id, "Ann");
        long bo = nominate(id, "Bo");
        move(id, "open");
        String mine = cast("voter12", id, List.of(ann, bo));
        cast("j01", id, List.of(bo));
        move(id, "close");
        move(id, "count");
        move(id, "publish");

        Page page = portal.phone("en-GB");
        Portal.logIn(page, "voter12");
        go(page, "/member/results/" + id);
        assertThat(link(page, "Download every ballot to recount (BLT file)")).hasCount(0);
        page.getByLabel("Your receipt code").fill(mine);
        button(page, "Check").click();
        assertThat(page.locator("#check-answer")).containsText("Your ballot is on the bulletin board and was counted.");
        assertThat(page.locator("#check-answer")).containsText("what your ballot says is shown only to the returning officer");
        assertThat(page.locator("#check-answer ol")).hasCount(0);

        link(page, "See every ballot on the bulletin board").click();
        assertThat(page.locator("#contents-withheld")).containsText("only the returning officer and the scrutineers see what the ballots say");
        assertThat(page.locator("table.board tbody tr")).hasCount(2);
        assertThat(page.getByRole(AriaRole.COLUMNHEADER)).hasCount(2);
        assertThat(link(page, "Download every ballot to recount (BLT file)")).hasCount(0);
        portal.check(page, "small-numbers-board");

        // A scrutineer, from the election's page, sees every ballot's ranking and the file to recount. (Before, the
        // link led to the member's address, which a scrutineer is refused.)
        Page sam = portal.phone("en-GB");
        Portal.logIn(sam, "sam");
        go(sam, "/scrutineer/elections/" + id);
        link(sam, "See every ballot on the bulletin board").click();
        assertThat(sam.getByRole(AriaRole.COLUMNHEADER)).hasCount(3);
        assertThat(sam.locator("table.board")).containsText("Ann › Bo");
        assertThat(link(sam, "Download every ballot to recount (BLT file)")).hasCount(1);
    }
}
