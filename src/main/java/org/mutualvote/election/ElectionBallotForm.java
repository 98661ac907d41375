package org.mutualvote.election;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.mutualvote.ballot.BallotForm;
import org.mutualvote.ballot.FormsWhileOpen;
import org.mutualvote.contest.ContestKind;
import org.mutualvote.web.Phrase;
import org.mutualvote.web.Problem.FieldError;
import org.mutualvote.web.ProblemException;

/** An election ballot: a ranking of standing candidates (irv, stv) or up to N of them (fptp). */
@ApplicationScoped
class ElectionBallotForm implements BallotForm {

    private record Standing(int position, String name, boolean withdrawn) {
    }

    private record Form(String method, int seats, Map<Long, Standing> candidates) {
    }

    /** Candidates by election, kept once voting is open, when no candidate may be added or withdraw. */
    private final FormsWhileOpen<Form> forms = new FormsWhileOpen<>();

    @Override
    public ContestKind kind() {
        return ContestKind.ELECTION;
    }

    @Override
    public int[] ranking(Connection c, long contestId, List<Long> choices) throws SQLException {
        Form form = forms.get(contestId, id -> read(c, id));
        String method = form.method();
        int seats = form.seats();
        Map<Long, Standing> byId = form.candidates();
        List<FieldError> errors = new ArrayList<>();
        if (ElectionMethod.FPTP.key().equals(method) && choices.size() > seats) {
            errors.add(Phrase.of("too-many-marks", "too many marks: " + choices.size() + " for " + seats + (seats == 1 ? " seat" : " seats"),
                    "marks", choices.size(), "seats", seats).at("choices"));
        }
        Set<Long> seen = new HashSet<>();
        int[] ranking = new int[choices.size()];
        for (int i = 0; i < choices.size(); i++) {
            Long id = choices.get(i);
            Standing k = byId.get(id);
            if (k == null) {
                errors.add(Phrase.of("candidate-not-standing", "no candidate " + id + " stands in this election", "id", id).at("choices[" + i + "]"));
            } else if (k.withdrawn()) {
                errors.add(Phrase.of("candidate-withdrawn", k.name() + " has withdrawn", "name", k.name()).at("choices[" + i + "]"));
            } else if (!seen.add(id)) {
                errors.add(Phrase.of("candidate-marked-twice", k.name() + " is marked more than once", "name", k.name()).at("choices[" + i + "]"));
            } else {
                ranking[i] = k.position();
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("This ballot cannot be accepted", errors).coded("ballot-invalid");
        }
        return ranking;
    }

    private static FormsWhileOpen.Read<Form> read(Connection c, long contestId) throws SQLException {
        String method = null;
        int seats = 0;
        boolean open = false;
        Map<Long, Standing> byId = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select e.method, e.seats, k.id, k.position, k.name, k.withdrawn, c.state = 'open'
                from election e join contest c on c.id = e.contest_id join candidate k on k.contest_id = e.contest_id
                where e.contest_id = ?""")) {
            ps.setLong(1, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    method = rs.getString(1);
                    seats = rs.getInt(2);
                    byId.put(rs.getLong(3), new Standing(rs.getInt(4), rs.getString(5), rs.getBoolean(6)));
                    open = rs.getBoolean(7);
                }
            }
        }
        return new FormsWhileOpen.Read<>(new Form(method, seats, Map.copyOf(byId)), open);
    }
}
