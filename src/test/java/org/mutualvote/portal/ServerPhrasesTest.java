package org.mutualvote.portal;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.mutualvote.election.ElectionTestSteps.as;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.election.ElectionTestSteps;
import org.mutualvote.motion.MotionTestSteps;
import org.mutualvote.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What the server says to a person comes with a stable code and the values it names, beside its English, so the
 * portal can say it in its reader's language: a motion's verdict, a timetable's dates, an import row's reasons
 * (eligibility refusals and a size's bound: SignUpTest).
 */
@QuarkusTest
class ServerPhrasesTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aMotionResultCarriesItsVerdictBesideTheStoredSentence() {
        long home = fixtures.constituency("Verdict");
        fixtures.activeMember("voter9", home);
        fixtures.activeMember("voter10", home);
        fixtures.activeMember("voter11", home);
        long poll = MotionTestSteps.open(List.of(home), List.of(MotionTestSteps.motion("Change the rules", "at-least 2/3"),
                MotionTestSteps.motion("Adopt the accounts", "ordinary")));
        MotionTestSteps.vote("voter9", poll, MotionTestSteps.FOR, MotionTestSteps.FOR);
        MotionTestSteps.vote("voter10", poll, MotionTestSteps.FOR, MotionTestSteps.AGAINST);
        MotionTestSteps.vote("voter11", poll, MotionTestSteps.AGAINST, MotionTestSteps.AGAINST);
        MotionTestSteps.declare(poll);
        as("alice").get("/api/motions/" + poll + "/result").then().statusCode(200)
                .body("report.motions[0].outcome.reason", equalTo("carried: 66.7% for, at least 2/3 (66.7%) needed"))
                .body("verdicts[0].carried", equalTo(true)).body("verdicts[0].code", equalTo("carried"))
                .body("verdicts[0].params.percent", equalTo("66.7")).body("verdicts[0].params.threshold", equalTo("at-least 2/3"))
                .body("verdicts[0].params.weighted", equalTo(false))
                .body("verdicts[1].code", equalTo("lost")).body("verdicts[1].params.percent", equalTo("33.3"))
                .body("verdicts[1].params.threshold", equalTo("ordinary"));
        // The recount still finds the stored report, which the verdicts are not part of.
        as("alice").get("/api/motions/" + poll + "/recount").then().statusCode(200).body("matches", equalTo(true));
    }

    @Test
    void aTimetableDateTooLateNamesItsDatesAsIsoValues() {
        long id = ElectionTestSteps.create(fixtures.constituency("PhraseTimetable"), 2, "stv", null);
        String url = "/api/elections/" + id + "/timetable";
        Map<String, Object> dates = new HashMap<>(as("alice").get(url + "/proposal?closeOfPoll=2027-03-18").then().statusCode(200)
                .extract().jsonPath().getMap(""));
        dates.remove("closingTime");
        dates.remove("zone");
        dates.put("noticeOfElection", "2027-01-28");
        as("alice").body(dates).put(url).then().statusCode(422)
                .body("errors.find { it.field == 'noticeOfElection' }.code", equalTo("timetable-too-late"))
                .body("errors.find { it.field == 'noticeOfElection' }.params.latest", equalTo("2027-01-21"))
                .body("errors.find { it.field == 'noticeOfElection' }.params.close", equalTo("2027-03-18"))
                .body("errors.find { it.field == 'noticeOfElection' }.params.days", equalTo(40));
        // A weekend is refused before any interval is worked out.
        dates.put("count", "2027-03-20");
        as("alice").body(dates).put(url).then().statusCode(422)
                .body("errors.find { it.field == 'count' }.code", equalTo("timetable-weekend"))
                .body("errors.find { it.field == 'count' }.params.date", equalTo("2027-03-20"));
    }

    @Test
    void anImportRowSaysEachReasonByCode() {
        String cls = "phrasing" + System.nanoTime();
        as("alice").body(Map.of("kind", "staff", "name", "Staff " + cls, "seats", 2, "staffClasses", List.of(cls)))
                .post("/api/constituencies").then().statusCode(201);
        String csv = "name,email,date_of_birth,staff_class,external_id\n"
                + "Young,young." + cls + "@example.org," + LocalDate.now().minusYears(10) + "," + cls + ",\n"
                + "Bad Date,bd." + cls + "@example.org,02/01/1970," + cls + ",\n";
        as("alice").contentType("text/csv").body(csv).post("/api/members/import?dryRun=true").then().statusCode(200)
                .body("results.find { it.row == 2 }.reasons.code", hasItems("fits-no-constituency", "too-young"))
                .body("results.find { it.row == 2 }.reasons.find { it.code == 'too-young' }.params.minAge", equalTo(16))
                .body("results.find { it.row == 3 }.reasons[0].code", equalTo("date-of-birth-invalid"))
                .body("results.find { it.row == 3 }.reasons[0].params.value", equalTo("02/01/1970"));
    }
}
