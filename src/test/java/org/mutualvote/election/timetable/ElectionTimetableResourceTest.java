package org.mutualvote.election.timetable;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.mutualvote.election.ElectionTestSteps.as;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mutualvote.election.ElectionTestSteps;
import org.mutualvote.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/** The returning officer asks for a timetable from a close of poll, sets it, and is refused one that breaks an interval. */
@QuarkusTest
class ElectionTimetableResourceTest {

    @Inject
    Fixtures fixtures;

    @Test
    void proposeSetAndRefuseATimetable() {
        long id = ElectionTestSteps.create(fixtures.constituency("Timetable"), 2, "stv", null);
        String url = "/api/elections/" + id + "/timetable";

        // Close of poll Thursday 18 March 2027: the dates worked by hand in ModelTimetableTest.
        Map<String, Object> proposal = as("alice").get(url + "/proposal?closeOfPoll=2027-03-18").then().statusCode(200)
                .body("noticeOfElection", equalTo("2027-01-21")).body("nominationsClose", equalTo("2027-02-08"))
                .body("statementOfCandidates", equalTo("2027-02-09")).body("withdrawalsClose", equalTo("2027-02-11"))
                .body("noticeOfPoll", equalTo("2027-02-25")).body("votingInformation", equalTo("2027-02-25"))
                .body("closeOfPoll", equalTo("2027-03-18")).body("count", equalTo("2027-03-19"))
                .body("closingTime", equalTo("17:00")).body("zone", equalTo("Europe/London"))
                .extract().jsonPath().getMap("");
        as("alice").get(url).then().statusCode(404);

        Map<String, Object> dates = new HashMap<>(proposal);
        dates.remove("closingTime");
        dates.remove("zone");
        dates.put("noticeOfElection", "2027-01-28");
        as("alice").body(dates).put(url).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("timetable-breaks-intervals")).body("errors.field", hasItem("noticeOfElection"))
                .body("errors[0].message", containsString("at least 40 working days before the close of poll"));
        as("alice").get(url).then().statusCode(404);

        dates.put("noticeOfElection", "2027-01-21");
        as("alice").body(dates).put(url).then().statusCode(200).body("closeOfPoll", equalTo("2027-03-18"));
        as("sam").get(url).then().statusCode(200).body("noticeOfElection", equalTo("2027-01-21"));
        // The contest's own instants follow: the poll closes at 17:00 London time (GMT in March, before the clocks go forward).
        as("alice").get("/api/elections/" + id).then().body("timetable.votingCloseAt", equalTo("2027-03-18T17:00:00Z"))
                .body("timetable.nominationsCloseAt", equalTo("2027-02-08T17:00:00Z"));

        as("mia").get(url).then().statusCode(403);
        as("bob").body(dates).put(url).then().statusCode(403);
        as("alice").get(url + "/proposal?closeOfPoll=18/03/2027").then().statusCode(400)
                .body("detail", containsString("closeOfPoll must be a date")).body("code", equalTo("close-of-poll-not-a-date"))
                .body("params.value", equalTo("18/03/2027"));
        as("alice").get(url + "/proposal").then().statusCode(400).body("code", equalTo("close-of-poll-needed"));
        as("alice").get("/api/elections/999999/timetable/proposal?closeOfPoll=2027-03-18").then().statusCode(404);
    }
}
