package org.mutualvote.surplus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.mutualvote.ballot.BallotForm;
import org.mutualvote.ballot.FormsWhileOpen;
import org.mutualvote.contest.ContestKind;
import org.mutualvote.web.Phrase;
import org.mutualvote.web.Problem.FieldError;
import org.mutualvote.web.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A surplus ballot, stored in the ballot row's integer array like any other:
 * <ul>
 * <li>split form: whole percents per pot, in pot order (for example {60,30,10}); checked to sum to 100
 * and to keep every limit, each fault named;</li>
 * <li>proposals form: proposal numbers (1-based), favourite first, each at most once.</li>
 * </ul>
 * On {@code POST /api/contests/{id}/ballots} the {@code choices} carry these numbers; the surplus API's own
 * {@code POST /api/surplus/{id}/ballots} takes {@code percents} or {@code ranking} and refuses fractions.
 */
@ApplicationScoped
class SurplusBallotForm implements BallotForm {

    private record Form(String form, Question question) {
    }

    /** Questions by contest, kept once voting is open, when they are frozen. */
    private final FormsWhileOpen<Form> forms = new FormsWhileOpen<>();
    private final ObjectMapper json;

    SurplusBallotForm(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public ContestKind kind() {
        return ContestKind.SURPLUS;
    }

    @Override
    public int[] ranking(Connection c, long contestId, List<Long> choices) throws SQLException {
        Form form = forms.get(contestId, id -> read(c, id));
        Question q = form.question();
        if (SurplusCount.SPLIT.equals(form.form())) {
            Splits.Checked checked = Splits.check("percents", choices, q.names(), q.kinds(), q.limits());
            if (checked instanceof Splits.Invalid bad) {
                throw ProblemException.unprocessable("This split cannot be accepted",
                        bad.faults().stream().map(Splits.Fault::error).toList()).coded("ballot-invalid");
            }
            return ((Splits.Valid) checked).percents();
        }
        int proposals = q.proposals().size();
        List<FieldError> errors = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        int[] ranking = new int[choices.size()];
        for (int i = 0; i < choices.size(); i++) {
            Long n = choices.get(i);
            if (n == null || n < 1 || n > proposals) {
                errors.add(Phrase.of("proposal-unknown", "no proposal " + n + "; the proposals are numbered 1 to " + proposals,
                        "value", n, "proposals", proposals).at("ranking[" + i + "]"));
            } else if (!seen.add(n)) {
                errors.add(Phrase.of("proposal-ranked-twice", "proposal " + n + " is ranked more than once", "value", n).at("ranking[" + i + "]"));
            } else {
                ranking[i] = n.intValue();
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("This ranking cannot be accepted", errors).coded("ballot-invalid");
        }
        return ranking;
    }

    private FormsWhileOpen.Read<Form> read(Connection c, long contestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select s.form, s.question, c.state = 'open' from surplus_vote s join contest c on c.id = s.contest_id
                where s.contest_id = ?""")) {
            ps.setLong(1, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("surplus contest " + contestId + " has no question");
                }
                return new FormsWhileOpen.Read<>(new Form(rs.getString(1), json.readValue(rs.getString(2), Question.class)),
                        rs.getBoolean(3));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored surplus question is not JSON", e);
            }
        }
    }
}
