package org.mutualvote.election.documents;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mutualvote.election.ElectionTestSteps.as;
import static org.mutualvote.election.ElectionTestSteps.cast;
import static org.mutualvote.election.ElectionTestSteps.move;
import static org.mutualvote.election.ElectionTestSteps.nominate;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mutualvote.election.ElectionTestSteps;
import org.mutualvote.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A foundation trust election from timetable to declaration: the returning officer sets the timetable, runs the
 * poll, records the rejected paper ballots, counts by ni85, and prints every document; the text in the PDFs is
 * what a member reading the notices would see.
 */
@QuarkusTest
class ElectionDocumentsTest {

    @Inject
    Fixtures fixtures;

    @Test
    void documentsOfAFinishedElection() throws IOException {
        long home = fixtures.constituency("Public: Leeds");
        for (String v : List.of("voter1", "voter2", "voter3", "voter4", "voter5")) {
            fixtures.activeMember(v, home);
        }
        for (int i = 1; i <= 6; i++) {
            fixtures.activeMember("docs-absent-" + i + "-" + home, home);   // on the roll, never vote
        }
        long id = ElectionTestSteps.create(home, 2, "stv", null);
        String docs = "/api/elections/" + id + "/documents/";
        Map<String, Object> dates = new HashMap<>(as("alice").get("/api/elections/" + id + "/timetable/proposal?closeOfPoll=2027-03-18")
                .then().statusCode(200).extract().jsonPath().getMap(""));
        dates.remove("closingTime");
        dates.remove("zone");
        as("alice").body(dates).put("/api/elections/" + id + "/timetable").then().statusCode(200);

        move(id, "nominations");
        long ada = nominate(id, "Ada Lovelace");
        long ben = nominate(id, "Ben Okri");
        long cy = nominate(id, "Cy Twombly");
        long dee = nominate(id, "Dee Dee Bridgewater");
        as("alice").post("/api/elections/" + id + "/candidates/" + dee + "/withdraw").then().statusCode(200);

        String notice = text(as("alice").get(docs + "notice-of-election.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray());
        assertContains(notice, "Notice of election", "2 members", "Thursday 18 March 2027", "Monday 8 February 2027",
                "Northern Ireland local election rules of 1985", "Returning Officer");
        String statement = text(as("alice").get(docs + "statement-of-candidates.pdf").then().statusCode(200).extract().asByteArray());
        assertContains(statement, "Ada Lovelace", "Ben Okri", "Cy Twombly", "have withdrawn", "Dee Dee Bridgewater");
        as("alice").get(docs + "count-sheet.pdf").then().statusCode(409).body("detail", containsString("counted"))
                .body("code", equalTo("document-needs-count")).body("params.document", equalTo("count-sheet"))
                .body("params.state", equalTo("nominations"));

        // Rejected papers are recorded only after the close and before the count.
        as("alice").body(Map.of("papers", Map.of("no-first-preference", 2))).post("/api/elections/" + id + "/rejected-papers")
                .then().statusCode(409).body("detail", containsString("after the close of poll"))
                .body("code", equalTo("rejected-papers-window")).body("params.state", equalTo("nominations"));

        move(id, "open");
        String poll = text(as("bob").get(docs + "notice-of-poll.pdf").then().statusCode(200).extract().asByteArray());
        assertContains(poll, "Notice of poll", "Ada Lovelace", "Cy Twombly", "Thursday 25 February 2027");
        assertTrue(!poll.contains("Dee Dee Bridgewater"), "a withdrawn candidate is not on the notice of poll");

        cast("voter1", id, List.of(ada, ben));
        cast("voter2", id, List.of(ada, ben));
        cast("voter3", id, List.of(ada, cy));
        cast("voter4", id, List.of(ben));
        cast("voter5", id, List.of(cy));
        move(id, "close");

        String url = "/api/elections/" + id + "/rejected-papers";
        as("alice").body(Map.of("papers", Map.of("no-first-preference", 1, "voter-identifiable", 1))).post(url)
                .then().statusCode(200).body("total", equalTo(2)).body("papers.no-first-preference", equalTo(1));
        as("alice").body(Map.of("papers", Map.of("first-preference-for-two", 1))).post(url)
                .then().statusCode(200).body("total", equalTo(3));
        as("alice").body(Map.of("papers", Map.of("smudged", 1, "void-for-uncertainty", -1))).post(url)
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("rejected-papers-refused"))
                .body("errors.field", hasItem("papers.smudged")).body("errors.field", hasItem("papers.void-for-uncertainty"));
        as("bob").body(Map.of("papers", Map.of("no-first-preference", 9))).post(url).then().statusCode(403);
        as("sam").get(url).then().statusCode(200).body("total", equalTo(3));

        as("alice").post("/api/elections/" + id + "/count").then().statusCode(200).body("rule", equalTo("ni85"));
        as("alice").body(Map.of("papers", Map.of("no-first-preference", 9))).post(url).then().statusCode(409)
                .body("code", equalTo("rejected-papers-window")).body("params.state", equalTo("counted"));

        // 5 valid votes, 2 seats: quota floor(5 / 3) + 1 = 2. Ada has 3 and is elected; Ben and Cy have 1 each.
        // Ada's surplus of 1.00 passes on from her 3 papers at 1.00 / 3 = 0.33: 2 to Ben (0.66), 1 to Cy (0.33),
        // 0.01 non-transferable. With one vacancy left, Ben's 1.66 is at least Cy's 1.33: Ben is elected (rule 52(2)).
        String sheet = text(as("sam").get(docs + "count-sheet.pdf").then().statusCode(200).extract().asByteArray());
        assertContains(sheet, "Count sheet", "Quota: 2.00", "Stage 1", "Stage 2", "3.00", "2.00", "1.66", "1.33", "0.01",
                "Surplus of Ada Lovelace (1.00) transferred", "rule 52(2)", "Elected, in order of election: Ada Lovelace, Ben Okri",
                "I certify that this is a true record of the count", "Signed:");
        // 11 on the roll; 5 valid votes and 3 rejected papers: 8 cast, 72.7%.
        String declaration = text(as("alice").get(docs + "declaration.pdf").then().statusCode(200).extract().asByteArray());
        assertContains(declaration, "Declaration of result of poll", "Members entitled to vote (the voter roll) 11",
                "Valid votes counted 5 (online 5, paper 0)", "Ballot papers rejected 3", "72.7% (8 of 11)",
                "no first preference marked 1", "first preference for more than one candidate 1", "voter can be identified 1",
                "unmarked or void for uncertainty 0", "does not bear the official mark 0", "Ada Lovelace", "Ben Okri",
                "duly elected");
        assertTrue(!declaration.contains("Cy Twombly"), "only the elected are named on the declaration");

        as("alice").get(docs + "declaration.html").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Declaration of result of poll"));
        as("alice").get(docs + "ballot-paper.pdf").then().statusCode(404);
        as("alice").get(docs + "declaration.docx").then().statusCode(404);
        as("mia").get(docs + "declaration.pdf").then().statusCode(403);
    }

    private static String text(byte[] pdf) throws IOException {
        assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"), "a PDF file");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static void assertContains(String text, String... parts) {
        for (String p : parts) {
            assertTrue(text.contains(p), "'" + p + "' not in: " + text);
        }
    }
}
