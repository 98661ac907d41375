package org.mutualvote.motion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.mutualvote.ballot.BallotForm;
import org.mutualvote.contest.ContestKind;
import org.mutualvote.web.Phrase;
import org.mutualvote.web.Problem.FieldError;
import org.mutualvote.web.ProblemException;

/**
 * A motions ballot. The voter sends one answer code per motion in order (1 for, 2 against, 3 abstain);
 * the stored row is the voter's class code (their constituency's place, from 1, among those the poll
 * is put to in id order, as frozen on the roll) followed by those answers: see {@link PollFile}.
 */
@ApplicationScoped
class MotionBallotForm implements BallotForm {

    @Override
    public ContestKind kind() {
        return ContestKind.MOTION;
    }

    @Override
    public boolean needsVoter() {
        return true;
    }

    @Override
    public int[] ranking(Connection c, long contestId, List<Long> choices) {
        throw new IllegalStateException("a motions ballot needs to know whose it is");
    }

    @Override
    public int[] ranking(Connection c, long contestId, long memberId, boolean byProxy, List<Long> choices) throws SQLException {
        int motions = 0;
        int classCode = 0;
        boolean hasProxy = false;
        try (PreparedStatement ps = c.prepareStatement("""
                select (select count(*) from motion where contest_id = r.contest_id),
                       (select count(*) from contest_put_to k where k.contest_id = r.contest_id
                            and k.constituency_id <= r.constituency_id),
                       exists (select 1 from proxy_appointment p where p.contest_id = r.contest_id
                            and p.appointer_id = r.member_id and p.revoked_at is null)
                from voter_roll r where r.contest_id = ? and r.member_id = ?""")) {
            ps.setLong(1, contestId);
            ps.setLong(2, memberId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    motions = rs.getInt(1);
                    classCode = rs.getInt(2);
                    hasProxy = rs.getBoolean(3);
                }
            }
        }
        if (hasProxy && !byProxy) {
            throw ProblemException.conflict("You appointed a proxy for this poll, so your proxy votes for you; "
                    + "a member who has appointed a proxy cannot also vote").coded("proxy-votes-for-you");
        }
        return row(classCode, motions, choices);
    }

    static int[] row(int classCode, int motions, List<Long> choices) {
        List<FieldError> errors = new ArrayList<>();
        if (choices.size() != motions) {
            errors.add(Phrase.of("answer-each-motion", "answer each of the " + motions + " motions: " + choices.size() + " answers given",
                    "motions", motions, "given", choices.size()).at("choices"));
        }
        int[] row = new int[choices.size() + 1];
        row[0] = classCode;
        for (int i = 0; i < choices.size(); i++) {
            long a = choices.get(i);
            if (a < PollFile.FOR || a > PollFile.WITHHELD) {
                errors.add(Phrase.of("not-an-answer", a + " is not an answer: 1 for, 2 against, 3 abstain", "answer", a).at("choices[" + i + "]"));
            } else {
                row[i + 1] = (int) a;
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("This ballot cannot be accepted", errors).coded("ballot-invalid");
        }
        return row;
    }
}
