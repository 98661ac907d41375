package org.mutualvote.election;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.mutualvote.ballot.BallotForm;
import org.mutualvote.contest.ContestKind;
import org.mutualvote.web.Problem.FieldError;
import org.mutualvote.web.ProblemException;

/** An election ballot: a ranking of standing candidates (irv, stv) or up to N of them (fptp). */
@ApplicationScoped
class ElectionBallotForm implements BallotForm {

    private final CandidateRepository candidates;
    private final ElectionRepository elections;

    ElectionBallotForm(CandidateRepository candidates, ElectionRepository elections) {
        this.candidates = candidates;
        this.elections = elections;
    }

    @Override
    public ContestKind kind() {
        return ContestKind.ELECTION;
    }

    @Override
    public int[] ranking(long contestId, List<Long> choices) {
        Election election = elections.findById(contestId);
        Map<Long, Candidate> byId = new HashMap<>();
        for (Candidate c : candidates.ofContest(contestId)) {
            byId.put(c.id, c);
        }
        List<FieldError> errors = new ArrayList<>();
        if (election.method == ElectionMethod.FPTP && choices.size() > election.seats) {
            errors.add(new FieldError("choices", "too many marks: " + choices.size() + " for " + election.seats
                    + (election.seats == 1 ? " seat" : " seats")));
        }
        Set<Long> seen = new HashSet<>();
        int[] ranking = new int[choices.size()];
        for (int i = 0; i < choices.size(); i++) {
            Long id = choices.get(i);
            Candidate c = byId.get(id);
            if (c == null) {
                errors.add(new FieldError("choices[" + i + "]", "no candidate " + id + " stands in this election"));
            } else if (c.withdrawn) {
                errors.add(new FieldError("choices[" + i + "]", c.name + " has withdrawn"));
            } else if (!seen.add(id)) {
                errors.add(new FieldError("choices[" + i + "]", c.name + " is marked more than once"));
            } else {
                ranking[i] = c.position;
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("This ballot cannot be accepted", errors);
        }
        return ranking;
    }
}
